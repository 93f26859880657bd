/**
 * When a catalogue scenario counts as finished: the learner reached its last frame, without
 * sandbox edits, and has answered every prediction the scenario asks.
 */
import { findScenario } from "../scenarios/catalogue";
import { narrationReady } from "../scenarios/narration";
import { stepsFor } from "../lesson/steps";
import { predictionKey } from "./slices/progressSlice";
import type { LabState } from "./types";

type Store = {
  getState: () => LabState;
  subscribe: (listener: (state: LabState, prev: LabState) => void) => () => void;
};

export function predictionKeys(s: Pick<LabState, "scenario" | "trace">): string[] {
  return stepsFor(s.scenario, s.trace)
    .filter((r) => r.step.predict)
    .map((r) => predictionKey(s.scenario.id, r.index));
}

export function isFinished(s: Pick<LabState, "baseScenario" | "scenario" | "edits" | "trace" | "cursor" | "guesses">): boolean {
  if (s.edits.length || findScenario(s.baseScenario.id) !== s.baseScenario) return false;
  if (s.cursor < s.trace.frames.length - 1) return false;
  // Its predictions are not known until the narration has loaded.
  if (!narrationReady(s.scenario)) return false;
  return predictionKeys(s).every((k) => k in s.guesses);
}

/** Mark scenarios finished as the learner gets there; returns an unsubscribe function. */
export function trackFinished(store: Store): () => void {
  const check = (s: LabState) => {
    if (!s.finished.includes(s.scenario.id) && isFinished(s)) s.markFinished(s.scenario.id);
  };
  return store.subscribe((s, prev) => {
    if (s.cursor !== prev.cursor || s.guesses !== prev.guesses || s.trace !== prev.trace) check(s);
  });
}
