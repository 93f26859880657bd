import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadWords } from "../i18n";
import { ANNOTATION_LINES, WRONG_ANNOTATIONS } from "./annotations";
import { SEED_LINES } from "./seed";

const SEED_FILE = join(__dirname, "../../model/seed/startBgsaveForReplication.c");
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** The lines of the shipped file (1-based) that hold a `//` comment with Chinese in it. */
function chineseCommentLines(text: string): number[] {
  return text
    .replace(/\n$/, "")
    .split("\n")
    .flatMap((line, i) => {
      const at = line.indexOf("//");
      return at >= 0 && CJK.test(line.slice(at)) ? [i + 1] : [];
    });
}

describe("the annotations of the taught text", () => {
  it("are exactly the Chinese // comments of the shipped file, which the listing shows verbatim", () => {
    const text = readFileSync(SEED_FILE, "utf8");
    expect(chineseCommentLines(text)).toEqual([...ANNOTATION_LINES]);
    for (const n of ANNOTATION_LINES) expect(SEED_LINES[n - 1]).toBe(text.split("\n")[n - 1]);
  });

  it("each have an English rendering, and the wrong ones a flag in English and in Chinese", async () => {
    const [en, zh] = await Promise.all([loadWords("annotations", "en"), loadWords("annotations", "zh")]);
    for (const n of ANNOTATION_LINES) {
      const rendering = en.renderings?.[n] ?? "";
      expect(rendering.trim(), `line ${n}`).not.toBe("");
      expect(rendering, `line ${n}`).not.toMatch(CJK);
    }
    // A Chinese reader reads the comment itself.
    expect(zh.renderings).toBeNull();
    expect(WRONG_ANNOTATIONS).toEqual([46, 66]);
    for (const n of WRONG_ANNOTATIONS) {
      expect(en.flags[n].trim(), `line ${n}`).not.toBe("");
      expect(en.flags[n], `line ${n}`).not.toMatch(CJK);
      expect(zh.flags[n], `line ${n}`).toMatch(/\p{Script=Han}/u);
    }
    expect(Object.keys(en.flags).map(Number)).toEqual([...WRONG_ANNOTATIONS]);
    expect(Object.keys(zh.flags).map(Number)).toEqual([...WRONG_ANNOTATIONS]);
    for (const dict of [en, zh]) for (const word of [dict.about, dict.rendering, dict.wrong]) expect(word.trim()).not.toBe("");
  });

  it("say why: the error reply is never sent in 4.0.14, and line 66 misreads the comment above it", async () => {
    const [en, zh] = await Promise.all([loadWords("annotations", "en"), loadWords("annotations", "zh")]);
    for (const flags of [en.flags, zh.flags]) {
      expect(flags[46]).toContain("`replstate`");
      expect(flags[46]).toContain("5.0.5");
      expect(flags[46]).toContain("`CLIENT_CLOSE_AFTER_REPLY`");
      expect(flags[66]).toContain("`rdbSaveToSlavesSockets()`");
      expect(flags[66]).toContain("`+FULLRESYNC`");
    }
    expect(en.flags[46]).toContain("neither notified nor disconnected");
    expect(en.flags[66]).toContain("misparaphrases the English comment above");
  });
});
