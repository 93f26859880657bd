/**
 * Playback waits for the guess: Play (the lab's timer, lecture mode's, the embed's autoplay) does
 * not go past a frame where a prediction is asked that the learner has neither answered nor skipped.
 * Stepping by hand is not held back. The rule is here, shared by every timer.
 */
import { stepsFor } from "../lesson/steps";
import { nextIndex } from "./derive";
import type { LabState } from "./types";

type Seen = Pick<LabState, "scenario" | "trace" | "edits" | "guesses" | "skipped">;

/** The first frame in [from, to] where an unanswered, unskipped prediction is asked, or null. */
export function waitingQuestion(s: Seen, from: number, to: number): number | null {
  // With sandbox edits the narration, and its questions, are not shown.
  if (s.edits.length) return null;
  let first: number | null = null;
  for (const r of stepsFor(s.scenario, s.trace)) {
    if (!r.step.predict || r.askFrame < from || r.askFrame > to) continue;
    const key = `${s.scenario.id}:${r.index}`;
    if (key in s.guesses || s.skipped[key]) continue;
    if (first === null || r.askFrame < first) first = r.askFrame;
  }
  return first;
}

/** Whether Play must wait where the cursor is: a question asked here is still open. */
export function waitsHere(s: Seen & Pick<LabState, "cursor">): boolean {
  return waitingQuestion(s, s.cursor, s.cursor) !== null;
}

/**
 * One step of playback from the cursor, at most to `end`: where the cursor goes and whether
 * playing goes on. It stops at the end, and at an open question on the way (or here).
 */
export function playStep(
  s: Seen & Pick<LabState, "cursor" | "derived" | "stepSize">,
  end: number,
): { cursor: number; playing: boolean } {
  const next = Math.min(end, nextIndex(s.derived, s.trace.frames.length, s.cursor, s.stepSize));
  const ask = waitingQuestion(s, s.cursor, next);
  if (ask !== null) return { cursor: ask, playing: false };
  return { cursor: next, playing: next < end };
}
