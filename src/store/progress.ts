/**
 * Whether a catalogue scenario is finished, and if not, why (docs/architecture.md §7): the
 * learner reached its last frame (at some point in this session), without sandbox edits, and has
 * answered every prediction it asks. A skipped question is not an answer: it keeps the scenario
 * unfinished, and the reasons say so, so the recap and the picker can name it.
 */
import type { ResolvedStep } from "../lesson/steps";
import { stepsFor } from "../lesson/steps";
import { findScenario } from "../scenarios/catalogue";
import { narrationReady } from "../scenarios/narration";
import type { Scenario } from "../scenarios/schema";
import { predictionKey } from "./slices/progressSlice";
import { catalogueTrace } from "./traceCache";
import type { LabState } from "./types";

type Store = {
  getState: () => LabState;
  subscribe: (listener: (state: LabState, prev: LabState) => void) => () => void;
};

/** What the progress of the loaded scenario is read from. */
export type ProgressView = Pick<LabState, "baseScenario" | "scenario" | "edits" | "trace" | "cursor" | "guesses" | "skipped" | "furthest">;

/** How one prediction went: answered right, answered wrong, skipped, or neither yet. */
export type QuestionResult = "right" | "wrong" | "skipped" | "unanswered";

export interface QuestionProgress {
  /** The step that asks it (`step.askFrame` is where it is asked). */
  step: ResolvedStep;
  result: QuestionResult;
}

/**
 * Why a scenario is not finished, as data (the page words it). `questions` are step indices, in
 * the order the scenario asks them. While there are sandbox edits the edits are the one reason:
 * the questions belong to the original story, which the narration hides while edited.
 */
export type UnfinishedReason =
  /** A user's scenario file: progress is kept for the catalogue's scenarios only. */
  | { kind: "custom" }
  | { kind: "edited" }
  /** The last frame has not been reached in this session. */
  | { kind: "notAtEnd" }
  /** The catalogue's narration (and so its questions) has not arrived yet. */
  | { kind: "loading" }
  | { kind: "skipped"; questions: number[] }
  | { kind: "unanswered"; questions: number[] };

export function predictionKeys(s: Pick<LabState, "scenario" | "trace">): string[] {
  return stepsFor(s.scenario, s.trace)
    .filter((r) => r.step.predict)
    .map((r) => predictionKey(s.scenario.id, r.index));
}

/** Each prediction of the scenario, in order, with how it went. */
export function questionProgress(s: Pick<LabState, "scenario" | "trace" | "guesses" | "skipped">): QuestionProgress[] {
  const out: QuestionProgress[] = [];
  for (const step of stepsFor(s.scenario, s.trace)) {
    const p = step.step.predict;
    if (!p) continue;
    const key = predictionKey(s.scenario.id, step.index);
    const guess = s.guesses[key];
    const result: QuestionResult = guess !== undefined ? (guess === p.answer ? "right" : "wrong") : s.skipped[key] ? "skipped" : "unanswered";
    out.push({ step, result });
  }
  return out;
}

/** The last frame is (or has been, in this session) on screen. */
export function reachedEnd(s: Pick<LabState, "scenario" | "trace" | "cursor" | "furthest">): boolean {
  const last = s.trace.frames.length - 1;
  return s.cursor >= last || (s.furthest[s.scenario.id] ?? 0) >= last;
}

export function unfinishedReasons(s: ProgressView): UnfinishedReason[] {
  if (findScenario(s.baseScenario.id) !== s.baseScenario) return [{ kind: "custom" }];
  if (s.edits.length) return [{ kind: "edited" }];
  const out: UnfinishedReason[] = [];
  if (!reachedEnd(s)) out.push({ kind: "notAtEnd" });
  // Its predictions are not known until the narration has loaded.
  if (!narrationReady(s.scenario)) return [...out, { kind: "loading" }];
  const questions = questionProgress(s);
  const of = (result: QuestionResult) => questions.filter((q) => q.result === result).map((q) => q.step.index);
  const skipped = of("skipped");
  const unanswered = of("unanswered");
  if (skipped.length) out.push({ kind: "skipped", questions: skipped });
  if (unanswered.length) out.push({ kind: "unanswered", questions: unanswered });
  return out;
}

export function isFinished(s: ProgressView): boolean {
  return unfinishedReasons(s).length === 0;
}

/**
 * The reasons of a catalogue scenario as it stands in this session, loaded or not: as if it were
 * opened again now (no edits; the furthest frame reached, the guesses and skips are the session's).
 * Read from its trace, kept for the session once computed. Without one it was never opened in
 * this session, so its end was not reached (its questions are not known yet).
 */
export function catalogueReasons(s: Pick<LabState, "guesses" | "skipped" | "furthest">, scenario: Scenario): UnfinishedReason[] {
  const trace = catalogueTrace(scenario.id)?.trace;
  if (!trace) return [{ kind: "notAtEnd" }];
  return unfinishedReasons({ baseScenario: scenario, scenario, edits: [], trace, cursor: 0, guesses: s.guesses, skipped: s.skipped, furthest: s.furthest });
}

/** The learner has begun this scenario in this session: stepped into it, or answered or skipped one of its questions. */
export function started(s: Pick<LabState, "guesses" | "skipped" | "furthest">, id: string): boolean {
  const mine = (k: string) => k.startsWith(`${id}:`);
  return (s.furthest[id] ?? 0) > 0 || Object.keys(s.guesses).some(mine) || Object.keys(s.skipped).some(mine);
}

/**
 * Keep the furthest frame reached in the loaded catalogue scenario (without edits), and mark
 * scenarios finished as the learner gets there; returns an unsubscribe function.
 */
export function trackFinished(store: Store): () => void {
  const check = (s: LabState) => {
    if (!s.ready) return;
    const catalogue = findScenario(s.baseScenario.id) === s.baseScenario && !s.edits.length;
    if (catalogue && s.cursor > (s.furthest[s.scenario.id] ?? 0)) s.reachFrame(s.scenario.id, s.cursor);
    const now = store.getState();
    if (!now.finished.includes(now.scenario.id) && isFinished(now)) now.markFinished(now.scenario.id);
  };
  return store.subscribe((s, prev) => {
    if (s.cursor !== prev.cursor || s.guesses !== prev.guesses || s.trace !== prev.trace || s.edits !== prev.edits) check(s);
  });
}
