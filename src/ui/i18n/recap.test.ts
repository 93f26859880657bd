import { describe, expect, it } from "vitest";
import { whatHappened, type RecapFact } from "../../lesson/recap";
import { runScenario } from "../../model";
import { CATALOGUE } from "../../scenarios/catalogue";
import type { UnfinishedReason } from "../../store/progress";
import { recapEn, type FactContext, type RecapDict } from "./en/recap";
import { recapZh } from "./zh/recap";

const HAN = /\p{Script=Han}/u;
const context = (t: RecapDict): FactContext => ({ secs: (ms) => String(ms / 1000), list: (ids) => t.list(ids, 0), reason: (r) => r });
const word = (t: RecapDict, f: RecapFact) => (t.facts[f.kind] as (f: RecapFact, c: FactContext) => string)(f, context(t));

describe("the recap's words", () => {
  const facts = CATALOGUE.flatMap((s) => whatHappened(runScenario(s)));

  it.each([
    ["en", recapEn],
    ["zh", recapZh],
  ] as const)("word every fact of every catalogue scenario (%s), naming its replicas and its time", (lang, t) => {
    for (const f of facts) {
      const text = word(t, f);
      expect(text).not.toMatch(/undefined|null|NaN|\[object/);
      if (lang === "zh") expect(text).toMatch(HAN);
      if ("t" in f) expect(text).toContain(String(f.t / 1000));
      if (f.kind === "online") for (const id of f.replicas) expect(text).toContain(id);
      if (f.kind === "callFailed") for (const id of f.dropped) expect(text).toContain(id);
    }
  });

  it("say how many questions are skipped or unanswered, in both languages", () => {
    const skipped: UnfinishedReason = { kind: "skipped", questions: [1, 4] };
    expect(recapEn.reasons.skipped(skipped)).toBe("2 questions skipped — answer them to finish.");
    expect(recapEn.reasons.skipped({ kind: "skipped", questions: [3] })).toBe("1 question skipped — answer it to finish.");
    expect(recapZh.reasons.skipped(skipped)).toContain("2 道题");
    expect(recapZh.reasons.unanswered({ kind: "unanswered", questions: [0, 1, 2] })).toContain("3 道题");
  });
});
