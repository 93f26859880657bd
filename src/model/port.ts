/**
 * Statement-by-statement port of `startBgsaveForReplication` (Redis 4.0.14, src/replication.c
 * line 563; identical in 4.0.2–4.0.14 and 5.0-rc1–rc3, docs/behaviour.md §1 and §4).
 *
 * Same order, same names, same list semantics. Every executed statement records the line of the
 * shipped text (`seed/startBgsaveForReplication.c`) it came from; `SEED_STATEMENTS` says what
 * text each recorded line holds, and a test checks that against the file itself.
 */
import { listDelNode, listNext, listRewind, type ListIter, type ListNode } from "./adlist";
import {
  C_ERR,
  C_OK,
  CLIENT_CLOSE_AFTER_REPLY,
  CLIENT_SLAVE,
  SLAVE_CAPA_EOF,
  SLAVE_STATE_WAIT_BGSAVE_START,
} from "./constants";
import { rdbPopulateSaveInfo, rdbSaveBackground, rdbSaveToSlavesSockets, type RdbSaveInfo } from "./rdb";
import { getPsyncInitialOffset, replicationSetupSlaveForFullResync } from "./replication";
import { addReplyError, machineSend } from "./networking";
import { replicationScriptCacheFlush } from "./replicationStream";
import { note, serverLog } from "./server";
import type { Client, PortLocals, Server } from "./types";

export { SEED_STATEMENTS, SEED_CONTINUATIONS, type SeedLine } from "./seedLines";
import type { SeedLine } from "./seedLines";

export function startBgsaveForReplication(server: Server, mincapa: number): number {
  const locals: PortLocals = { mincapa };
  /** Record that `line` just executed. */
  const at = (line: SeedLine): void => {
    server.lines.push(line);
    server.onLine?.(line, { ...locals }, null);
  };
  /** Record that the condition on `line` was evaluated, with its value; returns the value. */
  const cond = <T>(line: SeedLine, value: T): T => {
    server.lines.push(line);
    server.onLine?.(line, { ...locals }, Boolean(value));
    return value;
  };

  let retval: number;
  // C's && yields 0 or 1.
  const socket_target = server.replDisklessSync && mincapa & SLAVE_CAPA_EOF ? 1 : 0;
  locals.socket_target = socket_target;
  at(21);
  const li: ListIter<Client> = { next: null };
  let ln: ListNode<Client> | null;

  serverLog(server, "notice", `Starting BGSAVE for SYNC with target: ${socket_target ? "slaves sockets" : "disk"}`);
  note(server, { key: "port.target", socketTarget: socket_target, mincapa });
  at(25);

  const rsi: RdbSaveInfo = { replStreamDb: -1 };
  // 获取 rdb 信息
  const rsiptr = rdbPopulateSaveInfo(server, rsi);
  locals.rsiptr = rsiptr ? "&rsi" : "NULL";
  at(30);
  /* Only do rdbSave* when rsiptr is not NULL, otherwise slave will miss repl-stream-db (docs/behaviour.md §5). */
  if (cond(33, rsiptr)) {
    if (cond(34, socket_target)) {
      retval = rdbSaveToSlavesSockets(server, rsiptr as RdbSaveInfo);
      locals.retval = retval;
      at(35);
    } else {
      retval = rdbSaveBackground(server, server.rdbFilename, rsiptr as RdbSaveInfo);
      locals.retval = retval;
      at(37);
    }
  } else {
    serverLog(
      server,
      "warning",
      "BGSAVE for replication: replication information not available, can't generate the RDB file right now. Try later.",
    );
    note(server, { key: "port.noRsi" });
    at(39);
    retval = C_ERR;
    locals.retval = retval;
    at(40);
  }

  /* If we failed to BGSAVE, remove the slaves waiting for a full resynchronization from the list
   * of slaves, inform them with an error, close the connection ASAP. */
  // 如果生成 RDB 文件失败，移除等待全量复制的 slave，通知它们，并关闭连接
  if (cond(47, retval === C_ERR)) {
    serverLog(server, "warning", "BGSAVE for replication failed");
    note(server, { key: "port.failed" });
    at(48);
    listRewind(server.slaves, li);
    at(49);
    while (cond(50, (ln = listNext(li)))) {
      const slave = (ln as ListNode<Client>).value;
      locals.slave = slave.id;
      at(51);

      if (cond(53, slave.replstate === SLAVE_STATE_WAIT_BGSAVE_START)) {
        slave.flags &= ~CLIENT_SLAVE;
        // No longer CLIENT_SLAVE: from here on it is not a replica of this primary.
        machineSend(slave, { type: "BGSAVE_FAILED" });
        note(server, { key: "port.dropped", replica: slave.id });
        at(54);
        listDelNode(server.slaves, ln as ListNode<Client>);
        at(55);
        // Queued but, in 4.0.14, never sent: replstate stays 6 (docs/behaviour.md §8).
        addReplyError(server, slave, "BGSAVE failed, replication can't continue");
        at(56);
        slave.flags |= CLIENT_CLOSE_AFTER_REPLY;
        at(58);
      }
    }
    delete locals.slave;
    at(61);
    return retval;
  }

  /* If the target is socket, rdbSaveToSlavesSockets() already setup the slaves for a full
   * resync. Otherwise for disk target do it now. */
  // 如果是 socket，并且 rdbSaveToSlavesSockets 已经开始，否则就使用磁盘
  if (cond(67, !socket_target)) {
    listRewind(server.slaves, li);
    at(68);
    while (cond(69, (ln = listNext(li)))) {
      const slave = (ln as ListNode<Client>).value;
      locals.slave = slave.id;
      at(70);

      if (cond(72, slave.replstate === SLAVE_STATE_WAIT_BGSAVE_START)) {
        replicationSetupSlaveForFullResync(server, slave, getPsyncInitialOffset(server));
        at(73);
      }
    }
    delete locals.slave;
  }

  /* Flush the script cache, since we need that slave differences are accumulated without
   * requiring slaves to match our cached scripts (docs/behaviour.md §10). The test is always true here (docs/behaviour.md §17). */
  if (retval === C_OK) {
    replicationScriptCacheFlush(server);
    note(server, { key: "port.scriptCacheFlush" });
  }
  at(81);
  at(82);
  return retval;
}
