/**
 * The lines of Redis 7.0.15's shipped text (`seed/7.0.15/startBgsaveForReplication.c`) that its
 * port records, and what each holds: plain data, like seedLines.ts for 4.0.14.
 *
 * Line 21 (`int socket_target = 0;`) is a declaration like `int retval;` and is not recorded;
 * the value is computed on line 28.
 */
/** Line → the statement text that line holds (a fragment of it, verbatim). */
export const STATEMENTS_7_0_15 = {
  28: "socket_target = (server.repl_diskless_sync || req & SLAVE_REQ_RDB_MASK) && (mincapa & SLAVE_CAPA_EOF);",
  30: "serverAssert(socket_target || !(req & SLAVE_REQ_RDB_MASK));",
  32: 'serverLog(LL_NOTICE,"Starting BGSAVE for SYNC with target: %s",',
  36: "rsiptr = rdbPopulateSaveInfo(&rsi);",
  39: "if (rsiptr) {",
  40: "if (socket_target)",
  41: "retval = rdbSaveToSlavesSockets(req,rsiptr);",
  43: "retval = rdbSaveBackground(req,server.rdb_filename,rsiptr);",
  45: 'serverLog(LL_WARNING,"BGSAVE for replication: replication information not available',
  46: "retval = C_ERR;",
  54: "if (retval == C_OK && !socket_target && server.rdb_del_sync_files)",
  55: "RDBGeneratedByReplication = 1;",
  60: "if (retval == C_ERR) {",
  61: 'serverLog(LL_WARNING,"BGSAVE for replication failed");',
  62: "listRewind(server.slaves,&li);",
  63: "while((ln = listNext(&li))) {",
  64: "client *slave = ln->value;",
  66: "if (slave->replstate == SLAVE_STATE_WAIT_BGSAVE_START) {",
  67: "slave->replstate = REPL_STATE_NONE;",
  68: "slave->flags &= ~CLIENT_SLAVE;",
  69: "listDelNode(server.slaves,ln);",
  70: "addReplyError(slave,",
  72: "slave->flags |= CLIENT_CLOSE_AFTER_REPLY;",
  75: "return retval;",
  80: "if (!socket_target) {",
  81: "listRewind(server.slaves,&li);",
  82: "while((ln = listNext(&li))) {",
  83: "client *slave = ln->value;",
  85: "if (slave->replstate == SLAVE_STATE_WAIT_BGSAVE_START) {",
  87: "if (slave->slave_req != req)",
  88: "continue;",
  89: "replicationSetupSlaveForFullResync(slave, getPsyncInitialOffset());",
  94: "return retval;",
} as const;

export type Line_7_0_15 = keyof typeof STATEMENTS_7_0_15;

/** Where a statement that spans several lines continues (for highlighting the whole statement). */
export const CONTINUATIONS_7_0_15: Partial<Record<Line_7_0_15, number[]>> = { 32: [33], 70: [71] };
