/**
 * Statement-by-statement port of `startBgsaveForReplication` as Redis 5.0.5 has it
 * (src/replication.c line 564; shipped as `seed/5.0.5/startBgsaveForReplication.c`).
 *
 * What differs from 4.0.14 (src/model/versions/changes.ts):
 * - the error loop first sets `slave->replstate = REPL_STATE_NONE` (line 52, commit 3b207b894
 *   "diskless replication - notify slave when rdb transfer failed"): the dropped connection is
 *   then a normal client, so the queued `-ERR BGSAVE failed` is written and the connection
 *   closed after it — in 4.0.14 replstate stays WAIT_BGSAVE_START and the reply never leaves
 *   (docs/behaviour.md §8);
 * - the log says "replicas sockets" (line 26, commit 53fe558ea).
 * Every callee is the 4.0.14 one: 5.0.5's rdbSaveBackground, rdbSaveToSlavesSockets,
 * rdbPopulateSaveInfo and replicationSetupSlaveForFullResync behave the same for what is modelled.
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
import type { Line_5_0_5 } from "./lines";

export function startBgsaveForReplication_5_0_5(server: Server, mincapa: number): number {
  const locals: PortLocals = { mincapa };
  const { at, cond } = lineRecorder<Line_5_0_5>(server, locals);

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
      retval = rdbSaveToSlavesSockets(server, rsiptr as RdbSaveInfo);
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

  if (cond(45, retval === C_ERR)) {
    serverLog(server, "warning", "BGSAVE for replication failed");
    note(server, { key: "port.failed" });
    at(46);
    listRewind(server.slaves, li);
    at(47);
    while (cond(48, (ln = listNext(li)))) {
      const slave = (ln as ListNode<Client>).value;
      locals.slave = slave.id;
      at(49);

      if (cond(51, slave.replstate === SLAVE_STATE_WAIT_BGSAVE_START)) {
        // A normal client again: its output buffer is written (prepareClientToWrite).
        slave.replstate = REPL_STATE_NONE;
        // Its statechart follows replstate: the drop starts here.
        machineSend(slave, { type: "BGSAVE_FAILED" });
        note(server, { key: "port.dropped", replica: slave.id, written: true });
        at(52);
        slave.flags &= ~CLIENT_SLAVE;
        at(53);
        listDelNode(server.slaves, ln as ListNode<Client>);
        at(54);
        // Written, unlike 4.0.14's: replstate is REPL_STATE_NONE.
        addReplyError(server, slave, "BGSAVE failed, replication can't continue");
        at(55);
        slave.flags |= CLIENT_CLOSE_AFTER_REPLY;
        at(57);
      }
    }
    delete locals.slave;
    at(60);
    return retval;
  }

  if (cond(65, !socket_target)) {
    listRewind(server.slaves, li);
    at(66);
    while (cond(67, (ln = listNext(li)))) {
      const slave = (ln as ListNode<Client>).value;
      locals.slave = slave.id;
      at(68);

      if (cond(70, slave.replstate === SLAVE_STATE_WAIT_BGSAVE_START)) {
        replicationSetupSlaveForFullResync(server, slave, getPsyncInitialOffset(server));
        at(71);
      }
    }
    delete locals.slave;
  }

  // Always true here, as in 4.0.14 (docs/behaviour.md §17).
  if (retval === C_OK) {
    replicationScriptCacheFlush(server);
    note(server, { key: "port.scriptCacheFlush" });
  }
  at(79);
  at(80);
  return retval;
}
