import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { findTerms, type TermId } from "../orient/terms";
import { RichText, richParts } from "./RichText";

/** The glossary words found in a text, in order, as [term, text as written]. */
const found = (text: string, seen = new Set<TermId>()) =>
  findTerms(text, seen).flatMap((p) => (typeof p === "string" ? [] : [[p.term, p.text]]));

/** The text of every Term in rendered markup. */
const termsIn = (html: string) => [...html.matchAll(/<span role="term" tabindex="0"[^>]*>([^<]*)<\/span>/g)].map((m) => m[1]);

describe("RichText", () => {
  it("renders *emphasis* as <em>, and backticks as <code>", () => {
    const html = renderToStaticMarkup(<RichText text="writes `+FULLRESYNC` to r1 *before* forking" />);
    expect(html).toContain("<em>before</em>");
    expect(html).toMatch(/<code[^>]*><span role="term"[^>]*>\+FULLRESYNC<\/span><\/code>/);
    expect(html).not.toContain("*");
  });

  it("leaves asterisks inside code, lone or spaced ones as they are", () => {
    expect(richParts("`*rsiptr` and `a*b*c`")).toEqual([
      { kind: "code", text: "*rsiptr" },
      { kind: "text", text: " and " },
      { kind: "code", text: "a*b*c" },
    ]);
    expect(richParts("2 * 3 * 4")).toEqual([{ kind: "text", text: "2 * 3 * 4" }]);
    expect(richParts("a * b")).toEqual([{ kind: "text", text: "a * b" }]);
    expect(richParts("**")).toEqual([{ kind: "text", text: "**" }]);
    expect(richParts("*one* and *two words*")).toEqual([
      { kind: "em", text: "one" },
      { kind: "text", text: " and " },
      { kind: "em", text: "two words" },
    ]);
  });

  it("never parses markup: text that looks like HTML is shown as text", () => {
    const html = renderToStaticMarkup(<RichText text={'*<img src=x onerror="alert(1)">* `<b>`'} />);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("<em>&lt;img");
  });

  it("marks the first appearance of each glossary word in a text, in prose, code and emphasis alike", () => {
    const html = renderToStaticMarkup(
      <RichText text="r1 sends `PSYNC ? -1` with `capa eof psync2`; the *BGSAVE* forks, `mincapa` = 3, then PSYNC and BGSAVE again" />,
    );
    expect(termsIn(html)).toEqual(["PSYNC", "capa eof", "psync2", "BGSAVE", "mincapa"]);
    // The text reads as before: only elements were added around the words.
    expect(html.replace(/<[^>]+>/g, "")).toBe("r1 sends PSYNC ? -1 with capa eof psync2; the BGSAVE forks, mincapa = 3, then PSYNC and BGSAVE again");
  });

  it("marks none inside a control: a choice's button cannot hold a focusable word", () => {
    expect(termsIn(renderToStaticMarkup(<RichText text="To disk: a child writes `dump.rdb` (RDB, BGSAVE)" terms={false} />))).toEqual([]);
  });

  it("finds the same Latin words in Chinese text, and the Chinese word for diskless", () => {
    expect(found("r1（`capa eof psync2`）在 0.2 秒到达一个开启无盘复制的主节点，收到 +FULLRESYNC，replstate 仍是 6。")).toEqual([
      ["capaEof", "capa eof"],
      ["capaPsync2", "psync2"],
      ["diskless", "无盘"],
      ["fullresync", "+FULLRESYNC"],
      ["replstate", "replstate"],
    ]);
  });
});

describe("the glossary's words", () => {
  it("are found only as whole words, not inside longer names", () => {
    expect(found("PSYNC2 SYNC_ACCEPTED rdbSaveBackground startBgsaveForReplication repl-diskless-sync-delay repl_diskless_sync BGSAVE_START RDB_CHILD_TYPE_DISK $EOF: repl-timeout-x")).toEqual([]);
    expect(found("the old SYNC, then PSYNC")).toEqual([
      ["sync", "SYNC"],
      ["psync", "PSYNC"],
    ]);
  });

  it("tell replstate numbers apart, and take the longer form first", () => {
    expect(found("replstate 6, replstate 7, replstate 8, replstate 9, replstate 0; replstate stays 6")).toEqual([
      ["replstate6", "replstate 6"],
      ["replstate7", "replstate 7"],
      ["replstate8", "replstate 8"],
      ["replstate9", "replstate 9"],
      ["replstate0", "replstate 0"],
      ["replstate", "replstate"],
    ]);
    expect(found("`repl-diskless-sync` is on; Diskless transfer; repl-timeout")).toEqual([
      ["diskless", "repl-diskless-sync"],
      ["replTimeout", "repl-timeout"],
    ]);
    expect(found("mincapa & SLAVE_CAPA_EOF")).toEqual([
      ["mincapa", "mincapa"],
      ["capaEof", "SLAVE_CAPA_EOF"],
    ]);
  });

  it("mark a word once per text block: the block's seen words carry over between its pieces", () => {
    const seen = new Set<TermId>();
    expect(found("an RDB and an RDB", seen)).toEqual([["rdb", "RDB"]]);
    expect(found("RDB again, and +FULLRESYNC", seen)).toEqual([["fullresync", "+FULLRESYNC"]]);
    // A new block starts afresh.
    expect(found("RDB")).toEqual([["rdb", "RDB"]]);
  });

  it("cut the text without losing or adding a character", () => {
    const text = "`repl-diskless-sync yes`: mincapa=1, +FULLRESYNC <replid> 0 — 无盘, RDB.";
    expect(findTerms(text, new Set()).map((p) => (typeof p === "string" ? p : p.text)).join("")).toBe(text);
  });
});
