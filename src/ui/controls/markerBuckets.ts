/**
 * The timeline's markers, at most one mark per kind per slot of the track. A long run can have
 * tens of thousands of markers (a failure each time a replica is dropped), far more than the track
 * has pixels; drawn one element each, they made the page's first render of such a trace a task of
 * a second. A mark stands for every marker of its kind in its slot: the first one, how many, and
 * the time of the last.
 */
import type { Marker } from "../../model/trace";

/** Slots across the track: a few pixels each at the timeline's narrowest. */
export const MARKER_SLOTS = 240;

export interface MarkerMark {
  /** The first marker of its kind in the slot (where the mark is drawn). */
  first: Marker;
  /** How many markers of this kind the slot holds. */
  count: number;
  /** The time of the last of them (ms). */
  lastT: number;
}

/** The marks of the track for these markers (in frame order) on a timeline whose last frame is `last`. */
export function markerMarks(markers: readonly Marker[], last: number, slots = MARKER_SLOTS): MarkerMark[] {
  const out: MarkerMark[] = [];
  const open = new Map<string, { slot: number; mark: MarkerMark }>();
  for (const m of markers) {
    const slot = last > 0 ? Math.min(slots - 1, Math.floor((m.frame / last) * slots)) : 0;
    // ONLINE marks stay apart per replica: each names the replica that went ONLINE.
    const kind = m.kind === "online" ? `online:${m.target}` : m.kind;
    const cur = open.get(kind);
    if (cur && cur.slot === slot) {
      cur.mark.count++;
      cur.mark.lastT = m.t;
      continue;
    }
    const mark = { first: m, count: 1, lastT: m.t };
    open.set(kind, { slot, mark });
    out.push(mark);
  }
  return out;
}
