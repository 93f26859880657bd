/**
 * The replica's own half of a full resync: a Redis 4.0 replica, or `redis-cli --slave` for the old
 * SYNC. It connects and sends its sync command (syncWithMaster), reads what reaches its socket
 * (readSyncBulkPayload: +FULLRESYNC, `$<len>` or `$EOF:<mark>`, the RDB, the stream), and runs its
 * own once-a-second replicationCron: REPLCONF ACK when synced, a timeout while the primary is
 * silent, a reconnection after a failure (docs/behaviour.md §8, §16, §20). Only what the primary
 * can observe, and what a student needs to see of the replica, is modelled.
 */
import { WORDING } from "./versions/names";
import type { Scenario } from "../scenarios/schema";
import { SLAVE_CAPA_EOF, SLAVE_CAPA_PSYNC2, SLAVE_STATE_ONLINE } from "./constants";
import { append, clear } from "./grow";
import { TimerHeap } from "./heap";
import { createClient, freeClient } from "./networking";
import { replconfAck, syncCommand } from "./replication";
import { note, unixtime } from "./server";
import type { AgentPhase } from "./trace";
import type { Client, LogEntry, Server } from "./types";

/**
 * What a replica logs when the connection closes while it reads the bulk count: syncReadLine sees
 * end-of-file and sets no errno, so the text is whatever errno was left over — usually EAGAIN
 * (docs/behaviour.md §18.12; not verified for 5.0.5's SYNC retry, docs/versions.md §19).
 */
const BULK_COUNT_EOF = "I/O error reading bulk count from MASTER: Resource temporarily unavailable";

/**
 * The replica's lines that name the link, as each release words it: a replica is of the same
 * release as its primary (docs/versions.md §13.2). Whole strings, made once, not one per line.
 */
function linkLines(link: string, toDisk = false) {
  return {
    started: `${link} sync started`,
    streamed: `${link} sync: receiving streamed RDB from master${toDisk ? " with EOF to disk" : ""}`,
    /** The tail of `… sync: receiving <n> bytes from master…`. */
    bytesTail: toDisk ? " bytes from master to disk" : " bytes from master",
    flushing: `${link} sync: Flushing old data`,
    loading: `${link} sync: Loading DB in memory`,
    finished: `${link} sync: Finished with success`,
    link,
  } as const;
}
const SLAVE_LINK = linkLines("MASTER <-> SLAVE");
const REPLICA_LINK = linkLines("MASTER <-> REPLICA");
/** 6.2 on: a replica that loads from disk says so (docs/versions.md §13.2). */
const REPLICA_LINK_TO_DISK = linkLines("MASTER <-> REPLICA", true);

function syncLink(server: Server): typeof SLAVE_LINK {
  if (server.around.replicaToDisk) return REPLICA_LINK_TO_DISK;
  return WORDING[server.version].replica === "slave" ? SLAVE_LINK : REPLICA_LINK;
}

/** One replica of the scenario, across all its connections. */
export interface Agent {
  id: string;
  /** Place in the scenario's replica list (fixes its port, pid, cron phase and reading order). */
  index: number;
  command: "PSYNC" | "SYNC";
  capa: number;
  capaNames: ("eof" | "psync2")[];
  /** Its listening port (REPLCONF listening-port); redis-cli --slave announces none. */
  port: number | null;
  /** Its own 1 Hz cron runs at this offset within each second (ms). */
  cronPhase: number;
  phase: AgentPhase;
  conn: number;
  client: Client | null;
  /** time(NULL) of the last bytes received (repl_transfer_lastio). */
  lastio: number;
  /** How many of its current connection's wire messages it has read. */
  seen: number;
  eofMark: string | null;
  expectBytes: number;
  log: LogEntry[];
  /** When its cron runs next (infinity until its first connection). */
  nextCron: number;
  /** Connected by pipelining PING + PSYNC (a hand-made client, not a Redis replica). */
  pipelined: boolean;
  /** It may have changed since the last frame: it is in `Replicas.changed` (see markAgent). */
  changed: boolean;
  /** 6.2 on: it reconnects at once after a failure; the connection is under way (Replicas.soon). */
  reconnecting: boolean;
}

/** Every replica of a run, with the timers of their crons. */
export interface Replicas {
  readonly server: Server;
  readonly agents: Agent[];
  readonly byId: Map<string, Agent>;
  readonly timers: TimerHeap<Agent>;
  /** How many lines all replicas have logged (a happening that adds one is visible). */
  logCount: number;
  /**
   * The replicas whose own code ran since the last frame (their cron, a read of their socket, a
   * connection or an event about them): the recorder looks again at these only.
   */
  readonly changed: Agent[];
  /** The last +FULLRESYNC reply a replica read, and its log line (fullResyncLine). */
  lastFullresync: { msg: string; line: string };
  /**
   * 6.2 on: replicas whose connection, started at once after a failure, completes at the given
   * time (its non-blocking connect fires; docs/versions.md §20).
   */
  readonly soon: TimerHeap<Agent>;
  /** readSockets' list of the replicas about to read (empty between calls; kept so as not to make one per call). */
  readonly readers: Agent[];
}

/** The replica's own code is running: what the frames show of it may change (Replicas.changed). */
export function markAgent(w: Replicas, a: Agent): void {
  if (a.changed) return;
  a.changed = true;
  w.changed.push(a);
}

const REPLICA_PID_BASE = 5100;
const FIRST_REPLICA_PORT = 17001;

export function capaBits(capa: readonly ("eof" | "psync2")[]): number {
  return (capa.includes("eof") ? SLAVE_CAPA_EOF : 0) | (capa.includes("psync2") ? SLAVE_CAPA_PSYNC2 : 0);
}

export function replicaPort(command: "PSYNC" | "SYNC", index: number): number | null {
  return command === "SYNC" ? null : FIRST_REPLICA_PORT + index;
}

export function createReplicas(server: Server, scenario: Scenario): Replicas {
  const agents: Agent[] = scenario.replicas.map((r, i) => ({
    id: r.id,
    index: i,
    command: r.command,
    capa: capaBits(r.capa),
    capaNames: [...r.capa],
    port: replicaPort(r.command, i),
    // Each replica's own 1 Hz cron runs at its own phase within the second.
    cronPhase: 137 + ((i * 379) % 1000),
    phase: "idle",
    conn: 0,
    client: null,
    lastio: 0,
    seen: 0,
    eofMark: null,
    expectBytes: 0,
    log: [],
    nextCron: Number.POSITIVE_INFINITY,
    pipelined: false,
    changed: false,
    reconnecting: false,
  }));
  return {
    server,
    agents,
    byId: new Map(agents.map((a) => [a.id, a])),
    timers: new TimerHeap<Agent>(),
    logCount: 0,
    changed: [],
    lastFullresync: { msg: "", line: "" },
    soon: new TimerHeap<Agent>(),
    readers: [],
  };
}

function replicaLog(w: Replicas, a: Agent, level: "notice" | "warning", text: string): void {
  markAgent(w, a);
  a.log.push({ t: w.server.now, pid: REPLICA_PID_BASE + a.index, role: "S", level, text });
  w.logCount++;
}

/** Start the replica's cron on its first connection, at its phase within the second. */
export function startReplicaCron(w: Replicas, a: Agent): void {
  if (a.nextCron !== Number.POSITIVE_INFINITY) return;
  const base = Math.floor(w.server.now / 1000) * 1000 + a.cronPhase;
  a.nextCron = base > w.server.now ? base : base + 1000;
  w.timers.push(a.nextCron, a.index, a);
}

/**
 * connectWithMaster + syncWithMaster: a new connection, the handshake (PING, REPLCONF
 * listening-port / capa), then PSYNC or SYNC, which the primary's syncCommand handles at once. A
 * 4.0.14 replica logs each stage; it has no cached master here (the lab models no partial
 * resynchronization), so it asks `PSYNC ? -1` (docs/behaviour.md §3, §20).
 */
export function syncWithMaster(w: Replicas, a: Agent, pipelined = false, started = false): void {
  markAgent(w, a);
  const server = w.server;
  if (a.command === "PSYNC" && !pipelined) {
    if (!started) {
      replicaLog(w, a, "notice", "Connecting to MASTER 127.0.0.1:6379");
      replicaLog(w, a, "notice", syncLink(w.server).started);
    }
    replicaLog(w, a, "notice", "Non blocking connect for SYNC fired the event.");
    replicaLog(w, a, "notice", "Master replied to PING, replication can continue...");
    replicaLog(w, a, "notice", "Partial resynchronization not possible (no cached master)");
  }
  const c = createClient(server, a.id, ++a.conn, a.port);
  a.client = c;
  a.seen = 0;
  a.eofMark = null;
  a.expectBytes = 0;
  a.lastio = unixtime(server);
  a.phase = "waitReply";
  // REPLCONF listening-port / capa precede PSYNC; redis-cli --slave sends plain SYNC (§2.2).
  c.slaveCapa = a.command === "PSYNC" ? a.capa : 0;
  c.command = a.command;
  if (pipelined) {
    // PING and PSYNC arrived in one packet: +PONG is queued but not yet written.
    c.reply = append(c.reply, "+PONG");
    a.pipelined = true;
  }
  syncCommand(server, c, { command: a.command });
}

/** The replica closes its connection; the primary reads EOF and frees the client. */
export function closeConnection(w: Replicas, a: Agent, nextPhase: AgentPhase): void {
  markAgent(w, a);
  const c = a.client;
  // freeClient logs "Connection with slave … lost." only if it is still a replica.
  if (c && !c.closed) freeClient(w.server, c, { type: "DISCONNECTED" });
  a.client = null;
  a.phase = nextPhase;
}

/** What each replica does with the bytes that reached its socket since it last looked. */
export function readSockets(w: Replicas): void {
  const queue = w.server.touched;
  if (!queue.length) return;
  // What each one reads is fixed before any reads, so a reaction is read at the next look.
  const readers = w.readers;
  for (let k = 0; k < queue.length; k++) {
    const c = queue[k] as Client;
    c.touched = false;
    // Only a replica's current connection has a reader (it left the older ones).
    const a = w.byId.get(c.id);
    if (a && a.client === c) readers.push(a);
  }
  clear(queue);
  // Replicas look in their fixed order, so the trace does not depend on who was written first
  // (a write to every replica touches them in server.slaves order, usually that order already).
  let ordered = true;
  for (let k = 1; k < readers.length && ordered; k++) ordered = (readers[k - 1] as Agent).index < (readers[k] as Agent).index;
  if (!ordered) sortByIndex(readers);
  for (let k = 0; k < readers.length; k++) {
    const a = readers[k] as Agent;
    if (a.client) readSyncBulkPayload(w, a, a.client);
  }
  clear(readers);
}

/** Agents in their fixed order: in place for a few (Array.prototype.sort allocates a work area per call). */
function sortByIndex(agents: Agent[]): void {
  if (agents.length > 32) {
    agents.sort((x, y) => x.index - y.index);
    return;
  }
  for (let k = 1; k < agents.length; k++) {
    const a = agents[k] as Agent;
    let j = k - 1;
    for (; j >= 0 && (agents[j] as Agent).index > a.index; j--) agents[j + 1] = agents[j] as Agent;
    agents[j + 1] = a;
  }
}

/** The replica reads its socket: the reply to PSYNC/SYNC, the bulk header, the payload, the stream. */
function readSyncBulkPayload(w: Replicas, a: Agent, c: Client): void {
  markAgent(w, a);
  while (a.seen < c.wire.length) {
    const msg = c.wire[a.seen++] as string;
    a.lastio = unixtime(w.server);
    const first = msg.charAt(0);
    if (first !== "+" && first !== "-" && first !== "$" && first !== "<") {
      // A keep-alive newline or the replication stream: only a streamed RDB's end mark (hex) matters.
      if (a.eofMark && msg === a.eofMark) loadReceivedRdb(w, a);
      continue;
    }
    if (msg.startsWith("+FULLRESYNC")) {
      replicaLog(w, a, "notice", fullResyncLine(w, msg));
      a.phase = "transfer";
    } else if (msg.startsWith("-NOMASTERLINK")) {
      replicaLog(w, a, "notice", `Master is currently unable to PSYNC but should be in the future: ${msg}`);
      note(w.server, { key: "replica.tryLater", replica: a.id });
      closeConnection(w, a, "retry");
      return;
    } else if (msg === "+PONG") {
      continue;
    } else if (msg.startsWith("-") && a.pipelined) {
      // A hand-made client that pipelined PING + PSYNC: it reads the error and gives up.
      replicaLog(w, a, "warning", `Unexpected reply to PSYNC from master: ${msg}`);
      note(w.server, { key: "replica.gaveUp", replica: a.id });
      closeConnection(w, a, "gone");
      return;
    } else if (msg.startsWith("-") && a.phase === "waitReply") {
      // The reply to PSYNC or SYNC is an error: from 5.0.5 on, a failed BGSAVE's `-ERR` is sent
      // (docs/versions.md §8, §15, §20).
      if (a.command === "SYNC") {
        // redis-cli prints it and exits.
        replicaLog(w, a, "warning", `SYNC with master failed: ${msg}`);
        note(w.server, { key: "replica.syncRefused", replica: a.id, reply: msg });
        closeConnection(w, a, "gone");
        return;
      }
      replicaLog(w, a, "notice", `Master does not support PSYNC or is in error state (reply: ${msg})`);
      replicaLog(w, a, "notice", "Retrying with SYNC...");
      note(w.server, { key: "replica.psyncRefused", replica: a.id, reply: msg });
      if (c.closed) {
        // SYNC goes out on the connection the primary closed after its error: reading the bulk
        // count meets end-of-file (the errno text is not verified, docs/versions.md §19).
        replicaLog(w, a, "warning", BULK_COUNT_EOF);
        a.client = null;
        a.phase = "retry";
        reconnectAfterFailure(w, a);
        return;
      }
      continue;
    } else if (msg.startsWith("-")) {
      replicaLog(w, a, "warning", `MASTER aborted replication with an error: ${msg.slice(1)}`);
      syncFailed(w, a);
      return;
    } else if (msg.startsWith("$EOF:")) {
      a.eofMark = msg.slice(5);
      a.phase = "transfer";
      replicaLog(w, a, "notice", syncLink(w.server).streamed);
    } else if (msg.startsWith("$")) {
      a.expectBytes = Number(msg.slice(1));
      a.phase = "transfer";
      replicaLog(
        w,
        a,
        "notice",
        a.command === "SYNC"
          ? `SYNC with master, discarding ${a.expectBytes} bytes of bulk transfer...`
          : `${syncLink(w.server).link} sync: receiving ${a.expectBytes}${syncLink(w.server).bytesTail}`,
      );
    } else if (msg.startsWith("<RDB payload")) {
      if (!a.eofMark) loadReceivedRdb(w, a);
    }
  }
  if (c.closed && c.eofHeldBy === undefined) {
    // The primary closed the connection (and no child holds a copy of the socket): after whatever it wrote, the replica reads EOF (docs/behaviour.md §18.12, §18.13).
    if (a.phase === "transfer" && a.expectBytes === 0 && a.eofMark === null) {
      /* Still reading the bulk count ($<len> / $EOF:) after +FULLRESYNC: syncReadLine sees EOF
       * and sets no errno, so the text is whatever errno was left over — usually EAGAIN. */
      replicaLog(w, a, "warning", BULK_COUNT_EOF);
      note(w.server, { key: "replica.bulkCountEof", replica: a.id });
    } else if (a.phase === "transfer" || a.phase === "waitReply") {
      replicaLog(w, a, "warning", "I/O error trying to sync with MASTER: connection lost");
    } else if (a.phase === "connected") {
      replicaLog(w, a, "warning", "Connection with master lost.");
    }
    const wasConnected = a.phase === "connected";
    a.client = null;
    a.phase = a.command === "SYNC" ? "gone" : "retry";
    if (a.phase === "retry") reconnectAfterFailure(w, a, wasConnected);
    return;
  }
}

/** A failed sync: the replica closes its connection and retries (at once from 6.2, else at its cron). */
function syncFailed(w: Replicas, a: Agent): void {
  closeConnection(w, a, "retry");
  reconnectAfterFailure(w, a);
}

/**
 * 6.2 on: a failed sync reconnects at once — cancelReplicationHandshake(1) logs `Reconnecting to
 * MASTER … after failure` and connectWithMaster `MASTER <-> REPLICA sync started`; a replica that
 * was connected logs `Reconnecting to MASTER …` (replicationHandleMasterDisconnection). The
 * connection completes on the event loop's next turn (Replicas.soon). Earlier versions wait for
 * the replica's next cron run (docs/versions.md §20).
 */
function reconnectAfterFailure(w: Replicas, a: Agent, wasConnected = false): void {
  if (!w.server.around.replicaAtOnce || a.reconnecting) return;
  replicaLog(w, a, "notice", wasConnected ? "Reconnecting to MASTER 127.0.0.1:6379" : "Reconnecting to MASTER 127.0.0.1:6379 after failure");
  replicaLog(w, a, "notice", syncLink(w.server).started);
  a.reconnecting = true;
  w.soon.push(w.server.now, a.index, a);
}

/** The connection started by reconnectAfterFailure is up: the handshake and PSYNC. */
export function reconnectNow(w: Replicas, a: Agent): void {
  if (!a.reconnecting) return;
  a.reconnecting = false;
  if (a.phase !== "retry") return;
  note(w.server, { key: "replica.reconnect", replica: a.id, conn: a.conn + 1, atOnce: true });
  syncWithMaster(w, a, false, true);
}

/**
 * `Full resync from master: <replid>:<offset>` for a `+FULLRESYNC <replid> <offset>` reply. The
 * replicas that attach to one BGSAVE read the same reply (one string, Server.fullresync), so the
 * line is made once per reply.
 */
function fullResyncLine(w: Replicas, msg: string): string {
  if (msg === w.lastFullresync.msg) return w.lastFullresync.line;
  const [, id, off] = msg.split(" ");
  const line = `Full resync from master: ${id}:${off}`;
  w.lastFullresync = { msg, line };
  return line;
}

/** The whole RDB arrived: a replica loads it; redis-cli --slave discards it and prints the stream. */
function loadReceivedRdb(w: Replicas, a: Agent): void {
  if (a.command === "SYNC") {
    replicaLog(w, a, "notice", "SYNC done. Logging commands from master.");
  } else {
    replicaLog(w, a, "notice", syncLink(w.server).flushing);
    replicaLog(w, a, "notice", syncLink(w.server).loading);
    replicaLog(w, a, "notice", syncLink(w.server).finished);
  }
  a.phase = "connected";
  // 6.2 on: "Send the initial ACK immediately" after a streamed RDB (docs/versions.md §11.2, §20).
  const c = a.client;
  if (w.server.around.replicaAtOnce && a.eofMark && a.command === "PSYNC" && c && !c.closed) {
    replconfAck(w.server, c, c.psyncInitialOffset);
  }
}

/**
 * The replica's replicationCron: a timeout while it waits (cancelReplicationHandshake), then, in
 * the same run, the connection to retry a failed sync (REPL_STATE_CONNECT, docs/behaviour.md
 * §20); REPLCONF ACK when synced.
 */
export function replicaCron(w: Replicas, a: Agent): void {
  markAgent(w, a);
  const server = w.server;
  const now = unixtime(server);
  // redis-cli --slave has no timeout and never retries: it just waits.
  if (a.command === "SYNC") return;
  if (a.phase === "waitReply" && now - a.lastio > server.replTimeout) {
    replicaLog(w, a, "warning", "Timeout connecting to the MASTER...");
    note(server, { key: "replica.timeout", replica: a.id, stage: "handshake" });
    syncFailed(w, a);
  } else if (a.phase === "transfer" && now - a.lastio > server.replTimeout) {
    replicaLog(
      w,
      a,
      "warning",
      "Timeout receiving bulk data from MASTER... If the problem persists try to set the 'repl-timeout' parameter in redis.conf to a larger value.",
    );
    note(server, { key: "replica.timeout", replica: a.id, stage: "transfer" });
    syncFailed(w, a);
  }
  if (a.phase === "retry" && !a.reconnecting) {
    note(server, { key: "replica.reconnect", replica: a.id, conn: a.conn + 1 });
    syncWithMaster(w, a);
    return;
  }
  if (a.phase === "connected" && a.client && !a.client.closed) {
    const c = a.client;
    const streaming = c.replstate === SLAVE_STATE_ONLINE && !c.replPutOnlineOnAck;
    replconfAck(server, c, streaming ? server.masterReplOffset : c.psyncInitialOffset);
  }
}

/** Still syncing, or about to retry: the run is not over while a replica is. */
export function replicaBusy(a: Agent): boolean {
  if (a.command === "SYNC") return false;
  return a.phase === "retry" || a.phase === "waitReply" || a.phase === "transfer";
}
