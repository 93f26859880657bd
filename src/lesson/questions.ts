/**
 * Checking a scenario's prediction questions against its trace: each premise must hold on the
 * frame where the question is asked (log lines up to then), the right choice's claim must hold on
 * the frame that reveals it and every wrong choice's claim must not (log lines after the question
 * was asked). The catalogue passes this (src/lesson/questions.test.ts); a user's file that does not
 * still opens, with a notice naming the step and what is false.
 */
import type { Trace } from "../model";
import { stepShownOn, stepsOf } from "../scenarios/narration";
import type { Scenario } from "../scenarios/schema";
import { resolveSteps } from "./steps";
import { holds } from "./claims";

export type QuestionProblem =
  | { step: number; kind: "unanchored" }
  | { step: number; kind: "premise"; frame: number; t: number }
  | { step: number; kind: "answer"; frame: number; t: number }
  | { step: number; kind: "wrongHolds"; choice: number; frame: number; t: number };

/** Every false thing the scenario's questions shown on the trace's version say, in step order. */
export function checkQuestions(scenario: Scenario, trace: Trace): QuestionProblem[] {
  const resolved = new Map(resolveSteps(scenario, trace).map((r) => [r.index, r]));
  const out: QuestionProblem[] = [];
  stepsOf(scenario).forEach((step, index) => {
    const p = step.predict;
    if (!p || !stepShownOn(scenario, step, trace.redis)) return;
    const r = resolved.get(index);
    if (!r) {
      out.push({ step: index, kind: "unanchored" });
      return;
    }
    const at = (frame: number) => ({ frame, t: trace.frames[frame]?.t ?? 0 });
    if (!holds(trace, r.askFrame, p.premise, -1)) out.push({ step: index, kind: "premise", ...at(r.askFrame) });
    p.choices.forEach((c, k) => {
      const h = holds(trace, r.frame, c.claim, r.askFrame);
      if (k === p.answer && !h) out.push({ step: index, kind: "answer", ...at(r.frame) });
      if (k !== p.answer && h) out.push({ step: index, kind: "wrongHolds", choice: k, ...at(r.frame) });
    });
  });
  return out;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

/** The problem in English (tests, the CLI); the page words it through its dictionaries. */
export function describeProblem(p: QuestionProblem): string {
  const where = `steps[${p.step}]`;
  switch (p.kind) {
    case "unanchored":
      return `${where}: the step's anchor matches no frame`;
    case "premise":
      return `${where}: premise does not hold at the frame where it is asked (frame ${p.frame + 1}, t = ${seconds(p.t)})`;
    case "answer":
      return `${where}: the right answer's claim does not hold at the reveal (frame ${p.frame + 1}, t = ${seconds(p.t)})`;
    case "wrongHolds":
      return `${where}: choice ${p.choice} is marked wrong but its claim holds at the reveal (frame ${p.frame + 1}, t = ${seconds(p.t)})`;
  }
}
