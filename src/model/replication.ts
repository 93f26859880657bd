/**
 * The lifecycle around startBgsaveForReplication, ported from Redis 4.0.14 src/replication.c:
 * syncCommand (docs/behaviour.md §3), replicationSetupSlaveForFullResync / getPsyncInitialOffset (docs/behaviour.md §7),
 * updateSlavesWaitingBgsave, sendBulkToSlave, putSlaveOnline, REPLCONF ACK (docs/behaviour.md §11),
 * replicationCron's keep-alives, timeouts and BGSAVE-starting block (docs/behaviour.md §9), EVALSHA (docs/behaviour.md §10).
 */
import { listLength, listNext, listRewind, type ListIter, type ListNode } from "./adlist";
import {
  C_OK,
  CLIENT_PRE_PSYNC,
  CLIENT_SLAVE,
  PROTO_IOBUF_LEN,
  RDB_CHILD_TYPE_SOCKET,
  SLAVE_CAPA_EOF,
  SLAVE_STATE_ONLINE,
  SLAVE_STATE_SEND_BULK,
  SLAVE_STATE_WAIT_BGSAVE_END,
  SLAVE_STATE_WAIT_BGSAVE_START,
} from "./constants";
import { startBgsaveForReplication } from "./port";
import { checkChildrenDone, rdbPipeForwardHeader } from "./children";
import { addReply, addReplyError, addSlave, flushOutputBuffer, freeClient, freeClientAsync, machineSend, writeToSocket } from "./networking";
import { replicationFeedSlaves, replicationScriptCacheFlush } from "./replicationStream";
import { note, peerLine, randomHex, serverLog, slaveWord, unixtime } from "./server";
import type { Client, Server } from "./types";

/**
 * startBgsaveForReplication as the server's version has it (docs/versions.md §4). From 6.0 a
 * socket child writes into a pipe: the parent forwards its first bytes, `$EOF:<mark>`, on the
 * next turn of the event loop — here, right after the function returns (rdbPipeForwardHeader).
 */
function startBgsave(server: Server, mincapa: number): number {
  const retval = (server.startBgsave ?? startBgsaveForReplication)(server, mincapa);
  if (server.around.pipe) rdbPipeForwardHeader(server);
  return retval;
}

/** The notes' `v62` flag: the happening is explained as 6.2 does it (src/model/notes.ts). */
function v62(server: Server): { v62?: true } {
  return server.around.pendingFork ? { v62: true } : {};
}

/** hasActiveChildProcess (6.0 on): any child, RDB or AOF (docs/versions.md §2). */
export function hasActiveChildProcess(server: Server): boolean {
  return server.rdbChildPid !== -1 || server.aofChildPid !== -1;
}

/** Only meaningful right around the fork, before any other command runs (docs/behaviour.md §7). */
export function getPsyncInitialOffset(server: Server): number {
  return server.masterReplOffset;
}

/**
 * Remember the offset, move to WAIT_BGSAVE_END (writes now accumulate), force a SELECT in the
 * stream, and — unless the client used the old SYNC — write +FULLRESYNC straight to the socket.
 */
export function replicationSetupSlaveForFullResync(server: Server, slave: Client, offset: number): number {
  slave.psyncInitialOffset = offset;
  slave.replstate = SLAVE_STATE_WAIT_BGSAVE_END;
  machineSend(slave, { type: "FULLRESYNC_SETUP" });
  server.slaveseldb = -1;
  if (!(slave.flags & CLIENT_PRE_PSYNC)) {
    writeToSocket(slave, fullresyncReply(server, offset));
    note(server, { key: "setup.fullresync", replica: slave.id, offset });
  } else {
    note(server, { key: "setup.oldSync", replica: slave.id, offset });
  }
  return C_OK;
}

/**
 * `+FULLRESYNC <replid> <offset>`: the replicas set up for one BGSAVE get the same reply, so it is
 * one string, made again only when the replid or the offset changed (Server.fullresync).
 */
function fullresyncReply(server: Server, offset: number): string {
  const last = server.fullresync;
  if (last && last.replid === server.replid && last.offset === offset) return last.text;
  const text = `+FULLRESYNC ${server.replid} ${offset}`;
  server.fullresync = { replid: server.replid, offset, text };
  return text;
}

/** copyClientOutputBuffer: the newcomer gets every write accumulated since the fork. */
function copyClientOutputBuffer(dst: Client, src: Client): void {
  // Nothing queued on either side: the buffers are already alike (both empty).
  if (src.replyStart === src.reply.length && dst.replyStart === dst.reply.length) return;
  dst.reply = dst.reply.slice(0, dst.replyStart).concat(src.reply.slice(src.replyStart));
}

interface SyncRequest {
  command: "PSYNC" | "SYNC";
}

/** syncCommand (replication.c 627–773): the checks, then CASE 1 / 2 / 3. */
export function syncCommand(server: Server, c: Client, req: SyncRequest): void {
  if (c.flags & CLIENT_SLAVE) return;

  if (server.masterhost && !server.upstream.connected) {
    // Raw reply, nothing logged: the check precedes the "asks for" line (docs/behaviour.md §3 step 2).
    addReply(c, "-NOMASTERLINK Can't SYNC while not connected with my master");
    note(server, { key: "sync.nomasterlink", replica: c.id });
    return;
  }

  if (c.replyStart < c.reply.length) {
    addReplyError(server, c, "SYNC and PSYNC are invalid with pending output");
    note(server, { key: "sync.pendingOutput", replica: c.id });
    return;
  }

  serverLog(server, "notice", peerLine(server, c, "asks"));
  c.lastinteraction = unixtime(server);

  if (req.command === "PSYNC") {
    // The replica has no history to continue from, so it asks "PSYNC ? -1" (docs/behaviour.md §3 step 5).
    serverLog(server, "notice", peerLine(server, c, "fullResync"));
  } else {
    c.flags |= CLIENT_PRE_PSYNC;
  }

  c.replstate = SLAVE_STATE_WAIT_BGSAVE_START;
  c.repldbfd = -1;
  c.flags |= CLIENT_SLAVE;
  addSlave(server, c);
  machineSend(c, { type: "SYNC_ACCEPTED" });
  note(server, { key: "sync.accepted", replica: c.id, command: req.command, capa: c.slaveCapa });

  if (listLength(server.slaves) === 1 && !server.replBacklog) {
    // changeReplicationId + clearReplicationId2 + createReplicationBacklog (no log in 4.0, docs/behaviour.md §3 step 7).
    server.replid = randomHex(server, 40);
    server.replid2 = "0".repeat(40);
    server.replBacklog = true;
    if (server.around.backlogLogged) {
      serverLog(server, "notice", `Replication backlog created, my new replication IDs are '${server.replid}' and '${server.replid2}'`);
    }
    note(server, { key: "sync.backlogCreated", replid: server.replid, ...v62(server) });
  }

  if (server.rdbChildPid !== -1 && server.rdbChildType === 1) {
    /* CASE 1: disk BGSAVE in progress: attach if a replica is already accumulating the diff
     * since the fork and the newcomer has at least all its capabilities. */
    const li: ListIter<Client> = { next: null };
    let ln: ListNode<Client> | null;
    let slave: Client | null = null;
    listRewind(server.slaves, li);
    while ((ln = listNext(li))) {
      slave = ln.value;
      if (slave.replstate === SLAVE_STATE_WAIT_BGSAVE_END) break;
    }
    if (ln && slave && (c.slaveCapa & slave.slaveCapa) === slave.slaveCapa) {
      copyClientOutputBuffer(c, slave);
      replicationSetupSlaveForFullResync(server, c, slave.psyncInitialOffset);
      serverLog(server, "notice", "Waiting for end of BGSAVE for SYNC");
      note(server, { key: "sync.attach", replica: c.id, other: slave.id, offset: slave.psyncInitialOffset });
    } else {
      serverLog(server, "notice", `Can't attach the ${slaveWord(server)} to the current BGSAVE. Waiting for next BGSAVE for SYNC`);
      note(server, { key: "sync.cantAttach",
        replica: c.id,
        other: ln && slave ? slave.id : undefined,
        reason: ln ? "capa" : "noAccumulator",
      });
    }
  } else if (server.rdbChildPid !== -1 && server.rdbChildType === RDB_CHILD_TYPE_SOCKET) {
    /* CASE 2: a socket BGSAVE cannot be joined mid-stream. */
    serverLog(server, "notice", "Current BGSAVE has socket target. Waiting for next BGSAVE for SYNC");
    note(server, { key: "sync.socketInFlight", replica: c.id, ...v62(server) });
  } else {
    /* CASE 3: no RDB child. From 6.2 the cron waits for an EOF replica only with a non-zero
     * delay; with delay 0 this call starts it, socket target possible (docs/versions.md §3.2). */
    const around = server.around;
    if (server.replDisklessSync && c.slaveCapa & SLAVE_CAPA_EOF && (!around.syncStartsWithoutDelay || server.replDisklessSyncDelay)) {
      // The cron starts it after the delay, to batch replicas.
      if (server.replDisklessSyncDelay) serverLog(server, "notice", "Delay next BGSAVE for diskless SYNC");
      note(server, { key: "sync.delay", replica: c.id, delay: server.replDisklessSyncDelay, ...v62(server) });
    } else if (!hasActiveChildProcess(server)) {
      // (4.0.14 tests the AOF child only: no RDB child runs in CASE 3.)
      note(server, { key: "sync.startNow", replica: c.id, capa: c.slaveCapa, ...v62(server) });
      startBgsave(server, c.slaveCapa);
    } else {
      serverLog(
        server,
        "notice",
        around.syncStartsWithoutDelay
          ? "No BGSAVE in progress, but another BG operation is active. BGSAVE for replication delayed"
          : "No BGSAVE in progress, but an AOF rewrite is active. BGSAVE for replication delayed",
      );
      note(server, { key: "sync.aofActive", replica: c.id, ...v62(server) });
    }
  }
}

/**
 * updateSlavesWaitingBgsave (replication.c 940–1001): one pass, then start the next BGSAVE at once.
 * From 6.0 a failed child fails its replicas for either target, freed asynchronously; from 6.2 the
 * next BGSAVE comes from replicationStartPendingFork instead (docs/versions.md §11.2).
 */
export function updateSlavesWaitingBgsave(server: Server, bgsaveerr: number, type: number): void {
  if (server.around.pipe) {
    updateSlavesWaitingBgsavePipe(server, bgsaveerr, type);
    return;
  }
  let startbgsave = 0;
  let mincapa = -1;
  const li: ListIter<Client> = { next: null };
  let ln: ListNode<Client> | null;

  listRewind(server.slaves, li);
  while ((ln = listNext(li))) {
    const slave = ln.value;
    if (slave.replstate === SLAVE_STATE_WAIT_BGSAVE_START) {
      startbgsave = 1;
      mincapa = mincapa === -1 ? slave.slaveCapa : mincapa & slave.slaveCapa;
    } else if (slave.replstate === SLAVE_STATE_WAIT_BGSAVE_END) {
      if (type === RDB_CHILD_TYPE_SOCKET) {
        serverLog(
          server,
          "notice",
          // "from slave" stayed in 5.0.5 (docs/versions.md §13.1).
          `Streamed RDB transfer with ${slaveWord(server)} ${slave.name} succeeded (socket). Waiting for REPLCONF ACK from slave to enable streaming`,
        );
        slave.replstate = SLAVE_STATE_ONLINE;
        slave.replPutOnlineOnAck = true;
        slave.replAckTime = unixtime(server);
        machineSend(slave, { type: "STREAM_DONE" });
        note(server, { key: "update.streamDone", replica: slave.id });
      } else {
        if (bgsaveerr !== C_OK) {
          freeClient(server, slave, { type: "CHILD_FAILED" });
          serverLog(server, "warning", "SYNC failed. BGSAVE child returned an error");
          note(server, { key: "update.childError", replica: slave.id });
          continue;
        }
        if (!server.rdbFile.exists) {
          freeClient(server, slave, { type: "CHILD_FAILED" });
          serverLog(server, "warning", "SYNC failed. Can't open/stat DB after BGSAVE: No such file or directory");
          note(server, { key: "update.noFile", replica: slave.id });
          continue;
        }
        startSendBulk(server, slave);
      }
    }
  }
  if (startbgsave) {
    note(server, { key: "update.startNext", mincapa });
    startBgsave(server, mincapa);
  }
}

/** updateSlavesWaitingBgsave as 6.2.14 and 7.0.15 have it (6.2.14 replication.c 1304–1381, 7.0.15 1559–1632). */
function updateSlavesWaitingBgsavePipe(server: Server, bgsaveerr: number, type: number): void {
  const li: ListIter<Client> = { next: null };
  let ln: ListNode<Client> | null;
  listRewind(server.slaves, li);
  while ((ln = listNext(li))) {
    const slave = ln.value;
    if (slave.replstate !== SLAVE_STATE_WAIT_BGSAVE_END) continue;
    if (bgsaveerr !== C_OK) {
      freeClientAsync(server, slave, { type: "CHILD_FAILED" });
      serverLog(server, "warning", "SYNC failed. BGSAVE child returned an error");
      note(server, { key: "update.childError", replica: slave.id, socket: type === RDB_CHILD_TYPE_SOCKET, async: true });
      continue;
    }
    if (type === RDB_CHILD_TYPE_SOCKET) {
      serverLog(
        server,
        "notice",
        `Streamed RDB transfer with replica ${slave.name} succeeded (socket). Waiting for REPLCONF ACK from slave to enable streaming`,
      );
      slave.replstate = SLAVE_STATE_ONLINE;
      // 6.2: repl_put_online_on_ack; 7.0: replicaPutOnline now, repl_start_cmd_stream_on_ack.
      slave.replPutOnlineOnAck = true;
      slave.replAckTime = unixtime(server);
      machineSend(slave, { type: "STREAM_DONE" });
      if (server.around.onlineAtTransferEnd) {
        note(server, { key: "update.streamDone", replica: slave.id, online: true });
        serverLog(server, "notice", peerLine(server, slave, "online"));
      } else {
        note(server, { key: "update.streamDone", replica: slave.id });
      }
    } else {
      if (!server.rdbFile.exists) {
        freeClientAsync(server, slave, { type: "CHILD_FAILED" });
        serverLog(server, "warning", "SYNC failed. Can't open/stat DB after BGSAVE: No such file or directory");
        note(server, { key: "update.noFile", replica: slave.id });
        continue;
      }
      startSendBulk(server, slave);
    }
  }
  // 6.2 and later start no BGSAVE here: checkChildrenDone calls replicationStartPendingFork next.
}

/** SEND_BULK: the `$<size>` preamble is ready and the writable handler (sendBulkToSlave) fires on the next turn. */
function startSendBulk(server: Server, slave: Client): void {
  slave.repldbfd = 1;
  slave.repldboff = 0;
  slave.repldbsize = server.rdbFile.size;
  slave.replstate = SLAVE_STATE_SEND_BULK;
  slave.replpreamble = `$${slave.repldbsize}`;
  slave.bulkNextAt = server.now;
  server.bulkPending.add(slave);
  machineSend(slave, { type: "BULK_START" });
  note(server, { key: "update.sendBulk", replica: slave.id, size: slave.repldbsize });
}

/**
 * sendBulkToSlave (replication.c 870): the "$<len>\r\n" preamble, then one 16 KiB chunk per
 * writable event; the last chunk puts the replica online.
 */
export function sendBulkToSlave(server: Server, slave: Client): void {
  if (slave.closed || slave.replstate !== SLAVE_STATE_SEND_BULK) return;
  if (slave.replpreamble) {
    writeToSocket(slave, slave.replpreamble);
    slave.replpreamble = null;
    note(server, { key: "bulk.preamble", replica: slave.id, size: slave.repldbsize });
  }
  const n = Math.min(PROTO_IOBUF_LEN, slave.repldbsize - slave.repldboff);
  if (n <= 0) {
    serverLog(server, "warning", `Read error sending DB to ${slaveWord(server)}: premature EOF`);
    freeClient(server, slave, { type: "TRANSFER_FAILED" });
    return;
  }
  slave.repldboff += n;
  if (slave.repldboff === slave.repldbsize) {
    writeToSocket(slave, `<RDB payload: ${slave.repldbsize} bytes>`);
    slave.repldbfd = -1;
    slave.bulkNextAt = null;
    server.bulkPending.delete(slave);
    putSlaveOnline(server, slave);
  } else {
    slave.bulkNextAt = server.now + (n / server.timing.transferBytesPerSec) * 1000;
  }
}

/**
 * putSlaveOnline (replication.c 855): the accumulated stream starts flowing. 7.0 splits it in
 * replicaPutOnline (the state and the log line) and replicaStartCommandStream (the stream); after a
 * socket transfer the first ran at its end, so the ACK runs the second only (`logged`: false).
 */
export function putSlaveOnline(server: Server, slave: Client, logged = true): void {
  slave.replstate = SLAVE_STATE_ONLINE;
  slave.replPutOnlineOnAck = false;
  slave.replAckTime = unixtime(server);
  flushOutputBuffer(slave);
  machineSend(slave, { type: "PUT_ONLINE" });
  if (logged) serverLog(server, "notice", peerLine(server, slave, "online"));
  note(server, { key: "online", replica: slave.id });
}

/**
 * REPLCONF ACK <offset> (replication.c 810–827): a diskless replica goes online on its first ACK.
 * From 6.2 an ACK that arrives before the socket child was reaped reaps it first (6.2.14
 * replication.c 980–981, docs/versions.md §11.2).
 */
export function replconfAck(server: Server, c: Client, offset: number): void {
  if (!(c.flags & CLIENT_SLAVE)) return;
  if (offset > c.replAckOff) c.replAckOff = offset;
  c.replAckTime = unixtime(server);
  if (server.around.pendingFork && server.rdbChildPid !== -1 && c.replstate === SLAVE_STATE_WAIT_BGSAVE_END) checkChildrenDone(server, true);
  if (c.replPutOnlineOnAck && c.replstate === SLAVE_STATE_ONLINE) {
    note(server, server.around.onlineAtTransferEnd ? { key: "ack.first", replica: c.id, offset, streamOnly: true } : { key: "ack.first", replica: c.id, offset });
    putSlaveOnline(server, c, !server.around.onlineAtTransferEnd);
  }
}

/**
 * A primary that is itself a replica and has lost its upstream tries to connect to it again
 * (connectWithMaster, then syncWithMaster's error): the lab's lost upstream stays gone, so each
 * attempt is refused [observed on a real 4.0.14, docs/behaviour.md §20]. From the cron once a
 * second; from 6.2 also at once when the link drops (replicationHandleMasterDisconnection,
 * `Reconnecting to MASTER …`, docs/versions.md §20).
 */
export function upstreamConnectAttempt(server: Server, at: "cron" | "linkLost"): void {
  const where = `${server.masterhost}:6379`;
  serverLog(server, "notice", at === "cron" ? `Connecting to MASTER ${where}` : `Reconnecting to MASTER ${where}`);
  serverLog(server, "notice", `MASTER <-> ${slaveWord(server).toUpperCase()} sync started`);
  // The connect is non-blocking: the refusal is read by syncWithMaster on a later turn of the
  // event loop, after the rest of this cron run (docs/versions.md §22, [observed] on 7.0.15).
  if (at === "cron") return;
  upstreamRefused(server);
}

/** syncWithMaster finds the non-blocking connect refused (the upstream's port is closed). */
function upstreamRefused(server: Server): void {
  serverLog(server, "warning", "Error condition on socket for SYNC: Connection refused");
  note(server, { key: "upstream.refused" });
}

/** The part of replicationCron a primary runs (replication.c 2521–2715), once per second. */
export function replicationCron(server: Server): void {
  /* A replica without its master link connects again (replication.c 2550–2557), first; the
   * refusal of that connect is read after the cron run. */
  const connecting = !!server.masterhost && !server.upstream.connected;
  if (connecting) upstreamConnectAttempt(server, "cron");
  replicationCronRest(server);
  if (connecting) upstreamRefused(server);
}

function replicationCronRest(server: Server): void {
  const li: ListIter<Client> = { next: null };
  let ln: ListNode<Client> | null;

  /* PING the replicas every repl-ping-slave-period seconds (it enters the stream and the offset). */
  if (server.replicationCronLoops % server.replPingSlavePeriod === 0 && listLength(server.slaves)) {
    replicationFeedSlaves(server, server.slaveseldb, [server.around.pingLowerCase ? "ping" : "PING"]);
  }

  /* A newline to every replica in pre-synchronization keeps its handshake timer alive (docs/behaviour.md §9). */
  listRewind(server.slaves, li);
  while ((ln = listNext(li))) {
    const slave = ln.value;
    const isPresync =
      slave.replstate === SLAVE_STATE_WAIT_BGSAVE_START ||
      (slave.replstate === SLAVE_STATE_WAIT_BGSAVE_END && server.rdbChildType !== RDB_CHILD_TYPE_SOCKET);
    if (isPresync) writeToSocket(slave, "\n");
  }

  /* Disconnect timed-out replicas: only ONLINE ones that send ACKs. */
  listRewind(server.slaves, li);
  while ((ln = listNext(li))) {
    const slave = ln.value;
    if (slave.replstate !== SLAVE_STATE_ONLINE) continue;
    if (slave.flags & CLIENT_PRE_PSYNC) continue;
    if (unixtime(server) - slave.replAckTime > server.replTimeout) {
      const kind = server.around.timeoutKind ? " (streaming sync)" : "";
      serverLog(server, "warning", `Disconnecting timedout ${slaveWord(server)}${kind}: ${slave.name}`);
      note(server, { key: "cron.timedout", replica: slave.id });
      freeClient(server, slave, { type: "TIMED_OUT" });
    }
  }

  /* No replicas and no AOF: no need to remember which scripts they know (docs/behaviour.md §10;
   * 7.0 has no such cache, docs/versions.md §10). */
  if (!server.around.noScriptCache && listLength(server.slaves) === 0 && !server.appendonly && server.replScriptCache.length !== 0) {
    replicationScriptCacheFlush(server);
    note(server, { key: "cron.scriptCacheFlush" });
  }

  if (server.around.pendingFork) {
    replicationStartPendingFork(server);
    server.replicationCronLoops++;
    return;
  }

  /* Start a BGSAVE good for replication if replicas wait, after the diskless delay (docs/behaviour.md §9). */
  if (server.rdbChildPid === -1 && server.aofChildPid === -1) {
    const { maxIdle, slavesWaiting, mincapa } = waitingForBgsave(server);
    if (slavesWaiting) {
      // 4.0 uses a strict ">" (6.2+ uses ">="), docs/behaviour.md §9.
      const start = !server.replDisklessSync || maxIdle > server.replDisklessSyncDelay;
      note(server, { key: "cron.check",
        waiting: slavesWaiting,
        maxIdle,
        delay: server.replDisklessSyncDelay,
        diskless: server.replDisklessSync,
        mincapa,
        start,
      });
      if (start) startBgsave(server, mincapa);
    }
  }
  server.replicationCronLoops++;
}

/**
 * The replicas in WAIT_BGSAVE_START, as the cron's start block counts them (4.0.14
 * replication.c 2688–2703; 6.2.14 replicationStartPendingFork 3497–3514): how many, the longest
 * `unixtime - lastinteraction`, and the AND of their capabilities (-1 with none).
 */
function waitingForBgsave(server: Server): { maxIdle: number; slavesWaiting: number; mincapa: number } {
  const li: ListIter<Client> = { next: null };
  let ln: ListNode<Client> | null;
  let maxIdle = 0;
  let slavesWaiting = 0;
  let mincapa = -1;
  listRewind(server.slaves, li);
  while ((ln = listNext(li))) {
    const slave = ln.value;
    if (slave.replstate === SLAVE_STATE_WAIT_BGSAVE_START) {
      const idle = unixtime(server) - slave.lastinteraction;
      if (idle > maxIdle) maxIdle = idle;
      slavesWaiting++;
      mincapa = mincapa === -1 ? slave.slaveCapa : mincapa & slave.slaveCapa;
    }
  }
  return { maxIdle, slavesWaiting, mincapa };
}

/**
 * replicationStartPendingFork (6.2.14 replication.c 3490–3527; 7.0.15 3814–3824 with
 * shouldStartChildReplication 3762–3811): with no child of any kind, start a BGSAVE for the
 * replicas in WAIT_BGSAVE_START once the longest-idle has waited at least the diskless delay
 * (`>=`). Run at the end of every replicationCron and right after any child is reaped
 * (docs/versions.md §9.2–§9.3). 7.0 counts only the waiters with the first one's `slave_req`
 * (always 0 for the lab's replicas) and starts without the delay once
 * repl-diskless-sync-max-replicas wait (default 0: off).
 */
export function replicationStartPendingFork(server: Server, origin: "cron" | "reaped" = "cron"): void {
  if (hasActiveChildProcess(server)) return;
  const { maxIdle, slavesWaiting, mincapa } = waitingForBgsave(server);
  if (!slavesWaiting) return;
  const maxReplicas = server.replDisklessSyncMaxReplicas ?? 0;
  const start =
    !server.replDisklessSync || maxIdle >= server.replDisklessSyncDelay || (maxReplicas > 0 && slavesWaiting >= maxReplicas);
  note(server, {
    key: "cron.check",
    waiting: slavesWaiting,
    maxIdle,
    delay: server.replDisklessSyncDelay,
    diskless: server.replDisklessSync,
    mincapa,
    start,
    rule: ">=",
    origin,
  });
  if (start) startBgsave(server, mincapa);
}
