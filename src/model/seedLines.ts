/**
 * The lines of the shipped text (`seed/startBgsaveForReplication.c`) that the port records, and
 * what each holds: plain data, so the page's code listing reads it without the port itself.
 */
/** Seed line → the statement text that line holds (a fragment of it, verbatim). */
export const SEED_STATEMENTS = {
  21: "int socket_target = server.repl_diskless_sync && (mincapa & SLAVE_CAPA_EOF);",
  25: 'serverLog(LL_NOTICE,"Starting BGSAVE for SYNC with target: %s",',
  30: "rsiptr = rdbPopulateSaveInfo(&rsi);",
  33: "if (rsiptr) {",
  34: "if (socket_target)",
  35: "retval = rdbSaveToSlavesSockets(rsiptr);",
  37: "retval = rdbSaveBackground(server.rdb_filename,rsiptr);",
  39: 'serverLog(LL_WARNING,"BGSAVE for replication: replication information not available',
  40: "retval = C_ERR;",
  47: "if (retval == C_ERR) {",
  48: 'serverLog(LL_WARNING,"BGSAVE for replication failed");',
  49: "listRewind(server.slaves,&li);",
  50: "while((ln = listNext(&li))) {",
  51: "client *slave = ln->value;",
  53: "if (slave->replstate == SLAVE_STATE_WAIT_BGSAVE_START) {",
  54: "slave->flags &= ~CLIENT_SLAVE;",
  55: "listDelNode(server.slaves,ln);",
  56: "addReplyError(slave,",
  58: "slave->flags |= CLIENT_CLOSE_AFTER_REPLY;",
  61: "return retval;",
  67: "if (!socket_target) {",
  68: "listRewind(server.slaves,&li);",
  69: "while((ln = listNext(&li))) {",
  70: "client *slave = ln->value;",
  72: "if (slave->replstate == SLAVE_STATE_WAIT_BGSAVE_START) {",
  73: "replicationSetupSlaveForFullResync(slave,",
  81: "if (retval == C_OK) replicationScriptCacheFlush();",
  82: "return retval;",
} as const;

export type SeedLine = keyof typeof SEED_STATEMENTS;

/** Where a statement that spans several lines continues (for highlighting the whole statement). */
export const SEED_CONTINUATIONS: Partial<Record<SeedLine, number[]>> = { 25: [26], 56: [57], 73: [74] };
