/**
 * The RDB side (Redis 4.0.14 `src/rdb.c`): rdbPopulateSaveInfo (docs/behaviour.md §5), the two BGSAVE starters
 * with the fork-failure undo (docs/behaviour.md §6), and backgroundSaveDoneHandler for each target (docs/behaviour.md §11).
 */
import { listNext, listRewind, listValues, type ListIter, type ListNode } from "./adlist";
import {
  C_ERR,
  C_OK,
  RDB_CHILD_TYPE_DISK,
  RDB_CHILD_TYPE_NONE,
  RDB_CHILD_TYPE_SOCKET,
  SLAVE_STATE_WAIT_BGSAVE_END,
  SLAVE_STATE_WAIT_BGSAVE_START,
} from "./constants";
import { getPsyncInitialOffset, replicationSetupSlaveForFullResync, updateSlavesWaitingBgsave } from "./replication";
import { freeClient, machineSend, writeToSocket } from "./networking";
import { ERRNO_TEXT, fork, startChild } from "./children";
import { note, randomHex, serverLog } from "./server";
import type { ChildProcess, Client, Server } from "./types";

export interface RdbSaveInfo {
  replStreamDb: number;
}

/**
 * Four outcomes (4.0.14 rdb.c 2057–2095): a master with a backlog; a linked replica; a replica
 * with a cached master; otherwise NULL — the rare branch of docs/behaviour.md §5 and §17.
 */
export function rdbPopulateSaveInfo(server: Server, rsi: RdbSaveInfo): RdbSaveInfo | null {
  rsi.replStreamDb = -1;
  if (!server.masterhost && server.replBacklog) {
    rsi.replStreamDb = server.slaveseldb === -1 ? 0 : server.slaveseldb;
    note(server, { key: "rsi.master", db: rsi.replStreamDb });
    return rsi;
  }
  if (server.upstream.master) {
    rsi.replStreamDb = server.upstream.master.dbid;
    note(server, { key: "rsi.linked", db: rsi.replStreamDb });
    return rsi;
  }
  if (server.upstream.cachedMaster) {
    rsi.replStreamDb = server.upstream.cachedMaster.dbid;
    note(server, { key: "rsi.cached", db: rsi.replStreamDb });
    return rsi;
  }
  note(server, { key: "rsi.null", master: server.masterhost === null });
  return null;
}

/** rdbSaveBackground (rdb.c 1062): C_ERR silently if any child exists; fork; log. */
export function rdbSaveBackground(server: Server, _filename: string, _rsi: RdbSaveInfo | null, origin: ChildProcess["origin"] = "replication"): number {
  if (server.aofChildPid !== -1 || server.rdbChildPid !== -1) {
    note(server, { key: "rdb.childActive" });
    return C_ERR;
  }
  const f = fork(server);
  if ("errno" in f) {
    serverLog(server, "warning", `Can't save in background: fork: ${ERRNO_TEXT[f.errno]}`);
    note(server, { key: "rdb.forkFailed", errno: f.errno, target: "disk" });
    return C_ERR;
  }
  serverLog(server, "notice", `Background saving started by pid ${f.pid}`);
  server.rdbChildPid = f.pid;
  server.rdbChildType = RDB_CHILD_TYPE_DISK;
  startChild(server, f.pid, "rdb-disk", origin, server.timing.bgsaveMs);
  note(server, { key: "rdb.diskChild", pid: f.pid });
  return C_OK;
}

/**
 * How a version's rdbSaveToSlavesSockets differs from 4.0.14's (src/model/versions/,
 * docs/architecture.md §19). Absent fields mean 4.0.14 (and 5.0.5, which does the same).
 */
export interface SocketSaveOptions {
  /**
   * 7.0.15 (`rdbSaveToSlavesSockets(req, rsi)`, rdb.c 3366): only replicas whose `slave_req`
   * equals `req` are set up and streamed to; undefined: every WAIT_BGSAVE_START replica.
   */
  req?: number;
  /**
   * 6.0 and later (commit 5a4779460, 6.2.14 rdb.c 2869): the child writes into a pipe the parent
   * forwards, so nothing reaches the sockets at the fork; and a failed fork puts back into
   * WAIT_BGSAVE_START every replica in WAIT_BGSAVE_END, not only those it had just set up.
   */
  pipe?: boolean;
}

/**
 * rdbSaveToSlavesSockets (rdb.c 1838): sets every WAIT_BGSAVE_START replica up for the full
 * resync *before* forking (+FULLRESYNC goes out first), then forks a child that streams
 * `$EOF:<mark>` + RDB + mark to all of them. A failed fork undoes the state change only.
 */
export function rdbSaveToSlavesSockets(server: Server, _rsi: RdbSaveInfo, opts: SocketSaveOptions = {}): number {
  if (server.aofChildPid !== -1 || server.rdbChildPid !== -1) {
    note(server, { key: "rdb.childActive" });
    return C_ERR;
  }
  const clientids: number[] = [];
  const li: ListIter<Client> = { next: null };
  let ln: ListNode<Client> | null;

  listRewind(server.slaves, li);
  while ((ln = listNext(li))) {
    const slave = ln.value;
    if (slave.replstate === SLAVE_STATE_WAIT_BGSAVE_START) {
      // 7.0: "Check slave has the exact requirements".
      if (opts.req !== undefined && (slave.slaveReq ?? 0) !== opts.req) continue;
      clientids.push(slave.cid);
      replicationSetupSlaveForFullResync(server, slave, getPsyncInitialOffset(server));
      // anetBlock + anetSendTimeout(repl_timeout): the child's writes block, bounded by repl-timeout.
    }
  }

  const f = fork(server);
  if ("errno" in f) {
    serverLog(server, "warning", `Can't save in background: fork: ${ERRNO_TEXT[f.errno]}`);
    /* Undo the state change: the caller's error loop cleans up replicas in WAIT_BGSAVE_START,
     * but they already received +FULLRESYNC (docs/behaviour.md §6). */
    let undone = 0;
    listRewind(server.slaves, li);
    while ((ln = listNext(li))) {
      const slave = ln.value;
      const undo = opts.pipe ? slave.replstate === SLAVE_STATE_WAIT_BGSAVE_END : clientids.includes(slave.cid);
      if (undo) {
        slave.replstate = SLAVE_STATE_WAIT_BGSAVE_START;
        machineSend(slave, { type: "SETUP_UNDONE" });
        undone++;
      }
    }
    note(server, { key: "rdb.forkFailed", errno: f.errno, target: "socket", undone: opts.pipe ? undone : clientids.length });
    return C_ERR;
  }
  const child = startChild(server, f.pid, "rdb-socket", "replication", socketChildMs(server));
  child.targets = clientids;
  child.eofMark = randomHex(server, 40);
  if (opts.pipe) {
    // The mark and the payload go into the pipe; the parent forwards them later (6.0+).
    child.viaPipe = true;
  } else {
    for (const slave of listValues(server.slaves)) {
      if (clientids.includes(slave.cid)) writeToSocket(slave, `$EOF:${child.eofMark}`);
    }
  }
  serverLog(server, "notice", `Background RDB transfer started by pid ${f.pid}`);
  server.rdbChildPid = f.pid;
  server.rdbChildType = RDB_CHILD_TYPE_SOCKET;
  note(server, opts.pipe ? { key: "rdb.socketChild", pid: f.pid, targets: clientids.length, viaPipe: true } : { key: "rdb.socketChild", pid: f.pid, targets: clientids.length });
  return C_OK;
}

/** The streaming child is as slow as producing the RDB or pushing it through the socket. */
function socketChildMs(server: Server): number {
  const transferMs = Math.ceil((server.rdbBytes / server.timing.transferBytesPerSec) * 1000);
  return Math.max(server.timing.bgsaveMs, transferMs);
}

/** A user BGSAVE: the child is not "good for replication" (no replica accumulates its diff). */
export function bgsaveCommand(server: Server): void {
  rdbSaveBackground(server, server.rdbFilename, null, "user");
}

export function backgroundSaveDoneHandlerDisk(server: Server, child: ChildProcess): void {
  const exit = child.exit as { code: number; signal: number };
  if (!exit.signal && exit.code === 0) {
    serverLog(server, "notice", "Background saving terminated with success");
  } else if (!exit.signal) {
    serverLog(server, "warning", "Background saving error");
  } else {
    serverLog(server, "warning", `Background saving terminated by signal ${exit.signal}`);
  }
  server.rdbChildPid = -1;
  server.rdbChildType = RDB_CHILD_TYPE_NONE;
  note(server, { key: "child.reaped", kind: "rdb-disk", ok: !exit.signal && exit.code === 0, signal: exit.signal });
  updateSlavesWaitingBgsave(server, !exit.signal && exit.code === 0 ? C_OK : C_ERR, RDB_CHILD_TYPE_DISK);
}

export function backgroundSaveDoneHandlerSocket(server: Server, child: ChildProcess, byAck = false): void {
  const exit = child.exit as { code: number; signal: number };
  const ok = !exit.signal && exit.code === 0;
  if (ok) {
    serverLog(server, "notice", "Background RDB transfer terminated with success");
  } else if (!exit.signal) {
    serverLog(server, "warning", "Background transfer error");
  } else {
    serverLog(server, "warning", `Background transfer terminated by signal ${exit.signal}`);
  }
  server.rdbChildPid = -1;
  server.rdbChildType = RDB_CHILD_TYPE_NONE;
  note(server, byAck ? { key: "child.reaped", kind: "rdb-socket", ok, signal: exit.signal, byAck: true } : { key: "child.reaped", kind: "rdb-socket", ok, signal: exit.signal });

  if (child.viaPipe) {
    /* 6.0 on: no report per replica; updateSlavesWaitingBgsave tests the child's status for every
     * replica it served (6.2.14 rdb.c 2806–2830, docs/versions.md §11.2). */
    updateSlavesWaitingBgsave(server, ok ? C_OK : C_ERR, RDB_CHILD_TYPE_SOCKET);
    return;
  }

  /* With a failed child the list of replicas that may continue is empty (rdb.c 1760). */
  const li: ListIter<Client> = { next: null };
  let ln: ListNode<Client> | null;
  listRewind(server.slaves, li);
  while ((ln = listNext(li))) {
    const slave = ln.value;
    if (slave.replstate !== SLAVE_STATE_WAIT_BGSAVE_END) continue;
    const reported = ok && child.targets.includes(slave.cid);
    if (!reported) {
      serverLog(server, "warning", `Closing slave ${slave.name}: child->slave RDB transfer failed: RDB transfer child aborted`);
      note(server, { key: "socket.closing", replica: slave.id });
      freeClient(server, slave, { type: "CHILD_FAILED" });
    } else {
      serverLog(server, "warning", `Slave ${slave.name} correctly received the streamed RDB file.`);
    }
  }
  updateSlavesWaitingBgsave(server, ok ? C_OK : C_ERR, RDB_CHILD_TYPE_SOCKET);
}
