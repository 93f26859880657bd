/**
 * Playback waits for the guess: Play (the lab's timer, lecture mode's, the embed's autoplay) does
 * not go past a frame where a prediction is asked that the learner has neither answered nor skipped.
 * Stepping by hand is not held back. The rule is here, shared by every timer.
 */
import { stepsFor } from "../lesson/steps";
import { nextIndex } from "./derive";
import { predictionKey } from "./slices/progressSlice";
import type { LabState } from "./types";

type Seen = Pick<LabState, "scenario" | "trace" | "edits" | "guesses" | "skipped">;

/** The first frame in [from, to] where an unanswered, unskipped prediction is asked, or null. */
export function waitingQuestion(s: Seen, from: number, to: number): number | null {
  // With sandbox edits the narration, and its questions, are not shown.
  if (s.edits.length) return null;
  let first: number | null = null;
  for (const r of stepsFor(s.scenario, s.trace)) {
    if (!r.step.predict || r.askFrame < from || r.askFrame > to) continue;
    const key = predictionKey(s.scenario.id, r.index);
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

/** A stretch of frames playback keeps to (the embed's `from`/`to`), starting again at `from` with `loop`. */
export interface PlayRange {
  from: number;
  to: number;
  loop: boolean;
}

/**
 * One timer tick within the range (the whole trace without one): a step, stopping at the end and
 * at an open question; at the end of a looping range, back to its start.
 */
export function tickStep(
  s: Seen & Pick<LabState, "cursor" | "derived" | "stepSize">,
  range: PlayRange | null,
): { cursor: number; playing: boolean } {
  const end = range?.to ?? s.trace.frames.length - 1;
  if (s.cursor >= end) {
    if (!range?.loop) return { cursor: s.cursor, playing: false };
    return { cursor: range.from, playing: !waitsHere({ ...s, cursor: range.from }) };
  }
  const step = playStep(s, end);
  // A looping range plays on from its end frame, unless a question waits there.
  const loopsOn = !!range?.loop && step.cursor >= end && !waitsHere({ ...s, cursor: step.cursor });
  return { cursor: step.cursor, playing: step.playing || loopsOn };
}
