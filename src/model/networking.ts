/**
 * A replica connection as networking.c sees it: the client, its socket (the wire) and its output
 * buffer, replies, and freeing it. Whether a queued reply is ever written depends on the client's
 * replstate — the reason the 4.0.14 error reply to a dropped replica never arrives (docs/behaviour.md §8).
 */
import { INITIAL_REPLICA_SNAPSHOT, replicaStep, type ReplicaEvent } from "../machines/replica";
import { append, emptyLog } from "./grow";
import { listAddNodeTail, listDelNode, listSearchKey } from "./adlist";
import { CLIENT_CLOSE_AFTER_REPLY, CLIENT_SLAVE, REPL_STATE_NONE, SLAVE_STATE_ONLINE } from "./constants";
import { peerLine, peerOf, serverLog, slaveWord, unixtime } from "./server";
import { rdbPipeConnRemoved } from "./children";
import type { Client, Server } from "./types";

export function createClient(server: Server, id: string, conn: number, port: number | null): Client {
  // Its name (replicationGetSlaveName), shared with the earlier connections from the same port.
  const peer = peerOf(server, port);
  const c: Client = {
    id,
    cid: server.nextClientId++,
    conn,
    name: peer.name,
    peer,
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
    wire: emptyLog(),
    stream: server.stream,
    streamFrom: -1,
    streamTo: null,
    streamCopies: emptyLog(),
    reply: emptyLog(),
    replyStart: 0,
    closed: false,
    machine: INITIAL_REPLICA_SNAPSHOT,
    touched: false,
    touchedQueue: server.touched,
    changed: false,
    changedQueue: server.changed,
  };
  server.clients.push(c);
  server.made.push(c);
  return c;
}

/** Drive the replica's statechart with what the primary just did (a pure step of the machine). */
export function machineSend(c: Client, event: ReplicaEvent): void {
  // A dropped replica's machine is final; later events (e.g. its socket closing) change nothing.
  if (c.machine.status === "active") c.machine = replicaStep(c.machine, event);
}

/** The connection's socket changed: its replica reads it at the next look (replicaSide.readSockets). */
function touch(c: Client): void {
  if (!c.changed) {
    c.changed = true;
    c.changedQueue.push(c);
  }
  if (c.touched) return;
  c.touched = true;
  c.touchedQueue.push(c);
}

/** A raw write() to the socket, bypassing the output buffer (+FULLRESYNC, "\n", bulk data). */
export function writeToSocket(c: Client, text: string): void {
  if (!c.closed) {
    if (c.streamFrom >= 0) leaveStream(c);
    c.wire = append(c.wire, text);
    touch(c);
  }
}

/**
 * From now on the connection receives the replication stream as it comes: its wire goes on with
 * the server's stream log from the command just appended (followers cost nothing per command).
 * Only a connection that would write each command straight out (ONLINE, not waiting for its first
 * ACK, nothing queued) follows it; anything else written to it stops that (leaveStream).
 */
export function followStream(c: Client): void {
  c.streamFrom = c.stream.length - 1;
  c.streamTo = null;
  touch(c);
}

/** Whether a connection may follow the stream: it would write every command straight to its socket. */
export function canFollowStream(c: Client): boolean {
  return !c.closed && c.streamFrom < 0 && canWrite(c) && c.replyStart === c.reply.length;
}

/** Something else is written to a follower: the commands it followed become its own wire entries. */
function leaveStream(c: Client): void {
  const to = c.streamTo ?? c.stream.length;
  c.streamCopies = append(c.streamCopies, { at: c.wire.length, from: c.streamFrom, to });
  for (let k = c.streamFrom; k < to; k++) c.wire = append(c.wire, c.stream[k] as string);
  c.streamFrom = -1;
  c.streamTo = null;
}

/** Everything that reached the connection's socket, in order (its own entries, then the stream it followed). */
export function clientWire(c: Client): string[] {
  if (c.streamFrom < 0) return c.wire;
  return c.wire.concat(c.stream.slice(c.streamFrom, c.streamTo ?? c.stream.length));
}

/**
 * Queue a reply, then send the buffer if prepareClientToWrite would schedule the client:
 * only a normal client (replstate 0) or an ONLINE replica not waiting for its first ACK
 * (networking.c 176–207). Anything else stays queued — which is why the 4.0.14 error reply to a
 * dropped replica (replstate still 6) is never delivered (docs/behaviour.md §8).
 */
export function addReply(c: Client, text: string): void {
  if (c.closed) return;
  if (canWrite(c) && c.replyStart === c.reply.length) {
    // Nothing queued ahead of it: it goes straight out (the buffer would be drained at once).
    writeToSocket(c, text);
    return;
  }
  c.reply = append(c.reply, text);
  if (canWrite(c)) flushOutputBuffer(c);
}

function canWrite(c: Client): boolean {
  return c.replstate === REPL_STATE_NONE || (c.replstate === SLAVE_STATE_ONLINE && !c.replPutOnlineOnAck);
}

export function flushOutputBuffer(c: Client): void {
  if (c.replyStart === c.reply.length) return;
  if (c.streamFrom >= 0) leaveStream(c);
  for (let i = c.replyStart; i < c.reply.length; i++) c.wire = append(c.wire, c.reply[i] as string);
  c.replyStart = c.reply.length;
  touch(c);
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
      `== CRITICAL == This master is sending an error to its ${slaveWord(server)}: '${err}' after processing the command 'psync'`,
    );
  }
}

/**
 * freeClient for a replica connection: logs "Connection with slave %s lost." only while the
 * client still has CLIENT_SLAVE (a client dropped by the error loop goes silently, docs/behaviour.md §4 step 5).
 */
export function freeClient(server: Server, c: Client, event: ReplicaEvent = { type: "DISCONNECTED" }): void {
  if (c.closed) return;
  if (c.flags & CLIENT_SLAVE) {
    serverLog(server, "warning", peerLine(server, c, "lost"));
    const ln = listSearchKey(server.slaves, c);
    if (ln) listDelNode(server.slaves, ln);
  }
  c.closed = true;
  // unlinkClient: it leaves server.clients (nothing in the model reads a closed connection again).
  const clients = server.clients;
  const k = clients.lastIndexOf(c);
  if (k >= 0) {
    for (let j = k + 1; j < clients.length; j++) clients[j - 1] = clients[j] as Client;
    clients.pop();
  }
  // A child forked while this connection was open has a copy of its socket: the replica sees the
  // close only when that child exits (docs/versions.md §22, [observed] on 7.0.15).
  const child = server.child;
  if (child && !child.exit && c.cid < child.inheritsBelowCid) {
    c.eofHeldBy = child.pid;
    server.heldSockets.push(c);
  }
  // 6.0 on: a target of the diskless pipe leaves rdb_pipe_conns (docs/versions.md §6.3).
  if (child?.viaPipe) rdbPipeConnRemoved(server);
  // A follower's wire ends where the stream was when it closed.
  if (c.streamFrom >= 0) c.streamTo = c.stream.length;
  c.repldbfd = -1;
  c.bulkNextAt = null;
  server.bulkPending.delete(c);
  touch(c);
  machineSend(c, event);
}

/** A child exited: the sockets it still held are closed at last, so their replicas read end-of-file now. */
export function releaseInheritedSockets(server: Server, pid: number): void {
  if (!server.heldSockets.length) return;
  const still: Client[] = [];
  for (const c of server.heldSockets) {
    if (c.eofHeldBy !== pid) {
      still.push(c);
      continue;
    }
    c.eofHeldBy = undefined;
    touch(c);
  }
  server.heldSockets = still;
}

/**
 * freeClientAsync (6.0 on): flag the connection CLIENT_CLOSE_ASAP; it is freed when the happening
 * ends, as beforeSleep would (freeClientsInAsyncFreeQueue, docs/versions.md §8, §11.2), so what
 * the same call logs next comes before its `Connection with replica … lost.`.
 */
export function freeClientAsync(server: Server, c: Client, event: ReplicaEvent): void {
  if (c.closed || c.closeAsap) return;
  c.closeAsap = event;
  server.closeAsap.push(c);
}

/** freeClientsInAsyncFreeQueue: free every connection flagged CLIENT_CLOSE_ASAP, in the order flagged. */
export function freeClientsInAsyncFreeQueue(server: Server): void {
  if (!server.closeAsap.length) return;
  for (const c of server.closeAsap.splice(0)) freeClient(server, c, c.closeAsap ?? undefined);
}

/**
 * writeToClient: a client flagged CLIENT_CLOSE_AFTER_REPLY is freed once its buffer is written
 * (networking.c, docs/versions.md §8). Run before the event loop sleeps again, on the connections
 * written to since. In 4.0.14 the dropped replica's `-ERR` is never written, so it is never freed
 * here; from 5.0.5 on the error loop makes it a normal client first, and it is.
 */
export function freeClientsClosingAfterReply(server: Server): void {
  for (const c of server.touched) {
    if (!c.closed && c.flags & CLIENT_CLOSE_AFTER_REPLY && c.replyStart === c.reply.length) freeClient(server, c);
  }
}

export function addSlave(server: Server, c: Client): void {
  listAddNodeTail(server.slaves, c);
}
