/**
 * Indexes over a trace, computed once when a scenario loads, so that rendering frame i never
 * scans the trace: where the event frames are, what the last startBgsaveForReplication call
 * chose, which child ran last, and the timeline markers.
 */
import { lastCallTarget, type BgsaveTarget, type ChildView, type Marker, type Trace } from "../model";

export type Target = BgsaveTarget;

export interface LastChild extends ChildView {
  /** The child is gone from the server (reaped) at this frame; shown as history. */
  reaped: boolean;
}

export interface Derived {
  /** Indices of frames with kind "event", ascending. */
  eventFrames: number[];
  /** Per frame: index of the latest frame ≤ i that carries the function's locals, or -1. */
  lastCall: number[];
  /** Per frame: the target chosen by the latest startBgsaveForReplication call, or null. */
  lastTarget: (Target | null)[];
  /** Per frame: the child running now, or the last one that ran (reaped), or null. */
  lastChild: (LastChild | null)[];
  /** Timeline markers (the trace's). */
  markers: Marker[];
}

export function deriveTrace(trace: Trace): Derived {
  const eventFrames: number[] = [];
  const lastCall: number[] = [];
  const lastTarget: (Target | null)[] = [];
  const lastChild: (LastChild | null)[] = [];
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
  }
  return { eventFrames, lastCall, lastTarget, lastChild, markers: trace.markers };
}

/** The frame a step starts from: in event mode the frame after the previous event frame. */
export function stepStart(derived: Derived, cursor: number, stepSize: "event" | "line"): number {
  if (stepSize === "line") return cursor;
  let lo = 0;
  let hi = derived.eventFrames.length - 1;
  let prev = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = derived.eventFrames[mid] as number;
    if (v < cursor) {
      prev = v;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return prev + 1;
}

/** Next frame index for a step forward. */
export function nextIndex(derived: Derived, frameCount: number, cursor: number, stepSize: "event" | "line"): number {
  const last = frameCount - 1;
  if (stepSize === "line") return Math.min(cursor + 1, last);
  for (const e of derived.eventFrames) if (e > cursor) return e;
  return last;
}

/** Previous frame index for a step back. */
export function prevIndex(derived: Derived, cursor: number, stepSize: "event" | "line"): number {
  if (stepSize === "line") return Math.max(cursor - 1, 0);
  let best = 0;
  for (const e of derived.eventFrames) {
    if (e < cursor) best = e;
    else break;
  }
  return best;
}
