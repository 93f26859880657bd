/**
 * What a trace shows from a moment on, happening by happening: its time, what caused it, the lines
 * the primary and the replicas logged, and what reached each connection's socket. The "What
 * changed" view puts two versions' runs of the same scenario side by side with it.
 */
import type { Cause, Frame, Trace } from "../../model/trace";
import { wireLengthAt, wireSlice } from "../../model/trace";

export interface Happening {
  frame: number;
  t: number;
  cause: Cause;
  /** The primary's new log lines, as Redis wrote them. */
  log: string[];
  /** Each replica's new log lines. */
  replicaLog: { id: string; text: string }[];
  /** What reached a socket: the connection's key and the message. */
  wire: { key: string; text: string }[];
}

/** The first `max` event frames at or after virtual time `t` (ms), each with what it added since the event frame before it. */
export function happeningsFrom(trace: Trace, t: number, max: number): Happening[] {
  const events: Frame[] = [];
  let before: Frame | undefined;
  for (const f of trace.frames) {
    if (f.kind !== "event") continue;
    if (f.t < t) {
      before = f;
      continue;
    }
    events.push(f);
    if (events.length >= max) break;
  }
  const wires = Object.entries(trace.wires);
  const out: Happening[] = [];
  for (const f of events) {
    const log = trace.log.slice(before ? before.logLen : 0, f.logLen).map((l) => l.text);
    const replicaLog: Happening["replicaLog"] = [];
    f.agents.forEach((a, k) => {
      // Agents keep their place in the list from frame to frame.
      const prev = before?.agents[k]?.logLen ?? 0;
      for (const l of (trace.replicaLogs[a.id] ?? []).slice(prev, a.logLen)) replicaLog.push({ id: a.id, text: l.text });
    });
    // What reached each socket after the event frame before this one, up to this one.
    const wire: Happening["wire"] = [];
    for (const [key, io] of wires) {
      const from = before ? wireLengthAt(trace, io, before.i) : 0;
      for (const text of wireSlice(trace, io, from, wireLengthAt(trace, io, f.i))) wire.push({ key, text });
    }
    out.push({ frame: f.i, t: f.t, cause: f.cause, log, replicaLog, wire });
    before = f;
  }
  return out;
}
