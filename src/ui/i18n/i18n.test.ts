import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Cause } from "../../model";
import { runScenario, SEED_STATEMENTS } from "../../model";
import { CATALOGUE } from "../../scenarios/catalogue";
import type { Lang } from "../../store/labStore";
import type { NoticeMessage } from "../../store/types";
import { CHART } from "../statechart/chartLayout";
import { CONTRACT_NAMES, namesOf } from "./a11yNames";
import { en } from "./en";
import { orientEn } from "./en/orient";
import { publishEn } from "./en/publish";
import { toolsEn } from "./en/tools";
import { loadWords, withWords, type Dict, type Section } from "./index";
import { zh as zhWords } from "./zh";
import { toolsZh } from "./zh/tools";
import { publishZh } from "./zh/publish";
import { orientZh } from "./zh/orient";
import { findTerms } from "../orient/terms";
import { REPLSTATE_NAMES } from "../../model/constants";

/** Read through the shape every language has (the Chinese object's own type is narrower). */
const zh: Dict = zhWords;

const MODEL_DIR = join(__dirname, "../../model");
const SECTIONS: Section[] = ["main", "tools", "lecture", "publish", "recap", "orient", "sequence", "versions"];
const LANGS: Lang[] = ["en", "zh"];
const HAN = /\p{Script=Han}/u;

/** Every note key the model emits, read from its source (`note(server, "key"`). */
function modelNoteKeys(): string[] {
  const keys = new Set<string>();
  for (const file of readdirSync(MODEL_DIR)) {
    if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
    const text = readFileSync(join(MODEL_DIR, file), "utf8");
    for (const m of text.matchAll(/note\(server, "([^"]+)"/g)) keys.add(m[1] as string);
  }
  return [...keys].sort();
}

/** Every leaf of a dictionary object, as "a.b.c:type". */
function leaves(o: unknown, path = ""): string[] {
  if (o && typeof o === "object") return Object.entries(o).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [`${path}:${typeof o}`];
}

/** The paths of the strings that are empty (or only blanks). */
function emptyStrings(o: unknown, path = ""): string[] {
  if (o && typeof o === "object") return Object.entries(o).flatMap(([k, v]) => emptyStrings(v, path ? `${path}.${k}` : k));
  return typeof o === "string" && o.trim() === "" ? [path] : [];
}

describe("every language, loaded as the page loads it", () => {
  it.each(SECTIONS)("has every key of the English %s words, and no empty text", async (section) => {
    const [english, chinese] = await Promise.all(LANGS.map((lang) => loadWords(section, lang)));
    expect(leaves(chinese).sort()).toEqual(leaves(english).sort());
    expect([...emptyStrings(english), ...emptyStrings(chinese)]).toEqual([]);
  });

  it("calls back at once with words that are here, and once loaded with words that are not", async () => {
    const seen: string[] = [];
    withWords("main", "en", (d) => seen.push(d.share.copyLink));
    expect(seen).toEqual(["Copy link"]);
    await loadWords("main", "zh");
    withWords("main", "zh", (d) => seen.push(d.share.copyLink));
    expect(seen).toEqual(["Copy link", "复制链接"]);
  });
});

describe("explanation dictionaries", () => {
  it("explain every note key the model emits, in both languages", () => {
    expect(modelNoteKeys().filter((k) => !Object.hasOwn(en.notes, k))).toEqual([]);
    expect(modelNoteKeys().filter((k) => !Object.hasOwn(zh.notes, k) || !Object.hasOwn(zh.briefs, k))).toEqual([]);
  });

  it("explain every seed line the port records, in both languages", () => {
    const lines = Object.keys(SEED_STATEMENTS).map(Number);
    expect(lines.filter((l) => !en.lines[l])).toEqual([]);
    expect(lines.filter((l) => !zh.lines[l])).toEqual([]);
  });

  it("say that the 4.0.14 error reply is never delivered and that 5.0.5 fixed it", () => {
    const frame = {} as never;
    const text = en.notes["port.dropped"]({ key: "port.dropped", replica: "r1" }, { frame });
    expect(text).toContain("never delivered");
    expect(text).toContain("replstate stays 6");
    expect(text).toContain("5.0.5");
  });
});

describe("the page's words", () => {
  it("give in English exactly the names other code finds controls by (docs/architecture.md §8)", () => {
    const { replica, ...fixed } = namesOf(en);
    const { replica: contractReplica, ...contract } = CONTRACT_NAMES;
    expect(fixed).toEqual(contract);
    expect(replica("r1")).toBe(contractReplica("r1"));
    // docs/architecture.md §8, word for word: a change of English wording cannot slip past the contract.
    expect(Object.values(contract).sort()).toEqual(
      ["BGSAVE target", "Copy link", "Explanation", "First step", "Last step", "Pause", "Play", "Scenario", "Server log", "Source code", "Step back", "Step forward", "Timeline"].sort(),
    );
    expect(contractReplica("r1")).toBe("Replica r1");
  });

  it("name controls in Chinese by the Chinese words shown for them (label in name)", () => {
    const names = namesOf(zhWords);
    const c = zhWords.page.controls;
    expect([names.first, names.back, names.play, names.pause, names.forward, names.last]).toEqual([c.first, c.back, c.play, c.pause, c.forward, c.last]);
    expect(zhWords.page.code.title).toContain(names.sourceCode);
    expect(zhWords.page.log.title).toContain(names.serverLog);
    expect(c.target).toContain(names.target);
    expect(names.replica("r1")).toBe(zhWords.page.replicas.heading("r1"));
    for (const name of Object.values(names)) if (typeof name === "string") expect(name).toMatch(/[\u4e00-\u9fff]/);
  });

  it("describe every state of the replica statechart in both languages", () => {
    for (const s of CHART.states) {
      expect(en.page.chart.states[s.path], s.path).toBeTruthy();
      expect(zh.page.chart.states[s.path], s.path).toMatch(HAN);
    }
  });

  it("word every notice the store gives, naming what was wrong", () => {
    const errors = ["a: bad", "b: bad", "c: bad", "d: bad"];
    for (const dict of [en, zh]) {
      const n = dict.page.notices;
      expect(n.unknownScenario({ key: "unknownScenario", id: "ghost" })).toContain("ghost");
      for (const key of ["fileInvalid", "editsDropped", "editRefused", "editsIgnored"] as const) {
        const text = (n[key] as (m: NoticeMessage) => string)({ key, errors });
        expect(text, key).toContain("a: bad");
        expect(text, key).not.toContain("d: bad");
        expect(text, key).toContain("1");
      }
    }
  });

  it("say what caused every frame of the catalogue in Chinese, without the model's English", () => {
    const causes = new Map<string, Cause>();
    for (const scenario of CATALOGUE) for (const f of runScenario(scenario).frames) causes.set(JSON.stringify(f.cause), f.cause);
    for (const extra of [
      { type: "event", index: 0, event: { at: 0, type: "kill-child", mode: "exit-error" } },
      { type: "event", index: 0, event: { at: 0, type: "write", count: 3 } },
    ] as Cause[])
      causes.set(JSON.stringify(extra), extra);
    for (const c of causes.values()) {
      const text = zh.page.cause(c);
      expect(text, JSON.stringify(c)).not.toMatch(/connects|disconnects|fault|finishes|its own|writes? on|reconfigured|scenario starts|a user/);
      expect(en.page.cause(c), JSON.stringify(c)).not.toBe("");
    }
    expect(en.page.cause({ type: "event", index: 0, event: { at: 0, type: "write", count: 1 } } as Cause)).toBe("1 write on the primary");
  });
});

describe("the tools' words", () => {
  it("name the field in every validation message", () => {
    for (const errors of [toolsEn.sandbox.errors, toolsZh.sandbox.errors, toolsEn.probe.errors]) {
      expect(errors.integer("FIELD", 0, 9)).toContain("FIELD");
      expect(errors.number("FIELD", 0, 9)).toContain("FIELD");
      expect(errors.id("FIELD")).toContain("FIELD");
      expect(errors.idTaken("FIELD", "r1")).toContain("FIELD");
      expect(errors.sha("FIELD")).toContain("FIELD");
      expect(errors.required("FIELD")).toContain("FIELD");
    }
  });
});

describe("the sharing words", () => {
  it("name the detail of every link problem (the field, value or message)", () => {
    for (const dict of [en.share, zh.share]) {
      for (const [code, text] of Object.entries(dict.problems)) {
        const out = text("DETAIL");
        expect(out, code).not.toBe("");
        if (!["not-base64", "damaged", "not-a-link", "too-big", "not-kept"].includes(code)) expect(out, code).toContain("DETAIL");
      }
    }
  });

  it("say \"Link copied\" in English, as the tests and the help expect", () => {
    expect(en.share.linkCopied).toMatch(/^Link copied/);
    expect(en.share.copyLink).toBe("Copy link");
  });
});

describe("the embedding and export words", () => {
  it("use the names the tests and the embedded view's controls rely on in English", () => {
    expect(en.page.publish.embed).toBe("Embed");
    expect(publishEn.export.menu).toBe("Export");
    expect(en.page.header.more).toBe("More");
    expect(publishEn.embed.forward).toBe("Step forward");
    expect(publishEn.embed.first).toBe("First step");
    expect(publishEn.embed.timeline).toBe("Timeline");
  });

  it("put the arguments into the texts that take them", () => {
    for (const dict of [publishEn, publishZh]) {
      expect(dict.embed.badRange(41)).toContain("41");
      expect(dict.embed.iframeTitle("TITLE")).toContain("TITLE");
      expect(dict.walkthrough.heading("TITLE")).toContain("TITLE");
      expect(dict.walkthrough.frame(3, 7, "1.250")).toMatch(/3\D+7\D+1\.250/);
      expect(dict.export.failed("WHY")).toContain("WHY");
    }
  });
});

describe("the glossary", () => {
  it("defines every word in one line, in English and in Chinese, each naming the word it defines", () => {
    for (const [id, text] of Object.entries(orientEn.glossary) as [keyof typeof orientEn.glossary, string][]) {
      const zhText = orientZh.glossary[id];
      for (const line of [text, zhText]) {
        expect(line, id).not.toContain("\n");
        expect(line.length, id).toBeLessThan(170);
      }
      expect(zhText, id).toMatch(HAN);
      // A definition starts with the word it explains, as the texts write it.
      const first = findTerms(text, new Set())[0];
      expect(typeof first === "string" ? first : first?.term, id).toBe(id);
    }
  });

  it("gives the replstate numbers of Redis 4.0.14's server.h", () => {
    for (const n of [0, 6, 7, 8, 9] as const) {
      const name = REPLSTATE_NAMES[n]!;
      for (const dict of [orientEn, orientZh]) {
        const line = dict.glossary[`replstate${n}`];
        expect(line).toMatch(new RegExp(`^replstate ${n}\\b`));
        expect(line).toContain(n === 0 ? "REPL_STATE_NONE" : `SLAVE_STATE_${name}`);
        if (n > 0) expect(dict.glossary.replstate).toContain(`${n} ${name}`);
      }
    }
  });
});
