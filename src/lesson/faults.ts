/**
 * The faults a frame shows, and the two clocks a student waits through, read from the trace as
 * typed values (the diagram words and draws them):
 * - a fork() that failed, from the failure until the next attempt (`nextForkFailure`, folded over
 *   the frames);
 * - how a child ended badly: killed by a signal, or exited with an error code (`childFault`);
 * - a chained primary's own link to its master, lost or not (`upstreamLink`);
 * - a replica left in silence by a failed BGSAVE, and when its own cron will time it out
 *   (`silenceTimer`, docs/behaviour.md §8);
 * - the diskless delay: when replicationCron will start the BGSAVE for the waiting replicas
 *   (`disklessStart`, docs/behaviour.md §9).
 */
// The modules themselves, not the model's index: the page's first load must not pull in the simulation.
import { REPLICATION_CRON_MS } from "../model/constants";
import { AROUND } from "../model/versions/around";
import { DEFAULT_VERSION, type RedisVersion } from "../model/versions/names";
import type { AgentView, ChildView, Frame, ReplicaView, ServerView } from "../model/trace";

/** The seed line a startBgsaveForReplication call executes first (`socket_target = …`). */
const FIRST_LINE = 21;

export interface ForkFailure {
  errno: "EAGAIN" | "ENOMEM";
  /** Whose fork it was: the replication BGSAVE to disk or to sockets, a user's BGSAVE, an AOF rewrite. */
  by: "disk" | "socket" | "user" | "aof";
  /** The frame at which fork() returned -1. */
  frame: number;
}

/**
 * The failed fork frame `f` shows, given the one before it (fold it over the frames): a failure
 * stays drawn until the next startBgsaveForReplication call begins or a child runs.
 */
export function nextForkFailure(before: ForkFailure | null, f: Frame): ForkFailure | null {
  let out = before;
  if (f.kind === "line" && f.line === FIRST_LINE) out = null;
  if (f.server.child) out = null;
  for (const n of f.notes) {
    const user = f.cause.type === "event" && f.cause.event.type === "bgsave";
    if (n.key === "rdb.forkFailed") out = { errno: n.errno, by: user ? "user" : n.target, frame: f.i };
    else if (n.key === "aof.forkFailed") out = { errno: n.errno, by: "aof", frame: f.i };
  }
  return out;
}

export type ChildFault = { kind: "signal"; signal: number } | { kind: "exit"; code: number };

/** A child that was killed by a signal or exited with an error; null while it runs or if it exited 0. */
export function childFault(c: Pick<ChildView, "exit">): ChildFault | null {
  const e = c.exit;
  if (!e) return null;
  if (e.signal !== 0) return { kind: "signal", signal: e.signal };
  if (e.code !== 0) return { kind: "exit", code: e.code };
  return null;
}

/**
 * A primary that is itself a replica: its link to its own master, and whether the master was
 * cached when it was lost — without one, rdbPopulateSaveInfo returns NULL (docs/behaviour.md §5).
 */
export function upstreamLink(s: Pick<ServerView, "upstreamConnected" | "hasCachedMaster">): "linked" | "cached" | "lost" {
  return s.upstreamConnected ? "linked" : s.hasCachedMaster ? "cached" : "lost";
}

export type SilenceTimer =
  /** `at`: the virtual ms of the cron run that times it out; `left`: ms from this frame to it. */
  | { kind: "timeout"; at: number; left: number; lastio: number; replTimeout: number }
  /** An old SYNC client (redis-cli --slave) has no timeout: it waits for ever (docs/behaviour.md §8). */
  | { kind: "none" };

/**
 * A replica that a failed BGSAVE left in silence, and when it will give up. In 4.0.14 its
 * connection stays open on the primary with the -ERR never sent, and, out of server.slaves, it gets
 * no keep-alive newlines (docs/behaviour.md §8): nothing will reach it. Its own cron, once a second
 * at its phase, times it out when `unixtime - lastio > repl-timeout` (strict), i.e. at the first
 * run at or after second lastio + repl-timeout + 1. Null for any other connection.
 */
export function silenceTimer(frame: Frame, r: ReplicaView, agent: AgentView | undefined): SilenceTimer | null {
  if (r.closed || r.dropReason !== "bgsave-failed") return null;
  if (!agent || agent.conn !== r.conn || agent.lastio === null) return null;
  if (agent.command === "SYNC") return { kind: "none" };
  const replTimeout = frame.server.replTimeout;
  const at = (agent.lastio + replTimeout + 1) * 1000 + agent.cronPhase;
  return { kind: "timeout", at, left: Math.max(0, at - frame.t), lastio: agent.lastio, replTimeout };
}

export interface DisklessStart {
  /** The virtual ms of the replicationCron run that will start the BGSAVE; `left`: ms from this frame. */
  at: number;
  left: number;
  /** `max_idle` as the cron computes it now (whole seconds), and the delay it must exceed. */
  maxIdle: number;
  delay: number;
  /** The connections that wait for it (keys). */
  waiting: string[];
}

/**
 * When replicationCron will start a BGSAVE for the replicas waiting in WAIT_BGSAVE_START with
 * diskless sync on: once a second, with no RDB or AOF child, it starts one when `max_idle`, the
 * longest `unixtime - lastinteraction` among them, is greater than repl-diskless-sync-delay
 * (strictly, in 4.0) — at the first run at or after second oldest + delay + 1 (docs/behaviour.md
 * §9); from 6.2 at least the delay, at second oldest + delay (docs/versions.md §9.2). Null when no replica waits for that (diskless off, or a child runs and they wait for it).
 */
export function disklessStart(frame: Frame, redis: RedisVersion = DEFAULT_VERSION): DisklessStart | null {
  const s = frame.server;
  if (!s.replDisklessSync || s.child !== null) return null;
  let oldest = Infinity;
  const waiting: string[] = [];
  for (const r of frame.replicas) {
    if (r.closed || !r.inSlaves || r.replstate !== "WAIT_BGSAVE_START") continue;
    waiting.push(r.key);
    oldest = Math.min(oldest, r.lastinteraction);
  }
  if (!waiting.length) return null;
  const delay = s.replDisklessSyncDelay;
  // After a CONFIG SET that shortened the delay, the next cron run is the one.
  const nextRun = Math.ceil(frame.t / REPLICATION_CRON_MS) * REPLICATION_CRON_MS;
  // From 6.2 replicationStartPendingFork tests `>=` (docs/versions.md §9.2): one second earlier.
  const strict = AROUND[redis].pendingFork ? 0 : 1;
  const at = Math.max((oldest + delay + strict) * 1000, nextRun);
  return { at, left: at - frame.t, maxIdle: s.unixtime - oldest, delay, waiting };
}

/** A countdown in seconds as the page shows it: up to three decimals, no trailing zeros ("5.95"). */
export function secondsText(ms: number): string {
  return String(Math.round(ms) / 1000);
}
