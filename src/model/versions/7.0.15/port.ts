/**
 * Statement-by-statement port of `startBgsaveForReplication` as Redis 7.0.15 has it
 * (src/replication.c line 841; shipped as `seed/7.0.15/startBgsaveForReplication.c`).
 *
 * What differs from 6.2.14 (src/model/versions/changes.ts):
 * - a second argument `req`, the SLAVE_REQ_* bits of the waiting replicas (commit 1bf6d6f11):
 *   a filtered RDB (`REPLCONF rdb-filter-only`) always goes to sockets, even with
 *   repl-diskless-sync off (commit 65a763579), and a filtered request from a replica that cannot
 *   read the EOF format is a failed serverAssert (line 30) — the process aborts;
 * - both BGSAVE starters take `req`; rdbSaveToSlavesSockets serves only replicas whose
 *   `slave_req` equals it, and the disk loop skips the others (lines 87–88);
 * - the replication script cache is gone, and with it the flush (commit 1b0968df4).
 * The error loop still drops every WAIT_BGSAVE_START replica, whatever its `slave_req`.
 */
import { listDelNode, listNext, listRewind, type ListIter, type ListNode } from "../../adlist";
import {
  C_ERR,
  C_OK,
  CLIENT_CLOSE_AFTER_REPLY,
  CLIENT_SLAVE,
  REPL_STATE_NONE,
  SLAVE_CAPA_EOF,
  SLAVE_REQ_NONE,
  SLAVE_REQ_RDB_MASK,
  SLAVE_STATE_WAIT_BGSAVE_START,
} from "../../constants";
import { rdbPopulateSaveInfo, rdbSaveBackground, rdbSaveToSlavesSockets, type RdbSaveInfo } from "../../rdb";
import { getPsyncInitialOffset, replicationSetupSlaveForFullResync } from "../../replication";
import { addReplyError, machineSend } from "../../networking";
import { note, serverLog } from "../../server";
import type { Client, PortLocals, Server } from "../../types";
import { lineRecorder, serverAssert } from "../record";
import type { Line_7_0_15 } from "./lines";

/** Line n of the shipped text is line n + 822 of 7.0.15's src/replication.c (seed/7.0.15/NOTICE.md). */
const REPLICATION_C_OFFSET = 822;

export function startBgsaveForReplication_7_0_15(server: Server, mincapa: number, req: number = SLAVE_REQ_NONE): number {
  const locals: PortLocals = { mincapa, req };
  const { at, cond } = lineRecorder<Line_7_0_15>(server, locals);

  let retval: number;
  let socket_target: 0 | 1 = 0;
  const li: ListIter<Client> = { next: null };
  let ln: ListNode<Client> | null;

  /* A filtered RDB (functions only, say) goes to sockets, so the snapshot file is never
   * overwritten with filtered data. */
  socket_target = (server.replDisklessSync || req & SLAVE_REQ_RDB_MASK) && mincapa & SLAVE_CAPA_EOF ? 1 : 0;
  locals.socket_target = socket_target;
  at(28);
  // syncCommand refuses a filtered request without EOF capability; here that is an assertion.
  at(30);
  serverAssert(
    server,
    Boolean(socket_target || !(req & SLAVE_REQ_RDB_MASK)),
    "socket_target || !(req & SLAVE_REQ_RDB_MASK)",
    "replication.c",
    30 + REPLICATION_C_OFFSET,
  );

  serverLog(server, "notice", `Starting BGSAVE for SYNC with target: ${socket_target ? "replicas sockets" : "disk"}`);
  note(server, { key: "port.target", socketTarget: socket_target, mincapa });
  at(32);

  const rsi: RdbSaveInfo = { replStreamDb: -1 };
  const rsiptr = rdbPopulateSaveInfo(server, rsi);
  locals.rsiptr = rsiptr ? "&rsi" : "NULL";
  at(36);
  if (cond(39, rsiptr)) {
    if (cond(40, socket_target)) {
      retval = rdbSaveToSlavesSockets(server, rsiptr as RdbSaveInfo, { req, pipe: true });
      locals.retval = retval;
      at(41);
    } else {
      // rdbSaveBackground(req, ...): req filters what the child writes, not who gets it.
      retval = rdbSaveBackground(server, server.rdbFilename, rsiptr as RdbSaveInfo);
      locals.retval = retval;
      at(43);
    }
  } else {
    serverLog(
      server,
      "warning",
      "BGSAVE for replication: replication information not available, can't generate the RDB file right now. Try later.",
    );
    note(server, { key: "port.noRsi" });
    at(45);
    retval = C_ERR;
    locals.retval = retval;
    at(46);
  }

  if (cond(54, retval === C_OK && !socket_target && server.rdbDelSyncFiles === true)) {
    server.rdbGeneratedByReplication = true;
    at(55);
  }

  if (cond(60, retval === C_ERR)) {
    serverLog(server, "warning", "BGSAVE for replication failed");
    note(server, { key: "port.failed" });
    at(61);
    listRewind(server.slaves, li);
    at(62);
    while (cond(63, (ln = listNext(li)))) {
      const slave = (ln as ListNode<Client>).value;
      locals.slave = slave.id;
      at(64);

      // Every waiting replica, whatever its slave_req.
      if (cond(66, slave.replstate === SLAVE_STATE_WAIT_BGSAVE_START)) {
        slave.replstate = REPL_STATE_NONE;
        // Its statechart follows replstate: the drop starts here.
        machineSend(slave, { type: "BGSAVE_FAILED" });
        note(server, { key: "port.dropped", replica: slave.id, written: true });
        at(67);
        slave.flags &= ~CLIENT_SLAVE;
        at(68);
        listDelNode(server.slaves, ln as ListNode<Client>);
        at(69);
        addReplyError(server, slave, "BGSAVE failed, replication can't continue");
        at(70);
        slave.flags |= CLIENT_CLOSE_AFTER_REPLY;
        at(72);
      }
    }
    delete locals.slave;
    at(75);
    return retval;
  }

  if (cond(80, !socket_target)) {
    listRewind(server.slaves, li);
    at(81);
    while (cond(82, (ln = listNext(li)))) {
      const slave = (ln as ListNode<Client>).value;
      locals.slave = slave.id;
      at(83);

      if (cond(85, slave.replstate === SLAVE_STATE_WAIT_BGSAVE_START)) {
        /* Check slave has the exact requirements */
        if (cond(87, (slave.slaveReq ?? SLAVE_REQ_NONE) !== req)) {
          at(88);
          continue;
        }
        replicationSetupSlaveForFullResync(server, slave, getPsyncInitialOffset(server));
        at(89);
      }
    }
    delete locals.slave;
  }

  // No replicationScriptCacheFlush: 7.0 has no replication script cache.
  at(94);
  return retval;
}
