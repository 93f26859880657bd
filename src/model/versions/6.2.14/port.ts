/**
 * Statement-by-statement port of `startBgsaveForReplication` as Redis 6.2.14 has it
 * (src/replication.c line 640; shipped as `seed/6.2.14/startBgsaveForReplication.c`).
 *
 * What differs from 5.0.5 (src/model/versions/changes.ts):
 * - lines 47–48 (commits 5e2319c32 and 3bab69e92): a disk BGSAVE started with
 *   `rdb-del-sync-files yes` sets `RDBGeneratedByReplication`, so the file can be deleted later;
 * - the callee rdbSaveToSlavesSockets is 6.0's (commit 5a4779460): the child writes into a pipe
 *   the parent forwards — nothing reaches the sockets at the fork — and a failed fork puts every
 *   WAIT_BGSAVE_END replica back into WAIT_BGSAVE_START.
 * The error path is 5.0.5's: replstate = REPL_STATE_NONE, so the `-ERR` is written.
 */
import { listDelNode, listNext, listRewind, type ListIter, type ListNode } from "../../adlist";
import {
  C_ERR,
  C_OK,
  CLIENT_CLOSE_AFTER_REPLY,
  CLIENT_SLAVE,
  REPL_STATE_NONE,
  SLAVE_CAPA_EOF,
  SLAVE_STATE_WAIT_BGSAVE_START,
} from "../../constants";
import { rdbPopulateSaveInfo, rdbSaveBackground, rdbSaveToSlavesSockets, type RdbSaveInfo } from "../../rdb";
import { getPsyncInitialOffset, replicationSetupSlaveForFullResync } from "../../replication";
import { addReplyError, machineSend } from "../../networking";
import { replicationScriptCacheFlush } from "../../replicationStream";
import { note, serverLog } from "../../server";
import type { Client, PortLocals, Server } from "../../types";
import { lineRecorder } from "../record";
import type { Line_6_2_14 } from "./lines";

export function startBgsaveForReplication_6_2_14(server: Server, mincapa: number): number {
  const locals: PortLocals = { mincapa };
  const { at, cond } = lineRecorder<Line_6_2_14>(server, locals);

  let retval: number;
  const socket_target = server.replDisklessSync && mincapa & SLAVE_CAPA_EOF ? 1 : 0;
  locals.socket_target = socket_target;
  at(21);
  const li: ListIter<Client> = { next: null };
  let ln: ListNode<Client> | null;

  serverLog(server, "notice", `Starting BGSAVE for SYNC with target: ${socket_target ? "replicas sockets" : "disk"}`);
  note(server, { key: "port.target", socketTarget: socket_target, mincapa });
  at(25);

  const rsi: RdbSaveInfo = { replStreamDb: -1 };
  const rsiptr = rdbPopulateSaveInfo(server, rsi);
  locals.rsiptr = rsiptr ? "&rsi" : "NULL";
  at(29);
  if (cond(32, rsiptr)) {
    if (cond(33, socket_target)) {
      retval = rdbSaveToSlavesSockets(server, rsiptr as RdbSaveInfo, { pipe: true });
      locals.retval = retval;
      at(34);
    } else {
      retval = rdbSaveBackground(server, server.rdbFilename, rsiptr as RdbSaveInfo);
      locals.retval = retval;
      at(36);
    }
  } else {
    serverLog(
      server,
      "warning",
      "BGSAVE for replication: replication information not available, can't generate the RDB file right now. Try later.",
    );
    note(server, { key: "port.noRsi" });
    at(38);
    retval = C_ERR;
    locals.retval = retval;
    at(39);
  }

  /* A disk RDB made for replication with rdb-del-sync-files on is remembered, to be deleted later. */
  if (cond(47, retval === C_OK && !socket_target && server.rdbDelSyncFiles === true)) {
    server.rdbGeneratedByReplication = true;
    at(48);
  }

  if (cond(53, retval === C_ERR)) {
    serverLog(server, "warning", "BGSAVE for replication failed");
    note(server, { key: "port.failed" });
    at(54);
    listRewind(server.slaves, li);
    at(55);
    while (cond(56, (ln = listNext(li)))) {
      const slave = (ln as ListNode<Client>).value;
      locals.slave = slave.id;
      at(57);

      if (cond(59, slave.replstate === SLAVE_STATE_WAIT_BGSAVE_START)) {
        slave.replstate = REPL_STATE_NONE;
        // Its statechart follows replstate: the drop starts here.
        machineSend(slave, { type: "BGSAVE_FAILED" });
        note(server, { key: "port.dropped", replica: slave.id, written: true });
        at(60);
        slave.flags &= ~CLIENT_SLAVE;
        at(61);
        listDelNode(server.slaves, ln as ListNode<Client>);
        at(62);
        addReplyError(server, slave, "BGSAVE failed, replication can't continue");
        at(63);
        slave.flags |= CLIENT_CLOSE_AFTER_REPLY;
        at(65);
      }
    }
    delete locals.slave;
    at(68);
    return retval;
  }

  if (cond(73, !socket_target)) {
    listRewind(server.slaves, li);
    at(74);
    while (cond(75, (ln = listNext(li)))) {
      const slave = (ln as ListNode<Client>).value;
      locals.slave = slave.id;
      at(76);

      if (cond(78, slave.replstate === SLAVE_STATE_WAIT_BGSAVE_START)) {
        replicationSetupSlaveForFullResync(server, slave, getPsyncInitialOffset(server));
        at(79);
      }
    }
    delete locals.slave;
  }

  if (retval === C_OK) {
    replicationScriptCacheFlush(server);
    note(server, { key: "port.scriptCacheFlush" });
  }
  at(87);
  at(88);
  return retval;
}
