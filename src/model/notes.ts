/**
 * What the model did, as typed values the view words in plain language (en / zh). One variant
 * per happening; a dictionary entry receives exactly its variant, so a wording can only read the
 * fields its note carries. Replica ids are the scenario's stable names ("r1").
 */
import type { ChildProcess } from "./types";

type ChildKind = ChildProcess["kind"];
type Errno = "EAGAIN" | "ENOMEM";

export type Note =
  // syncCommand (docs/behaviour.md §3)
  | { key: "sync.accepted"; replica: string; command: "PSYNC" | "SYNC"; capa: number }
  /**
   * The `v62` flags (6.2 on, docs/versions.md §3.2, §9.2): the backlog's creation is logged; the
   * cron's delay is met with `>=`; syncCommand's direct call may choose the socket (delay 0); a
   * BGSAVE held back by a child starts when that child is reaped (replicationStartPendingFork).
   */
  | { key: "sync.backlogCreated"; replid: string; v62?: true }
  | { key: "sync.delay"; replica: string; delay: number; v62?: true }
  | { key: "sync.startNow"; replica: string; capa: number; v62?: true }
  | { key: "sync.aofActive"; replica: string; v62?: true }
  | { key: "sync.socketInFlight"; replica: string; v62?: true }
  | { key: "sync.attach"; replica: string; other: string; offset: number }
  | { key: "sync.cantAttach"; replica: string; other?: string; reason: "capa" | "noAccumulator" }
  | { key: "sync.nomasterlink"; replica: string }
  | { key: "sync.pendingOutput"; replica: string }
  // startBgsaveForReplication and what it calls (docs/behaviour.md §4–§7)
  | { key: "port.target"; socketTarget: 0 | 1; mincapa: number }
  | { key: "rsi.master"; db: number }
  | { key: "rsi.linked"; db: number }
  | { key: "rsi.cached"; db: number }
  | { key: "rsi.null"; master: boolean }
  | { key: "port.noRsi" }
  | { key: "rdb.childActive" }
  | { key: "rdb.forkFailed"; errno: Errno; target: "disk" }
  | { key: "rdb.forkFailed"; errno: Errno; target: "socket"; undone: number }
  | { key: "rdb.diskChild"; pid: number }
  /** `viaPipe`: 6.0 on, the child writes into a pipe the primary forwards (docs/versions.md §6.2). */
  | { key: "rdb.socketChild"; pid: number; targets: number; viaPipe?: true }
  | { key: "port.failed" }
  /**
   * `written`: the version resets replstate first (5.0 on, docs/versions.md §8), so the queued
   * `-ERR` is written and the connection closed; absent in 4.0.14, where the reply stays queued.
   */
  | { key: "port.dropped"; replica: string; written?: true }
  | { key: "setup.fullresync"; replica: string; offset: number }
  | { key: "setup.oldSync"; replica: string; offset: number }
  | { key: "port.scriptCacheFlush" }
  // the child and its end (docs/behaviour.md §11)
  | { key: "child.workDone"; kind: ChildKind; pid: number; code: number; viaPipe?: true }
  /** Signal 10 (SIGUSR1): the primary killed it, no replica being left to stream to (6.0 on). */
  | { key: "child.killed"; kind: ChildKind; pid: number; signal: number; viaPipe?: true }
  | { key: "child.failed"; kind: ChildKind; pid: number }
  /** `byAck`: 6.2 on, a REPLCONF ACK that came before serverCron reaped it first (checkChildrenDone). */
  | { key: "child.reaped"; kind: "rdb-disk" | "rdb-socket"; ok: boolean; signal: number; byAck?: true }
  | { key: "socket.closing"; replica: string }
  /** `online`: 7.0, replicaPutOnline now, the stream only waits for the ACK (docs/versions.md §11.3). */
  | { key: "update.streamDone"; replica: string; online?: true }
  /** `socket` and `async`: 6.0 on, a streaming child's failure too, and the replica freed when the happening ends. */
  | { key: "update.childError"; replica: string; socket?: boolean; async?: true }
  | { key: "update.noFile"; replica: string }
  | { key: "update.sendBulk"; replica: string; size: number }
  | { key: "update.startNext"; mincapa: number }
  | { key: "bulk.preamble"; replica: string; size: number }
  | { key: "online"; replica: string }
  /** `streamOnly`: 7.0, the replica was already online; the ACK starts its stream. */
  | { key: "ack.first"; replica: string; offset: number; streamOnly?: true }
  // replicationCron (docs/behaviour.md §9), scripts (docs/behaviour.md §10), AOF
  | {
      key: "cron.check";
      waiting: number;
      maxIdle: number;
      delay: number;
      diskless: boolean;
      mincapa: number;
      start: boolean;
      /**
       * 6.2 on: replicationStartPendingFork's test, `max_idle >= delay` (4.0.14 and 5.0.5: `>`),
       * and whether it ran from the cron or right after a child was reaped (docs/versions.md §9.2).
       */
      rule?: ">=";
      origin?: "cron" | "reaped";
    }
  | { key: "cron.timedout"; replica: string }
  /** This primary, itself a replica without its upstream, tried to connect to it: refused (the lost upstream stays gone). */
  | { key: "upstream.refused" }
  | { key: "cron.scriptCacheFlush" }
  | { key: "evalsha"; sha: string; sent: "EVAL" | "EVALSHA" }
  /** No loaded script has that SHA1: `-NOSCRIPT No matching script. Please use EVAL.`, nothing replicated (docs/behaviour.md §10). */
  | { key: "evalsha.noscript"; sha: string }
  | { key: "aof.started"; pid: number }
  | { key: "aof.scheduled" }
  | { key: "aof.alreadyRunning" }
  | { key: "aof.done"; ok: boolean }
  | { key: "aof.forkFailed"; errno: Errno }
  // the replica's own side (docs/behaviour.md §8)
  | { key: "replica.timeout"; replica: string; stage: "handshake" | "transfer" }
  /** `atOnce`: 6.2 on, right after the failure rather than at its next cron run. */
  | { key: "replica.reconnect"; replica: string; conn: number; atOnce?: true }
  | { key: "replica.tryLater"; replica: string }
  | { key: "replica.gaveUp"; replica: string }
  | { key: "replica.bulkCountEof"; replica: string }
  /** From 5.0.5 on: the reply to its PSYNC is an error (docs/versions.md §20); it retries with SYNC. */
  | { key: "replica.psyncRefused"; replica: string; reply: string }
  /** From 5.0.5 on: redis-cli --slave reads an error as the reply to SYNC and exits (docs/versions.md §15). */
  | { key: "replica.syncRefused"; replica: string; reply: string }
  // scenario events
  | { key: "event.forkFails"; errno: Errno }
  | { key: "event.write"; count: number; offset: number }
  | { key: "event.disconnect"; replica: string }
  | { key: "event.noChild" }
  | { key: "event.bgsaveRefused" }
  | { key: "event.noUpstream" }
  | { key: "event.upstreamLost"; cached: boolean }
  | { key: "event.configSet"; diskless: boolean; delay: number }
  | { key: "event.replicaSet"; replica: string; command: "PSYNC" | "SYNC"; capa: string }
  | { key: "event.alreadyConnected"; replica: string }
  | { key: "event.notConnected"; replica: string };

export type NoteKey = Note["key"];

/** The variant of Note with this key. */
export type NoteOf<K extends NoteKey> = Extract<Note, { key: K }>;

/** The replica a note is about, if it is about one. */
export function noteReplica(n: Note): string | null {
  return "replica" in n ? n.replica : null;
}
