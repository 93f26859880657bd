/**
 * What each version does differently *around* startBgsaveForReplication — in syncCommand, the
 * cron, the child and its end, the replica's own side (docs/versions.md §3–§20, summed up in §21).
 * Plain flags read by the shared model (replication.ts, rdb.ts, children.ts, networking.ts,
 * replicaSide.ts): one model with profiles, where 4.0.14 is every flag off.
 */
import type { RedisVersion } from "./names";

export interface Around {
  /**
   * 6.0 on (commit 5a4779460, docs/versions.md §6.2–§6.3, §11.2): a socket BGSAVE's child writes
   * into a pipe that the parent reads and forwards to the replicas (`Diskless rdb transfer, …`
   * lines; the last replica dropped kills the child); the child no longer reports per replica (no
   * `Closing slave …` / `… correctly received …`); updateSlavesWaitingBgsave tests the child's
   * error for both targets and frees asynchronously (`Connection with replica … lost.` comes after).
   */
  pipe: boolean;
  /**
   * 6.2 (commit c17e597d0, docs/versions.md §9.2, §11.2): the cron's start block is
   * replicationStartPendingFork — no child of any kind, `max_idle >= delay` — run at the end of
   * every replicationCron and right after any child is reaped; updateSlavesWaitingBgsave no longer
   * starts the next BGSAVE; an ACK that arrives before the child is reaped reaps it first.
   */
  pendingFork: boolean;
  /**
   * 6.2 (commit c17e597d0, docs/versions.md §3.2): syncCommand leaves an EOF replica to the cron
   * only with a non-zero delay; with delay 0 it starts the BGSAVE itself, socket target possible.
   * Any child blocks it, logged as `… another BG operation is active …`.
   */
  syncStartsWithoutDelay: boolean;
  /** 6.2 (commit 7d3593920, docs/versions.md §3.2 item 6): `Replication backlog created, …`. */
  backlogLogged: boolean;
  /**
   * 6.2 (docs/versions.md §20): after a failed sync the replica reconnects at once
   * (`Reconnecting to MASTER … after failure`), not at its next cron run; and it sends its first
   * REPLCONF ACK right after loading a streamed RDB (commit c17e597d0).
   */
  replicaAtOnce: boolean;
  /** 6.2 (docs/versions.md §13.2): the replica's "receiving …" lines end in "to disk". */
  replicaToDisk: boolean;
  /**
   * 6.2 (commit d63d02601, docs/versions.md §8): the ONLINE timeout is logged
   * `Disconnecting timedout replica (streaming sync): …`.
   */
  timeoutKind: boolean;
  /**
   * 7.0 (commit ae8995897, docs/versions.md §11.3): a socket replica is ONLINE and logged as
   * succeeded at the end of the transfer; its first ACK only starts the stream.
   */
  onlineAtTransferEnd: boolean;
  /** 7.0 (commit d4bca53cd, docs/versions.md §13.1): the child's `Fork CoW for RDB: …` line. */
  forkCowLine: boolean;
  /** 7.0 (commit 1b0968df4, docs/versions.md §10): no replication script cache to flush. */
  noScriptCache: boolean;
  /**
   * 7.0 (commit 87789fae0, docs/versions.md §13.1): the AOF is a base file and incremental files
   * (multi-part AOF); a rewrite opens a new incr file and renames its temporary base file, with
   * no diff from the parent to flush at the end.
   */
  multiPartAof: boolean;
  /**
   * 7.0: a protocol error in what the master sent is logged at warning level, with the client's
   * fields: `Protocol error (invalid mbulk count) from client: …. Query buffer during protocol
   * error: '…'` (setProtocolError logs a master's at LL_WARNING; 4.0.14 only at verbose).
   * **[observed]** on Debian's 7.0.15 (docs/versions.md §22); not verified on 6.2.14 (§19).
   */
  masterProtocolErrorLogged: boolean;
  /**
   * 7.0: replicationCron's PING goes into the stream as the shared object `ping`, lower case
   * (`*1\r\n$4\r\nping\r\n`; 4.0.14 builds "PING"), the same length, so offsets are unchanged.
   * **[observed]** on Debian's 7.0.15 (docs/versions.md §22); not verified on 6.2.14 (§19).
   */
  pingLowerCase: boolean;
}

const V4: Around = {
  pipe: false,
  pendingFork: false,
  syncStartsWithoutDelay: false,
  backlogLogged: false,
  replicaAtOnce: false,
  replicaToDisk: false,
  timeoutKind: false,
  onlineAtTransferEnd: false,
  forkCowLine: false,
  noScriptCache: false,
  multiPartAof: false,
  masterProtocolErrorLogged: false,
  pingLowerCase: false,
};

const V6: Around = {
  ...V4,
  pipe: true,
  pendingFork: true,
  syncStartsWithoutDelay: true,
  backlogLogged: true,
  replicaAtOnce: true,
  replicaToDisk: true,
  timeoutKind: true,
};

export const AROUND: Readonly<Record<RedisVersion, Around>> = {
  "4.0.14": V4,
  // 5.0.5's differences are in the function (the error loop's REPL_STATE_NONE) and the wording.
  "5.0.5": V4,
  "6.2.14": V6,
  "7.0.15": { ...V6, onlineAtTransferEnd: true, forkCowLine: true, noScriptCache: true, multiPartAof: true, masterProtocolErrorLogged: true, pingLowerCase: true },
};
