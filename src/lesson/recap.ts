/**
 * What happened in a scenario, read from its trace, for the recap at its last frame: the
 * BGSAVEs (and other children) in the order they ran, each with its target, the replicas it served
 * and how it ended; calls that failed before a child ran (fork failure, no replication info);
 * where each replica ended; how the run ended. Typed facts: the page words them.
 */
import type { ChildView, Frame, ReplicaView, Trace } from "../model/index";

export type DropReason = NonNullable<ReplicaView["dropReason"]>;

/** How a child ended: its work done, a failure of its own, killed, or still running at the end. */
export type ChildOutcome = "ok" | "failed" | "killed" | "running";

export type RecapFact =
  /** A forked child: an RDB BGSAVE to disk or to the replicas' sockets, or an AOF rewrite. */
  | {
      kind: "child";
      t: number;
      pid: number;
      child: ChildView["kind"];
      origin: ChildView["origin"];
      /** The replicas it produced an RDB for (ids, in the order they joined). */
      replicas: string[];
      outcome: ChildOutcome;
    }
  /** startBgsaveForReplication took its error path: no child ran, and waiting replicas were dropped. */
  | {
      kind: "callFailed";
      t: number;
      cause: "fork" | "noRsi" | "childActive";
      /** The target of the failed fork (null when nothing was forked). */
      target: "disk" | "socket" | null;
      errno: "EAGAIN" | "ENOMEM" | null;
      dropped: string[];
    }
  /** More of the above than the recap lists. */
  | { kind: "more"; count: number }
  /** Replicas whose latest connection is ONLINE at the end. */
  | { kind: "online"; replicas: string[] }
  /** Replicas ONLINE at the end on a new connection after an earlier one was dropped. */
  | { kind: "resynced"; replicas: { id: string; reason: DropReason }[] }
  /** Replicas whose latest connection ended dropped. */
  | { kind: "dropped"; replicas: { id: string; reason: DropReason }[] }
  /** Replicas still on their way at the end (the statechart state of their latest connection). */
  | { kind: "waiting"; replicas: { id: string; state: string }[] }
  | { kind: "end"; t: number; endedBy: Trace["endedBy"] };

/** At most this many children and failed calls are listed; the rest are counted. */
export const MAX_HAPPENINGS = 4;

type Happening = Extract<RecapFact, { kind: "child" | "callFailed" }>;

/** The facts of the whole trace, in reading order: happenings, then where the replicas ended, then the end. */
export function whatHappened(trace: Trace): RecapFact[] {
  const happenings = happeningsOf(trace);
  const shown: RecapFact[] =
    happenings.length > MAX_HAPPENINGS ? [...happenings.slice(0, MAX_HAPPENINGS - 1), { kind: "more", count: happenings.length - MAX_HAPPENINGS + 1 }] : happenings;
  const last = trace.frames[trace.frames.length - 1] as Frame;
  return [...shown, ...replicaFacts(trace, last), { kind: "end", t: trace.endTime, endedBy: trace.endedBy }];
}

const idOf = (key: string) => key.slice(0, key.lastIndexOf("#"));
const addOnce = (list: string[], id: string) => {
  if (!list.includes(id)) list.push(id);
};

function happeningsOf(trace: Trace): Happening[] {
  const out: Happening[] = [];
  const children = new Map<number, Extract<Happening, { kind: "child" }>>();
  let failedFork: { target: "disk" | "socket"; errno: "EAGAIN" | "ENOMEM" } | null = null;
  let cause: "noRsi" | "childActive" | null = null;
  let failure: Extract<Happening, { kind: "callFailed" }> | null = null;
  for (const f of trace.frames) {
    const running = f.server.child;
    if (running) {
      let c = children.get(running.pid);
      if (!c) {
        c = { kind: "child", t: running.startedAt, pid: running.pid, child: running.kind, origin: running.origin, replicas: [], outcome: "ok" };
        children.set(running.pid, c);
        out.push(c);
      }
      // A disk child serves whoever waits for its end (attached ones too); a socket child its targets.
      if (running.kind === "rdb-socket") for (const k of running.targets) addOnce(c.replicas, idOf(k));
      else if (running.kind === "rdb-disk") for (const r of f.replicas) if (!r.closed && r.replstate === "WAIT_BGSAVE_END") addOnce(c.replicas, r.id);
    }
    // Each note is on one frame only, so reading every frame's notes reads each once, in order.
    for (const n of f.notes) {
      if (n.key === "rdb.forkFailed") failedFork = { target: n.target, errno: n.errno };
      else if (n.key === "port.noRsi") cause = "noRsi";
      else if (n.key === "rdb.childActive") cause = "childActive";
      else if (n.key === "port.failed") {
        failure = {
          kind: "callFailed",
          t: f.t,
          cause: failedFork ? "fork" : (cause ?? "fork"),
          target: failedFork?.target ?? null,
          errno: failedFork?.errno ?? null,
          dropped: [],
        };
        out.push(failure);
        failedFork = null;
        cause = null;
      } else if (n.key === "port.dropped" && failure) addOnce(failure.dropped, n.replica);
      else if (n.key === "child.killed") setOutcome(children, n.pid, "killed");
      else if (n.key === "child.failed" || (n.key === "child.workDone" && n.code !== 0)) setOutcome(children, n.pid, "failed");
      else if (n.key === "aof.done" && !n.ok) for (const c of children.values()) if (c.child === "aof" && c.outcome === "ok") c.outcome = "failed";
    }
  }
  const last = trace.frames[trace.frames.length - 1];
  const still = last?.server.child;
  if (still) setOutcome(children, still.pid, "running");
  return out;
}

function setOutcome(children: Map<number, { outcome: ChildOutcome }>, pid: number, outcome: ChildOutcome) {
  const c = children.get(pid);
  if (c) c.outcome = outcome;
}

/** Where each replica ended: its latest connection decides; an earlier dropped one makes it "resynced". */
function replicaFacts(trace: Trace, last: Frame): RecapFact[] {
  const latest = new Map<string, ReplicaView>();
  const firstDrop = new Map<string, DropReason>();
  for (const r of last.replicas) {
    const seen = latest.get(r.id);
    if (!seen || r.conn > seen.conn) latest.set(r.id, r);
  }
  // Earlier connections: the retired ones (in the order they went), then live ones not the latest.
  const earlier = [...trace.retired.map((x) => x.view), ...last.replicas].sort((a, b) => a.slot - b.slot);
  for (const r of earlier) {
    if (r !== latest.get(r.id) && r.machine === "dropped" && r.dropReason && !firstDrop.has(r.id)) firstDrop.set(r.id, r.dropReason);
  }
  const online: string[] = [];
  const resynced: { id: string; reason: DropReason }[] = [];
  const dropped: { id: string; reason: DropReason }[] = [];
  const waiting: { id: string; state: string }[] = [];
  for (const [id, r] of latest) {
    if (r.machine.startsWith("ONLINE")) {
      online.push(id);
      const before = firstDrop.get(id);
      if (before) resynced.push({ id, reason: before });
    } else if (r.machine === "dropped") dropped.push({ id, reason: r.dropReason ?? "disconnected" });
    else waiting.push({ id, state: r.machine });
  }
  const out: RecapFact[] = [];
  if (online.length) out.push({ kind: "online", replicas: online });
  if (resynced.length) out.push({ kind: "resynced", replicas: resynced });
  if (dropped.length) out.push({ kind: "dropped", replicas: dropped });
  if (waiting.length) out.push({ kind: "waiting", replicas: waiting });
  return out;
}
