import type { List } from "./adlist";
import type { RedisVersion } from "./versions/names";
import type { Around } from "./versions/around";
import type { ReplicaEvent, ReplicaSnapshot } from "../machines/replica";
import type { Note } from "./notes";

export type LogLevel = "notice" | "warning" | "verbose";
/** The role character of a 4.0 log line: M master, S replica, C forked child (docs/behaviour.md §13). */
export type LogRole = "M" | "S" | "C";

export interface LogEntry {
  /** Virtual time in ms. */
  t: number;
  pid: number;
  role: LogRole;
  level: LogLevel;
  text: string;
}


/** Local variables of startBgsaveForReplication, shown beside the code. */
export interface PortLocals {
  mincapa: number;
  socket_target?: number;
  rsiptr?: "NULL" | "&rsi";
  retval?: number;
  /** The replica the loop's `slave` variable points at, if any. */
  slave?: string;
  /** 7.0.15 only: the `req` argument (SLAVE_REQ_* bits the waiting replicas share). */
  req?: number;
}

/** A replica connection, mirroring the fields of Redis' `client` that replication uses (docs/behaviour.md §2.1). */
export interface Client {
  /** The replica's stable name in the scenario (e.g. "r1"); reconnections keep it. */
  id: string;
  /** Redis `client->id`: unique per connection, increasing. */
  cid: number;
  /** 1 for the replica's first connection, 2 after its first retry, ... */
  conn: number;
  /** What replicationGetSlaveName prints: "ip:port" or "ip:<unknown-slave-port>". */
  name: string;
  /** Its name and the log lines naming it, shared by every connection of that name (Server.peers). */
  peer: Peer;
  replstate: number;
  /**
   * Redis 7.0's `client->slave_req` (SLAVE_REQ_* bits, set by REPLCONF rdb-filter-only); absent
   * means 0, as in every version before 7.0 (src/model/versions/, docs/architecture.md §19).
   */
  slaveReq?: number;
  /** Flagged CLIENT_CLOSE_ASAP by freeClientAsync (6.0 on), with what its machine is told when freed. */
  closeAsap?: ReplicaEvent;
  /**
   * Freed by the primary while a child forked after it connected was alive: the child holds a copy
   * of the socket (fork() duplicates every descriptor and the child closes only the listening
   * ones), so the replica reads end-of-file only when that child exits (docs/versions.md §22).
   * The pid of that child, until it exits.
   */
  eofHeldBy?: number;
  /** The sync command this connection sent (its argv[0]), or null before it sends one. */
  command: "PSYNC" | "SYNC" | null;
  slaveCapa: number;
  flags: number;
  /** -1 until replicationSetupSlaveForFullResync sets it. */
  psyncInitialOffset: number;
  replPutOnlineOnAck: boolean;
  replAckTime: number;
  /** Whole seconds (server.unixtime) of the last bytes read from this connection. */
  lastinteraction: number;
  repldbfd: number;
  repldboff: number;
  repldbsize: number;
  replpreamble: string | null;
  /** When sendBulkToSlave runs next (its writable handler is installed), or null. */
  bulkNextAt: number | null;
  /** Highest offset acknowledged with REPLCONF ACK. */
  replAckOff: number;
  /**
   * Every message written straight to the socket, in order (append-only) — but for a connection
   * following the shared stream (`streamFrom` ≥ 0), whose wire goes on with
   * `stream.slice(streamFrom, streamTo ?? stream.length)`: read it whole with clientWire.
   */
  wire: string[];
  /**
   * The server's stream log (Server.stream), and where this connection follows it: from index
   * `streamFrom` (-1: it does not), until `streamTo` (null while it follows it). See followStream.
   */
  stream: string[];
  streamFrom: number;
  streamTo: number | null;
  /** Runs of the stream copied into `wire` when the connection stopped following it (their entries reached the socket earlier). */
  streamCopies: { at: number; from: number; to: number }[];
  /** Every entry ever queued in the output buffer (append-only); the buffer is reply[replyStart..]. */
  reply: string[];
  replyStart: number;
  /** The connection is gone (freed by the primary or closed by the peer). */
  closed: boolean;
  /** The replica's statechart (docs/architecture.md): a snapshot, advanced by machineSend. */
  machine: ReplicaSnapshot;
  /** Its socket changed since its replica last looked; it is then in `touchedQueue` (once). */
  touched: boolean;
  /** The server's `touched` list, where a connection goes when its socket changes (see touch). */
  touchedQueue: Client[];
  /** Its socket changed since the recorder last looked; it is then in `changedQueue` (once). */
  changed: boolean;
  /** The server's `changed` list (the recorder's counterpart of `touched`). */
  changedQueue: Client[];
}

/**
 * The log lines that name one replica connection (`Connection with slave <name> lost.`, …), built
 * the first time a connection of that name logs each, for the server's version. Every connection
 * of a replica has the same name, so a run that reconnects a replica thousands of times holds one
 * string per line per name instead of building a new one per line (the text is the same).
 */
export interface Peer {
  name: string;
  /** The version the name and lines were worded for (Server.version). */
  version: RedisVersion;
  lines: Partial<Record<PeerLine, string>>;
}

/** Which line naming a connection (see peerLine in server.ts). */
export type PeerLine = "asks" | "fullResync" | "lost" | "online";

export interface ChildProcess {
  pid: number;
  kind: "rdb-disk" | "rdb-socket" | "aof";
  /** Why it was forked: replication, a user BGSAVE / BGREWRITEAOF. */
  origin: "replication" | "user";
  startedAt: number;
  /** When the child's own work ends (it then exits and is reaped at the next serverCron tick). */
  doneAt: number;
  /** Exit status once known: code, or the signal that killed it. */
  exit: { code: number; signal: number } | null;
  /** server.nextClientId at the fork: the connections with a smaller id were open then, so the child has a copy of their sockets. */
  inheritsBelowCid: number;
  /** Socket child: the connections it streams to (client ids, as in the C `clientids` array). */
  targets: number[];
  /** Socket child: EOF mark written around the payload. */
  eofMark: string;
  /** Writes applied by the parent while the child ran (copy-on-write estimate). */
  writesDuring: number;
  /**
   * Socket child of Redis 6.0 and later: it writes the RDB into a pipe that the parent reads and
   * forwards to the targets (rdbPipeReadHandler), so nothing reaches their sockets at the fork.
   * Absent in 4.0.14 and 5.0.5, whose child writes to the sockets itself.
   */
  viaPipe?: boolean;
  /** Its `$EOF:<mark>` has been forwarded to the targets (rdbPipeForwardHeader). */
  headerForwarded?: boolean;
}

export interface RdbFile {
  exists: boolean;
  size: number;
  /** pid of the BGSAVE child that wrote it (0 = present before the scenario started). */
  writtenBy: number;
}

export interface Upstream {
  /** Redis' server.master: present while our link to our own master is up. */
  master: { dbid: number } | null;
  /** Redis' server.cached_master: kept for a later PSYNC when the link dropped cleanly. */
  cachedMaster: { dbid: number } | null;
  /** REPL_STATE_CONNECTED or not (syncCommand refuses with -NOMASTERLINK when not). */
  connected: boolean;
}

export interface Server {
  /** Virtual clock, ms. server.unixtime is Math.floor(now / 1000). */
  now: number;
  pid: number;
  nextPid: number;
  nextClientId: number;

  replDisklessSync: boolean;
  replDisklessSyncDelay: number;
  replTimeout: number;
  replPingSlavePeriod: number;
  rdbFilename: string;
  appendonly: boolean;

  /** Redis' server.masterhost: non-null when this instance is itself a replica. */
  masterhost: string | null;
  upstream: Upstream;

  replid: string;
  replid2: string;
  masterReplOffset: number;
  replBacklog: boolean;
  slaveseldb: number;

  /**
   * 6.0 and later: `rdb-del-sync-files` (default no) and the flag startBgsaveForReplication sets
   * when it started a disk BGSAVE with it on (replication.c's `RDBGeneratedByReplication`).
   * Absent in the 4.0.14 and 5.0.5 model, which have neither.
   */
  rdbDelSyncFiles?: boolean;
  /** 7.0 on: the multi-part AOF's file sequence numbers (aof.ts, created on first use). */
  aofFiles?: { base: number; incr: number };
  /** 7.0 on: `repl-diskless-sync-max-replicas` (default 0, off; docs/versions.md §9.3). */
  replDisklessSyncMaxReplicas?: number;
  rdbGeneratedByReplication?: boolean;

  rdbChildPid: number;
  rdbChildType: number;
  aofChildPid: number;
  aofRewriteScheduled: boolean;
  /** The running child, if any (an RDB child or an AOF rewrite never overlap in 4.0.14). */
  child: ChildProcess | null;
  /** Replaced on every change, never mutated in place (frames share it). */
  rdbFile: RdbFile;
  /** Bytes of the RDB a BGSAVE produces now. */
  rdbBytes: number;

  /** The replication script cache: SHA1s every replica and the AOF know (docs/behaviour.md §10), in FIFO order.
   * Replaced on every change, never mutated in place (frames share it). */
  replScriptCache: readonly string[];
  scriptCacheFlushes: number;

  slaves: List<Client>;
  /**
   * Redis' server.clients: the open connections, in the order they were made (cid order). freeClient
   * unlinks a connection from it, as unlinkClient does; what a frame shows of a closed one is the
   * recorder's (docs/architecture.md §9).
   */
  clients: Client[];
  /** Connections made since the recorder last took them (it gives each its slot and empties this). */
  made: Client[];
  /** Connections whose sendBulkToSlave handler is installed (bulkNextAt set), in install order. */
  bulkPending: Set<Client>;
  /**
   * Connections whose socket changed since the replicas last looked, in the order it happened:
   * the replicas read only these, so a happening that wrote nothing costs nothing to read.
   */
  touched: Client[];
  /**
   * Every command of the replication stream, once, in order (replicationFeedSlaves). An ONLINE
   * replica that receives it as it comes follows this log instead of copying each command into its
   * own wire (docs/architecture.md §6): the same bytes reach the same sockets, kept once.
   */
  stream: string[];
  /**
   * Connections whose socket changed since the last frame was recorded: the recorder looks again
   * at a follower of the stream only when it is here (docs/architecture.md §6).
   */
  changed: Client[];
  /** Whether ONLINE replicas follow `stream` (runScenario: yes; a hand-built server: no, every wire is whole). */
  shareStream: boolean;

  log: LogEntry[];
  /** The last `+FULLRESYNC` reply written, for the replid and offset it names (shared by the replicas that get the same). */
  fullresync: { replid: string; offset: number; text: string } | null;
  /** Per listening port (null: none announced), the name and log lines of the connections from it (Peer). */
  peers: Map<number | null, Peer>;
  /** Seed lines executed, in order (startBgsaveForReplication only). */
  lines: number[];
  notes: Note[];

  faults: { forkFails: null | "EAGAIN" | "ENOMEM" };
  replicationCronLoops: number;
  rngState: number;

  /**
   * Called after each executed seed line with the function's locals and, for a condition, the
   * value it evaluated to (null for a plain statement); the simulation makes a frame of it.
   */
  onLine: ((line: number, locals: PortLocals, condition: boolean | null) => void) | null;
  /**
   * The Redis version whose behaviour this server has (docs/versions.md): its port of
   * startBgsaveForReplication, its log wording, its failure path. 4.0.14 unless a run names another.
   */
  version: RedisVersion;
  /** That version's port (null: 4.0.14's, src/model/port.ts). */
  startBgsave: ((server: Server, mincapa: number) => number) | null;
  /** What that version does differently around the function (src/model/versions/around.ts). */
  around: Around;
  /**
   * freeClientAsync's queue (6.0 on): connections flagged CLIENT_CLOSE_ASAP, freed when the
   * happening ends, as beforeSleep frees them (docs/versions.md §8, §11.2).
   */
  closeAsap: Client[];
  /** Closed connections whose socket a child still holds (Client.eofHeldBy); released when it exits. */
  heldSockets: Client[];
  /** Durations the simulation uses when it forks (ms). */
  timing: { bgsaveMs: number; aofRewriteMs: number; transferBytesPerSec: number };
}
