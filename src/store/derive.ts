/**
 * Indexes over a trace, computed once when a scenario loads, so that rendering frame i never
 * scans the trace: where the event frames are, what the last startBgsaveForReplication call
 * chose, which child ran last, the fork that failed, and the timeline markers.
 */
import { nextForkFailure, type ForkFailure } from "../lesson/faults";
import { lastCallTarget, type BgsaveTarget, type ChildView, type Marker, type Trace } from "../model/trace";

export type Target = BgsaveTarget;

export interface LastChild extends ChildView {
  /** The child is gone from the server (reaped) at this frame; shown as history. */
  reaped: boolean;
}

export interface Derived {
  /** Indices of frames with kind "event", ascending. */
  eventFrames: number[];
  /**
   * Where an event step can stop, ascending: the first frame, the event frames and the last frame
   * (src/store/numbering.ts counts event steps over these).
   */
  stops: number[];
  /** Per frame: index of the latest frame ≤ i that carries the function's locals, or -1. */
  lastCall: number[];
  /** Per frame: the target chosen by the latest startBgsaveForReplication call, or null. */
  lastTarget: (Target | null)[];
  /** Per frame: the child running now, or the last one that ran (reaped), or null. */
  lastChild: (LastChild | null)[];
  /** Per frame: the fork() that failed, shown until the next call or child (src/lesson/faults.ts), or null. */
  forkFailure: (ForkFailure | null)[];
  /** Timeline markers (the trace's). */
  markers: Marker[];
}

export function deriveTrace(trace: Trace): Derived {
  const eventFrames: number[] = [];
  const lastCall: number[] = [];
  const lastTarget: (Target | null)[] = [];
  const lastChild: (LastChild | null)[] = [];
  const forkFailure: (ForkFailure | null)[] = [];
  let failure: ForkFailure | null = null;
  let call = -1;
  let target: Target | null = null;
  let child: LastChild | null = null;

  for (const f of trace.frames) {
    if (f.kind === "event") eventFrames.push(f.i);
    if (f.locals) call = f.i;
    target = lastCallTarget(target, f);
    const running = f.server.child;
    if (running) child = { ...running, reaped: false };
    else if (child !== null && !child.reaped) child = { ...(child as LastChild), reaped: true };
    lastCall.push(call);
    lastTarget.push(target);
    lastChild.push(child);
    forkFailure.push((failure = nextForkFailure(failure, f)));
  }
  const last = trace.frames.length - 1;
  const stops = [...new Set([0, ...eventFrames, Math.max(0, last)])].sort((a, b) => a - b);
  return { eventFrames, stops, lastCall, lastTarget, lastChild, forkFailure, markers: trace.markers };
}

/** Index in `sorted` of the first value > `x` (sorted.length if none). */
export function firstAbove(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index in `sorted` of the first value ≥ `x` (sorted.length if none). */
export function firstAtLeast(sorted: readonly number[], x: number): number {
  return firstAbove(sorted, x - 1);
}

/** The frame a step starts from: in event mode the frame after the previous stop. */
export function stepStart(derived: Derived, cursor: number, stepSize: "event" | "line"): number {
  if (stepSize === "line") return cursor;
  const before = firstAtLeast(derived.stops, cursor) - 1;
  return before < 0 ? 0 : (derived.stops[before] as number) + 1;
}

/** Next frame index for a step forward. */
export function nextIndex(derived: Derived, frameCount: number, cursor: number, stepSize: "event" | "line"): number {
  const last = frameCount - 1;
  if (stepSize === "line") return Math.min(cursor + 1, last);
  return Math.min(derived.stops[firstAbove(derived.stops, cursor)] ?? last, last);
}

/** Previous frame index for a step back. */
export function prevIndex(derived: Derived, cursor: number, stepSize: "event" | "line"): number {
  if (stepSize === "line") return Math.max(cursor - 1, 0);
  return derived.stops[firstAtLeast(derived.stops, cursor) - 1] ?? 0;
}
