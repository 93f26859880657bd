/**
 * The narration steps of every catalogue scenario (docs/scenario-format.md §7 and §12): each step must land on a
 * real frame of its trace, in story order, and carry text in both languages; every scenario has at
 * least one prediction checkpoint.
 */
import { describe, expect, it } from "vitest";
import { runScenario } from "../model/index";
import { CATALOGUE } from "../scenarios/catalogue";
import { resolveSteps, unresolvedSteps } from "./steps";
import { writtenFor, type LocalText, type Scenario } from "../scenarios/schema";
import { stepShownOn } from "../scenarios/narration";

const CJK = /[\u4e00-\u9fff]/;

function texts(s: Scenario): { where: string; text: LocalText }[] {
  const out: { where: string; text: LocalText }[] = [];
  (s.steps ?? []).forEach((st, i) => {
    out.push({ where: `steps[${i}].text`, text: st.text });
    if (st.predict) {
      out.push({ where: `steps[${i}].predict.question`, text: st.predict.question });
      st.predict.choices.forEach((c, j) => out.push({ where: `steps[${i}].predict.choices[${j}].text`, text: c.text }));
      if (st.predict.explain) out.push({ where: `steps[${i}].predict.explain`, text: st.predict.explain });
    }
  });
  return out;
}

describe("catalogue narration steps", () => {
  it("the catalogue still validates (the module throws on an invalid document)", () => {
    expect(CATALOGUE).toHaveLength(16);
  });

  // Each scenario on every version its narration is written for (docs/scenario-format.md §7a).
  const runs = CATALOGUE.flatMap((s) => writtenFor(s).map((redis) => [`${s.id} on ${redis}`, s, redis] as const));
  describe.each(runs)("%s", (_name, scenario, redis) => {
    const trace = runScenario(scenario, { redis });
    const steps = (scenario.steps ?? []).filter((st) => stepShownOn(scenario, st, redis));

    it("has at least 4 steps and at least one prediction", () => {
      expect(steps.length).toBeGreaterThanOrEqual(4);
      expect(steps.filter((s) => s.predict).length).toBeGreaterThanOrEqual(1);
    });

    it("every step resolves to a frame", () => {
      expect(unresolvedSteps(scenario, trace)).toEqual([]);
      expect(resolveSteps(scenario, trace)).toHaveLength(steps.length);
    });

    it("resolved frames are in strictly increasing order, on event frames", () => {
      const resolved = resolveSteps(scenario, trace);
      resolved.forEach((r, i) => {
        expect(r.step).toBe(steps[i]);
        expect(trace.frames[r.frame]?.kind).toBe("event");
        if (i > 0) expect(r.frame, `step ${i} must come after step ${i - 1}`).toBeGreaterThan((resolved[i - 1] as { frame: number }).frame);
      });
    });

    it("a prediction is asked before the happening that reveals it (no answer on screen yet)", () => {
      for (const r of resolveSteps(scenario, trace)) {
        if (!r.step.predict) continue;
        const ask = trace.frames[r.askFrame];
        expect(ask?.kind).toBe("event");
        expect(r.askFrame).toBeLessThan(r.frame);
        // Nothing of the revealing happening (its line frames included) is visible at the ask frame.
        for (let j = r.askFrame + 1; j < r.frame; j++) expect(trace.frames[j]?.kind).toBe("line");
      }
    });

    it("every text has English and Chinese", () => {
      for (const { where, text } of texts(scenario)) {
        expect(text.en.trim(), `${where}.en`).not.toBe("");
        expect(text.zh.trim(), `${where}.zh`).not.toBe("");
      }
      for (const [i, st] of steps.entries()) {
        expect(st.text.zh, `steps[${i}].text.zh has CJK`).toMatch(CJK);
        if (st.predict) {
          expect(st.predict.question.zh, `steps[${i}].predict.question.zh has CJK`).toMatch(CJK);
          if (st.predict.explain) expect(st.predict.explain.zh, `steps[${i}].predict.explain.zh has CJK`).toMatch(CJK);
        }
      }
    });

    it("predictions are well-formed: 2–6 distinct choices, the answer among them", () => {
      for (const [i, st] of steps.entries()) {
        if (!st.predict) continue;
        const { choices, answer } = st.predict;
        expect(choices.length, `steps[${i}]`).toBeGreaterThanOrEqual(2);
        expect(choices.length, `steps[${i}]`).toBeLessThanOrEqual(6);
        expect(answer, `steps[${i}]`).toBeLessThan(choices.length);
        expect(new Set(choices.map((c) => c.text.en)).size, `steps[${i}] distinct en choices`).toBe(choices.length);
        expect(new Set(choices.map((c) => c.text.zh)).size, `steps[${i}] distinct zh choices`).toBe(choices.length);
      }
    });

    it("backtick code spans are balanced", () => {
      for (const { where, text } of texts(scenario)) {
        expect((text.en.match(/`/g) ?? []).length % 2, `${where}.en`).toBe(0);
        expect((text.zh.match(/`/g) ?? []).length % 2, `${where}.zh`).toBe(0);
      }
    });
  });
});
