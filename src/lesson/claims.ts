/**
 * Evaluating claims (src/scenarios/claims.ts) against a trace: is this statement true of what the
 * page shows at frame i? A question's premise is evaluated where the question is asked, each
 * choice's claim where the answer is revealed; a test checks every question of every catalogue
 * scenario this way, so no question says something the screen contradicts.
 *
 * Log claims read the lines logged in a window of frames, (since, i]: for a premise everything up
 * to the ask frame, for a choice what happened after the question was asked.
 */
import { lastCallTarget, outputBufferAt, wireAt, type BgsaveTarget, type Frame, type ReplicaView, type Trace } from "../model/trace";
import type { Claim, ClaimState } from "../scenarios/claims";

/** The replica's latest connection at this frame, if it has connected yet. */
function latest(frame: Frame, id: string): ReplicaView | undefined {
  for (let k = frame.replicas.length - 1; k >= 0; k--) {
    const r = frame.replicas[k] as ReplicaView;
    if (r.id === id) return r;
  }
  return undefined;
}

/** The replica's state as its card shows it. */
export function claimStateOf(frame: Frame, id: string): ClaimState | "handshake" {
  const r = latest(frame, id);
  if (!r) return "not connected";
  if (r.machine === "dropped") return "dropped";
  return r.replstate === "NONE" ? "handshake" : r.replstate;
}

/** What the "BGSAVE target" status says at frame i: the running child's target, else the last call's. */
export function targetAt(trace: Trace, i: number): BgsaveTarget | "none" {
  const running = trace.frames[i]?.server.rdbChildType ?? "none";
  if (running !== "none") return running;
  let last: BgsaveTarget | null = null;
  for (let k = 0; k <= i; k++) last = lastCallTarget(last, trace.frames[k] as Frame);
  return last ?? "none";
}

/** Whether the claim holds at frame i; log claims look at the lines of frames (since, i]. */
export function holds(trace: Trace, i: number, claim: Claim, since = -1): boolean {
  const frame = trace.frames[i];
  if (!frame) return false;
  if ("not" in claim) return !holds(trace, i, claim.not, since);
  if ("all" in claim) return claim.all.every((c) => holds(trace, i, c, since));
  if ("any" in claim) return claim.any.some((c) => holds(trace, i, c, since));
  if ("cronIdle" in claim) return cronIdleAt(trace, i) === claim.cronIdle;
  if ("target" in claim) return targetAt(trace, i) === claim.target;
  if ("logged" in claim) {
    const from = since >= 0 ? (trace.frames[since] as Frame).logLen : 0;
    return trace.log.slice(from, frame.logLen).some((l) => l.text.includes(claim.logged));
  }
  if ("state" in claim) return claimStateOf(frame, claim.replica) === claim.state;
  if ("replicaLogged" in claim) {
    const logLen = (f: Frame | undefined) => f?.agents.find((a) => a.id === claim.replica)?.logLen ?? 0;
    const lines = trace.replicaLogs[claim.replica] ?? [];
    return lines.slice(since >= 0 ? logLen(trace.frames[since]) : 0, logLen(frame)).some((l) => l.text.includes(claim.replicaLogged));
  }
  const r = latest(frame, claim.replica);
  if ("inSlaves" in claim) return (r?.inSlaves ?? false) === claim.inSlaves;
  if (!r) return false;
  if ("received" in claim) return wireAt(trace, frame, r).some((m) => m.startsWith(claim.received));
  if ("receivedOnly" in claim) {
    const wire = wireAt(trace, frame, r);
    return wire.length > 0 && wire.every((m) => m === "\n");
  }
  return outputBufferAt(trace, frame, r).some((m) => m.startsWith(claim.queued));
}

/** The longest wait the latest replicationCron check at or before frame i showed, if any. */
export function cronIdleAt(trace: Trace, i: number): number | null {
  for (let k = i; k >= 0; k--) {
    const notes = (trace.frames[k] as Frame).notes;
    for (let n = notes.length - 1; n >= 0; n--) {
      const note = notes[n] as Frame["notes"][number];
      if (note.key === "cron.check") return note.maxIdle;
    }
  }
  return null;
}
