/**
 * The lines of Redis 6.2.14's shipped text (`seed/6.2.14/startBgsaveForReplication.c`) that its
 * port records, and what each holds: plain data, like seedLines.ts for 4.0.14.
 */
/** Line → the statement text that line holds (a fragment of it, verbatim). */
export const STATEMENTS_6_2_14 = {
  21: "int socket_target = server.repl_diskless_sync && (mincapa & SLAVE_CAPA_EOF);",
  25: 'serverLog(LL_NOTICE,"Starting BGSAVE for SYNC with target: %s",',
  29: "rsiptr = rdbPopulateSaveInfo(&rsi);",
  32: "if (rsiptr) {",
  33: "if (socket_target)",
  34: "retval = rdbSaveToSlavesSockets(rsiptr);",
  36: "retval = rdbSaveBackground(server.rdb_filename,rsiptr);",
  38: 'serverLog(LL_WARNING,"BGSAVE for replication: replication information not available',
  39: "retval = C_ERR;",
  47: "if (retval == C_OK && !socket_target && server.rdb_del_sync_files)",
  48: "RDBGeneratedByReplication = 1;",
  53: "if (retval == C_ERR) {",
  54: 'serverLog(LL_WARNING,"BGSAVE for replication failed");',
  55: "listRewind(server.slaves,&li);",
  56: "while((ln = listNext(&li))) {",
  57: "client *slave = ln->value;",
  59: "if (slave->replstate == SLAVE_STATE_WAIT_BGSAVE_START) {",
  60: "slave->replstate = REPL_STATE_NONE;",
  61: "slave->flags &= ~CLIENT_SLAVE;",
  62: "listDelNode(server.slaves,ln);",
  63: "addReplyError(slave,",
  65: "slave->flags |= CLIENT_CLOSE_AFTER_REPLY;",
  68: "return retval;",
  73: "if (!socket_target) {",
  74: "listRewind(server.slaves,&li);",
  75: "while((ln = listNext(&li))) {",
  76: "client *slave = ln->value;",
  78: "if (slave->replstate == SLAVE_STATE_WAIT_BGSAVE_START) {",
  79: "replicationSetupSlaveForFullResync(slave,",
  87: "if (retval == C_OK) replicationScriptCacheFlush();",
  88: "return retval;",
} as const;

export type Line_6_2_14 = keyof typeof STATEMENTS_6_2_14;

/** Where a statement that spans several lines continues (for highlighting the whole statement). */
export const CONTINUATIONS_6_2_14: Partial<Record<Line_6_2_14, number[]>> = { 25: [26], 63: [64], 79: [80] };
