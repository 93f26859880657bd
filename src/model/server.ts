/**
 * Shared pieces of the primary: the log, clients and their sockets, replies, the replication
 * stream and the script cache. Behaviour follows Redis 4.0.14 (reference §2, §7, §8, §10).
 */
import { createActor } from "xstate";
import { replicaMachine, type ReplicaEvent } from "../machines/replica";
import { listAddNodeTail, listCreate, listDelNode, listLength, listSearchKey } from "./adlist";
import {
  CLIENT_SLAVE,
  REPL_STATE_NONE,
  REPL_PING_SLAVE_PERIOD,
  SLAVE_STATE_ONLINE,
  SLAVE_STATE_WAIT_BGSAVE_START,
} from "./constants";
import type { Note } from "./notes";
import type { Client, LogLevel, Server } from "./types";

export interface ServerInit {
  replDisklessSync: boolean;
  replDisklessSyncDelay: number;
  replTimeout: number;
  role: "master" | "replica";
  upstream: "linked" | "cached" | "none";
  hasBacklog: boolean;
  replid: string;
  masterReplOffset: number;
  slaveseldb: number;
  seed: number;
  rdbBytes: number;
  appendonly: boolean;
  timing: Server["timing"];
}

export function newServer(init: ServerInit): Server {
  const isReplica = init.role === "replica";
  return {
    now: 0,
    pid: 4000 + (init.seed % 1000),
    nextPid: 4001 + (init.seed % 1000) + 16,
    nextClientId: 3,
    replDisklessSync: init.replDisklessSync,
    replDisklessSyncDelay: init.replDisklessSyncDelay,
    replTimeout: init.replTimeout,
    replPingSlavePeriod: REPL_PING_SLAVE_PERIOD,
    rdbFilename: "dump.rdb",
    appendonly: init.appendonly,
    masterhost: isReplica ? "10.0.0.1" : null,
    upstream: {
      master: isReplica && init.upstream === "linked" ? { dbid: 0 } : null,
      cachedMaster: isReplica && init.upstream === "cached" ? { dbid: 0 } : null,
      connected: isReplica && init.upstream === "linked",
    },
    replid: init.replid,
    replid2: "0".repeat(40),
    masterReplOffset: init.masterReplOffset,
    replBacklog: isReplica ? true : init.hasBacklog,
    slaveseldb: init.slaveseldb,
    rdbChildPid: -1,
    rdbChildType: 0,
    aofChildPid: -1,
    aofRewriteScheduled: false,
    child: null,
    rdbFile: { exists: false, size: 0, writtenBy: 0 },
    rdbBytes: init.rdbBytes,
    replScriptCache: [],
    scriptCacheFlushes: 0,
    slaves: listCreate<Client>(),
    clients: [],
    bulkPending: new Set(),
    touched: 0,
    log: [],
    lines: [],
    notes: [],
    faults: { forkFails: null },
    replicationCronLoops: 0,
    rngState: init.seed >>> 0 || 1,
    onLine: null,
    timing: init.timing,
  };
}

/** server.unixtime: whole seconds, as cached by serverCron. */
export function unixtime(server: Server): number {
  return Math.floor(server.now / 1000);
}

/** Deterministic stand-in for getRandomHexChars (mulberry32). */
export function randomHex(server: Server, len: number): string {
  let out = "";
  while (out.length < len) {
    server.rngState = (server.rngState + 0x6d2b79f5) >>> 0;
    let t = server.rngState;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out += ((t ^ (t >>> 14)) >>> 0).toString(16).padStart(8, "0");
  }
  return out.slice(0, len);
}

export function forkPid(server: Server): number {
  return server.nextPid++;
}

export function serverLog(server: Server, level: LogLevel, text: string): void {
  server.log.push({ t: server.now, pid: server.pid, role: server.masterhost ? "S" : "M", level, text });
}

export function childLog(server: Server, pid: number, text: string): void {
  server.log.push({ t: server.now, pid, role: "C", level: "notice", text });
}

export function note(server: Server, n: Note): void {
  server.notes.push(n);
}

/** replicationGetSlaveName: "ip:port", or "ip:<unknown-slave-port>" for redis-cli --slave (§13). */
export function slaveName(port: number | null): string {
  return port ? `127.0.0.1:${port}` : "127.0.0.1:<unknown-slave-port>";
}

export function createClient(server: Server, id: string, conn: number, port: number | null): Client {
  const actor = createActor(replicaMachine, { input: { replicaId: id } });
  actor.start();
  const c: Client = {
    id,
    cid: server.nextClientId++,
    conn,
    name: slaveName(port),
    replstate: REPL_STATE_NONE,
    command: null,
    slaveCapa: 0,
    flags: 0,
    psyncInitialOffset: -1,
    replPutOnlineOnAck: false,
    replAckTime: 0,
    lastinteraction: unixtime(server),
    repldbfd: -1,
    repldboff: 0,
    repldbsize: 0,
    replpreamble: null,
    bulkNextAt: null,
    replAckOff: 0,
    wire: [],
    reply: [],
    replyStart: 0,
    closed: false,
    actor,
    onWire: (x) => touch(server, x),
    touched: false,
  };
  server.clients.push(c);
  return c;
}

/** Drive the replica's statechart with what the primary just did. */
export function machineSend(c: Client, event: ReplicaEvent): void {
  // A dropped replica's machine is final; later events (e.g. its socket closing) change nothing.
  if (c.actor?.getSnapshot().status === "active") c.actor.send(event);
}

/** A raw write() to the socket, bypassing the output buffer (+FULLRESYNC, "\n", bulk data). */
export function writeToSocket(c: Client, text: string): void {
  if (!c.closed) {
    c.wire.push(text);
    c.onWire?.(c);
  }
}

/** Remember that a connection's socket changed, once per look (see Server.touched). */
export function touch(server: Server, c: Client): void {
  if (!c.touched) {
    c.touched = true;
    server.touched++;
  }
}

/**
 * Queue a reply, then send the buffer if prepareClientToWrite would schedule the client:
 * only a normal client (replstate 0) or an ONLINE replica not waiting for its first ACK
 * (networking.c 176–207). Anything else stays queued — which is why the 4.0.14 error reply to a
 * dropped replica (replstate still 6) is never delivered (§8).
 */
export function addReply(c: Client, text: string): void {
  if (c.closed) return;
  if (canWrite(c) && c.replyStart === c.reply.length) {
    // Nothing queued ahead of it: it goes straight out (the buffer would be drained at once).
    writeToSocket(c, text);
    return;
  }
  c.reply.push(text);
  if (canWrite(c)) flushOutputBuffer(c);
}

export function canWrite(c: Client): boolean {
  return c.replstate === REPL_STATE_NONE || (c.replstate === SLAVE_STATE_ONLINE && !c.replPutOnlineOnAck);
}

export function flushOutputBuffer(c: Client): void {
  if (c.replyStart === c.reply.length) return;
  for (let i = c.replyStart; i < c.reply.length; i++) c.wire.push(c.reply[i] as string);
  c.replyStart = c.reply.length;
  c.onWire?.(c);
}

export function outputBuffer(c: Client): string[] {
  return c.reply.slice(c.replyStart);
}

/** addReplyError → addReplyErrorLength: "-ERR <msg>", and the CRITICAL log for replicas. */
export function addReplyError(server: Server, c: Client, err: string): void {
  addReply(c, `-ERR ${err}`);
  if (c.flags & CLIENT_SLAVE) {
    serverLog(
      server,
      "warning",
      `== CRITICAL == This master is sending an error to its slave: '${err}' after processing the command 'psync'`,
    );
  }
}

/**
 * freeClient for a replica connection: logs "Connection with slave %s lost." only while the
 * client still has CLIENT_SLAVE (a client dropped by the error loop goes silently, §4 step 5).
 */
export function freeClient(server: Server, c: Client, event: ReplicaEvent = { type: "DISCONNECTED" }): void {
  if (c.closed) return;
  if (c.flags & CLIENT_SLAVE) {
    serverLog(server, "warning", `Connection with slave ${c.name} lost.`);
    const ln = listSearchKey(server.slaves, c);
    if (ln) listDelNode(server.slaves, ln);
  }
  c.closed = true;
  c.repldbfd = -1;
  c.bulkNextAt = null;
  server.bulkPending.delete(c);
  touch(server, c);
  machineSend(c, event);
}

export function addSlave(server: Server, c: Client): void {
  listAddNodeTail(server.slaves, c);
}

// ---------------------------------------------------------------------------------------------
// The replication stream (replicationFeedSlaves, §2.1, §10)

/** Bytes of a command in RESP multi-bulk form, as added to the backlog and the offsets. */
export function respLength(argv: string[]): number {
  let n = `*${argv.length}\r\n`.length;
  for (const a of argv) {
    const len = utf8Length(a);
    n += `$${len}\r\n`.length + len + 2;
  }
  return n;
}

const UTF8 = new TextEncoder();

/** Bytes of `s` in UTF-8 (what Redis counts); ASCII, nearly every argument, needs no encoding. */
function utf8Length(s: string): number {
  return /^[\x00-\x7f]*$/.test(s) ? s.length : UTF8.encode(s).length;
}

function feedOne(server: Server, argv: string[]): void {
  if (server.replBacklog) server.masterReplOffset += respLength(argv);
  const text = argv.join(" ");
  for (let n = server.slaves.head; n; n = n.next) {
    if (n.value.replstate === SLAVE_STATE_WAIT_BGSAVE_START) continue;
    addReply(n.value, text);
  }
}

/**
 * replicationFeedSlaves: a top-level master only (a replica proxies its master's stream instead);
 * nothing at all without a backlog and replicas; a SELECT first when slaveseldb differs.
 * Replicas in WAIT_BGSAVE_START get nothing; 7/8 and ACK-waiting ones accumulate it.
 */
export function replicationFeedSlaves(server: Server, dictid: number, argv: string[]): void {
  if (server.masterhost !== null) return;
  if (!server.replBacklog && listLength(server.slaves) === 0) return;
  if (server.slaveseldb !== dictid) feedOne(server, ["SELECT", String(dictid)]);
  server.slaveseldb = dictid;
  feedOne(server, argv);
}

/** A chained replica proxies its master's stream byte for byte (replicationFeedSlavesFromMasterStream). */
export function feedFromMasterStream(server: Server, argv: string[]): void {
  feedOne(server, argv);
}

export function replicationScriptCacheFlush(server: Server): void {
  server.replScriptCache = [];
  server.scriptCacheFlushes++;
}
