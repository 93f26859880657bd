/**
 * The lines of Redis 5.0.5's shipped text (`seed/5.0.5/startBgsaveForReplication.c`) that its
 * port records, and what each holds: plain data, like seedLines.ts for 4.0.14.
 */
/** Line → the statement text that line holds (a fragment of it, verbatim). */
export const STATEMENTS_5_0_5 = {
  21: "int socket_target = server.repl_diskless_sync && (mincapa & SLAVE_CAPA_EOF);",
  25: 'serverLog(LL_NOTICE,"Starting BGSAVE for SYNC with target: %s",',
  29: "rsiptr = rdbPopulateSaveInfo(&rsi);",
  32: "if (rsiptr) {",
  33: "if (socket_target)",
  34: "retval = rdbSaveToSlavesSockets(rsiptr);",
  36: "retval = rdbSaveBackground(server.rdb_filename,rsiptr);",
  38: 'serverLog(LL_WARNING,"BGSAVE for replication: replication information not available',
  39: "retval = C_ERR;",
  45: "if (retval == C_ERR) {",
  46: 'serverLog(LL_WARNING,"BGSAVE for replication failed");',
  47: "listRewind(server.slaves,&li);",
  48: "while((ln = listNext(&li))) {",
  49: "client *slave = ln->value;",
  51: "if (slave->replstate == SLAVE_STATE_WAIT_BGSAVE_START) {",
  52: "slave->replstate = REPL_STATE_NONE;",
  53: "slave->flags &= ~CLIENT_SLAVE;",
  54: "listDelNode(server.slaves,ln);",
  55: "addReplyError(slave,",
  57: "slave->flags |= CLIENT_CLOSE_AFTER_REPLY;",
  60: "return retval;",
  65: "if (!socket_target) {",
  66: "listRewind(server.slaves,&li);",
  67: "while((ln = listNext(&li))) {",
  68: "client *slave = ln->value;",
  70: "if (slave->replstate == SLAVE_STATE_WAIT_BGSAVE_START) {",
  71: "replicationSetupSlaveForFullResync(slave,",
  79: "if (retval == C_OK) replicationScriptCacheFlush();",
  80: "return retval;",
} as const;

export type Line_5_0_5 = keyof typeof STATEMENTS_5_0_5;

/** Where a statement that spans several lines continues (for highlighting the whole statement). */
export const CONTINUATIONS_5_0_5: Partial<Record<Line_5_0_5, number[]>> = { 25: [26], 55: [56], 71: [72] };
