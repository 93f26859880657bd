import { describe, expect, it } from "vitest";
import { findScenario } from "../../scenarios/catalogue";
import { traceFor } from "../../store/traceFor";
import { SEED_LINES } from "../code/seed";
import { en } from "../i18n/en";
import { publishEn } from "../i18n/en/publish";
import { publishZh } from "../i18n/zh/publish";
import { zh } from "../i18n/zh";
import { resolveSteps } from "../../lesson/steps";
import { formatSeconds } from "../../model/format";
import { CATALOGUE } from "../../scenarios/catalogue";
import { fenced, oneLine, walkthroughMarkdown } from "./markdown";
import { TRACE_EXPORT_FORMAT, traceJson } from "./traceJson";

const scenario = findScenario("disk-happy-path")!;
const { trace, derived } = traceFor(scenario);

describe("the walkthrough as Markdown", () => {
  const md = walkthroughMarkdown({ scenario, edits: [], trace, derived, lang: "en", dict: en, words: publishEn.walkthrough });

  it("starts with the title and the summary", () => {
    expect(md.split("\n")[0]).toBe(`# ${scenario.title.en} — walkthrough`);
    expect(md).toContain(scenario.summary.en.replace(/\s*\n\s*/g, " "));
  });

  it("has one section per event step, numbered from 1 with its frame number and time, as the lab's counter numbers them", () => {
    const sections = md.split("\n").filter((l) => l.startsWith("## "));
    expect(sections.length).toBe(derived.stops.length);
    expect(sections[0]).toBe("## Step 1 · frame 1 · t = 0.000 s");
    const second = derived.stops[1]!;
    expect(sections[1]).toMatch(new RegExp(`^## Step 2 · frame ${second + 1} · t = `));
  });

  it("shows the seed lines executed, numbered, in C code blocks", () => {
    expect(md).toContain("```c\n");
    const starting = SEED_LINES.findIndex((l) => l.includes('"Starting BGSAVE for SYNC with target: %s"')) + 1;
    expect(starting).toBeGreaterThan(0);
    expect(md).toContain(`${String(starting).padStart(3)} | ${SEED_LINES[starting - 1]}`);
    expect(md).toMatch(/^\s*\d+ \| .*serverLog\(LL_NOTICE,"Starting BGSAVE for SYNC with target: %s",$/m);
  });

  it("shows the new server log lines", () => {
    expect(md).toContain("Starting BGSAVE for SYNC with target: disk");
    expect(md).toMatch(/```text\n[^`]*Starting BGSAVE for SYNC with target: disk/);
  });

  it("uses the chosen language for the explanations and headings", () => {
    const zhMd = walkthroughMarkdown({ scenario, edits: [], trace, derived, lang: "zh", dict: zh, words: publishZh.walkthrough });
    expect(zhMd.split("\n")[0]).toContain(scenario.title.zh);
    expect(zhMd).toContain("**讲解:**");
    expect(zhMd).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("the walkthrough's questions", () => {
  const fork = findScenario("fork-failure-disk")!;
  const ft = traceFor(fork);
  const walk = (lang: "en" | "zh") =>
    walkthroughMarkdown({ scenario: fork, edits: [], ...ft, lang, dict: lang === "en" ? en : zh, words: lang === "en" ? publishEn.walkthrough : publishZh.walkthrough });
  const asked = resolveSteps(fork, ft.trace).filter((s) => s.step.predict);
  const flat = oneLine;

  it("are in the scenario at all (else this test checks nothing)", () => {
    expect(asked.length).toBeGreaterThan(0);
  });

  for (const lang of ["en", "zh"] as const) {
    it(`print each question with its choices as a list, the right one marked, and the explanation (${lang})`, () => {
      const md = walk(lang);
      const words = lang === "en" ? publishEn.walkthrough : publishZh.walkthrough;
      for (const s of asked) {
        const p = s.step.predict!;
        expect(md).toContain(`**${words.question}:** ${flat(p.question[lang])}`);
        p.choices.forEach((c, i) => {
          const item = i === p.answer ? `- **${flat(c.text[lang])}**${words.rightChoice}` : `- ${flat(c.text[lang])}`;
          expect(md.split("\n")).toContain(item);
        });
        expect(md).toContain(`**${words.answer}:** ${flat(p.explain![lang])}`);
        // The question comes in the section of the step it asks about, before the narration that answers it.
        const section = md.split(/\n(?=## )/).find((sec) => sec.includes(flat(p.question[lang])))!;
        // Headed by its event step and its frame, numbered from 1 as the lab's counter numbers them.
        const step = ft.derived.stops.indexOf(s.frame) + 1;
        expect(step).toBeGreaterThan(0);
        expect(section.split("\n")[0]).toBe(`## ${words.frame(step, s.frame + 1, formatSeconds(ft.trace.frames[s.frame]!.t))}`);
        expect(section.indexOf(flat(p.question[lang]))).toBeLessThan(section.indexOf(flat(s.step.text[lang])));
      }
    });
  }

  it("no longer: the Markdown walkthrough copies a text's markup raw — outside code spans it is escaped", () => {
    const mine = { ...fork, title: { en: "Mine [see](https://example.com)", zh: "我的" }, summary: { en: "It prints +FULLRESYNC <replid> 0 & then `$EOF:<mark>`.", zh: "摘要" } };
    const ft2 = traceFor(mine);
    const out = walkthroughMarkdown({ scenario: mine, edits: [], ...ft2, lang: "en", dict: en, words: publishEn.walkthrough });
    expect(out).toContain("# Mine \\[see\\](https://example.com) — walkthrough");
    expect(out).toContain("It prints +FULLRESYNC &lt;replid&gt; 0 &amp; then `$EOF:<mark>`.");
    // No raw angle bracket outside code spans and fences anywhere in the document.
    const prose = out.replace(/^(```+)[^\n]*\n[\s\S]*?\n\1$/gm, "").split("`").filter((_, k) => k % 2 === 0).join("");
    expect(prose).not.toMatch(/<[a-z]/i);
  });

  it("carry no instructions for the page's controls, in any catalogue scenario or language", () => {
    const ui = {
      en: /\b(click|press|tap|drag|scroll|hover)\b|step (forward|back)|(key|press|hit)\s*→|\bbutton\b|\bslider\b/i,
      zh: /点击|按下|单步|按钮|滑块|快捷键|→\s*键/,
    };
    for (const sc of CATALOGUE) {
      const t = traceFor(sc);
      for (const lang of ["en", "zh"] as const) {
        const md = walkthroughMarkdown({ scenario: sc, edits: [], ...t, lang, dict: lang === "en" ? en : zh, words: lang === "en" ? publishEn.walkthrough : publishZh.walkthrough });
        const bad = md.split("\n").filter((l) => ui[lang].test(l));
        expect(bad, `${sc.id} (${lang})`).toEqual([]);
      }
    }
  });
});

describe("code fences", () => {
  it("are longer than any run of backticks inside", () => {
    expect(fenced("a ``` b", "c")).toBe("````c\na ``` b\n````");
    expect(fenced("plain")).toBe("```\nplain\n```");
  });
});

describe("the trace as JSON", () => {
  it("carries the trace, the scenario and the edits", () => {
    const doc = JSON.parse(traceJson(scenario, [], trace)) as { format: string; scenario: { id: string }; edits: unknown[]; trace: { frames: { t: number }[] } };
    expect(doc.format).toBe(TRACE_EXPORT_FORMAT);
    expect(doc.scenario.id).toBe("disk-happy-path");
    expect(doc.edits).toEqual([]);
    expect(doc.trace.frames.length).toBe(trace.frames.length);
    expect(doc.trace.frames[0]!.t).toBe(trace.frames[0]!.t);
  });
});

describe("the walkthrough of a run on another version", () => {
  it("prints that version's own lines (scenario 8 on 5.0.5: line 52 resets replstate) and its log's dates", async () => {
    const { readFileSync } = await import("node:fs");
    const { computeTrace } = await import("../../run/compute");
    const scenario = { ...findScenario("fork-failure-disk")!, redis: "5.0.5" as const, writtenFor: ["4.0.14" as const] };
    const { trace, derived } = computeTrace(scenario);
    expect(trace.redis).toBe("5.0.5");
    const codeLines = readFileSync("src/model/seed/5.0.5/startBgsaveForReplication.c", "utf8").replace(/\n$/, "").split("\n");
    const md = walkthroughMarkdown({ scenario, edits: [], trace, derived, lang: "en", dict: en, words: publishEn.walkthrough, codeLines });
    expect(md).toContain(" 52 |                 slave->replstate = REPL_STATE_NONE;");
    expect(md).toMatch(/15 May 2019 10:00:00\.250/);
    // The narration, written for 4.0.14 here, is not the 5.0.5 run's (the 4.0.14 run has it).
    expect(md).not.toContain("**Narration:**");
    const own = traceFor(findScenario("fork-failure-disk")!);
    expect(walkthroughMarkdown({ scenario: findScenario("fork-failure-disk")!, edits: [], ...own, lang: "en", dict: en, words: publishEn.walkthrough })).toContain("**Narration:**");
  });
});
