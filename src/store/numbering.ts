/**
 * The one numbering people see (docs/architecture.md §7): frames are numbered from 1 wherever a
 * person reads or types one — the counter, the timeline's spoken value, the sandbox, the Embed
 * dialog and an embed's `frames=` parameter, export file names, the speaker window, the Markdown
 * walkthrough, a link's messages. Code, links' payloads and the trace JSON keep 0-based indices
 * (`frame.i`); only these two functions cross between them.
 *
 * In Event mode the counter counts event steps instead: step k of N, where the steps are the
 * stops of src/store/derive.ts (the first frame, every event frame, the last frame) and a frame
 * between two stops belongs to the step that ends at the next one, as stepping by events shows it.
 */
import { firstAtLeast, type Derived } from "./derive";

/** The number a person reads for the frame at `index`. */
export const frameNumber = (index: number): number => index + 1;

/** The index of the frame a person calls `number`. */
export const frameIndex = (number: number): number => number - 1;

export interface Position {
  /** What is counted: event steps (Event mode) or frames (Line mode). */
  unit: "step" | "frame";
  /** 1-based. */
  at: number;
  of: number;
}

export function positionOf(derived: Derived, frameCount: number, cursor: number, stepSize: "event" | "line"): Position {
  if (stepSize === "line") return { unit: "frame", at: frameNumber(cursor), of: frameCount };
  const stops = derived.stops;
  return { unit: "step", at: Math.min(firstAtLeast(stops, cursor), stops.length - 1) + 1, of: stops.length };
}
