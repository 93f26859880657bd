/**
 * The AOF rewrite as far as replication cares (Redis 4.0.14 `src/aof.c`): it holds the only fork
 * a BGSAVE could use, so replication waits for it, and it flushes the replication script cache
 * (docs/behaviour.md §9, §10, §18.7).
 */
import { C_ERR, C_OK } from "./constants";
import { ERRNO_TEXT, fork, startChild } from "./children";
import { note, serverLog } from "./server";
import type { ChildProcess, Server } from "./types";

/** rewriteAppendOnlyFileBackground (aof.c 1400): flushes the replication script cache too (docs/behaviour.md §10). */
export function rewriteAppendOnlyFileBackground(server: Server): number {
  if (server.aofChildPid !== -1 || server.rdbChildPid !== -1) return C_ERR;
  const f = fork(server);
  if ("errno" in f) {
    serverLog(server, "warning", `Can't rewrite append only file in background: fork: ${ERRNO_TEXT[f.errno]}`);
    note(server, { key: "aof.forkFailed", errno: f.errno });
    return C_ERR;
  }
  if (server.around.multiPartAof && server.appendonly) {
    // openNewIncrAofForAppend (7.0.15 aof.c 824): the writes from now on go to a new incr file.
    const files = aofFiles(server);
    files.incr++;
    serverLog(server, "notice", `Creating AOF incr file appendonly.aof.${files.incr}.incr.aof on background rewrite`);
  }
  serverLog(server, "notice", `Background append only file rewriting started by pid ${f.pid}`);
  server.aofRewriteScheduled = false;
  server.aofChildPid = f.pid;
  startChild(server, f.pid, "aof", "user", server.timing.aofRewriteMs);
  server.replScriptCache = [];
  server.scriptCacheFlushes++;
  note(server, { key: "aof.started", pid: f.pid });
  return C_OK;
}

/** bgrewriteaofCommand: scheduled if an RDB child runs, started otherwise. */
export function bgrewriteaofCommand(server: Server): void {
  if (server.aofChildPid !== -1) {
    note(server, { key: "aof.alreadyRunning" });
  } else if (server.rdbChildPid !== -1) {
    server.aofRewriteScheduled = true;
    note(server, { key: "aof.scheduled" });
  } else {
    rewriteAppendOnlyFileBackground(server);
  }
}

/** backgroundRewriteDoneHandler: the rewrite child was reaped. */
export function backgroundRewriteDoneHandler(server: Server, child: ChildProcess): void {
  const exit = child.exit as { code: number; signal: number };
  const ok = exit.signal === 0 && exit.code === 0;
  server.aofChildPid = -1;
  if (ok && server.around.multiPartAof) {
    /* 7.0.15 aof.c 2575–2686 [observed on Debian's 7.0.15, docs/versions.md §13.1]: the new base
     * file, then the files it replaces removed (the rewritten incr file first, then the old base). */
    const files = aofFiles(server);
    serverLog(server, "notice", "Background AOF rewrite terminated with success");
    files.base++;
    serverLog(server, "notice", `Successfully renamed the temporary AOF base file temp-rewriteaof-bg-${child.pid}.aof into appendonly.aof.${files.base}.base.rdb`);
    if (server.appendonly) serverLog(server, "notice", `Removing the history file appendonly.aof.${files.incr - 1}.incr.aof in the background`);
    if (files.base > 1) serverLog(server, "notice", `Removing the history file appendonly.aof.${files.base - 1}.base.rdb in the background`);
    serverLog(server, "notice", "Background AOF rewrite finished successfully");
  } else if (ok) {
    serverLog(server, "notice", "Background AOF rewrite terminated with success");
    serverLog(server, "notice", "Residual parent diff successfully flushed to the rewritten AOF (0.00 MB)");
    serverLog(server, "notice", "Background AOF rewrite finished successfully");
  } else if (exit.signal === 0) {
    serverLog(server, "warning", "Background AOF rewrite terminated with error");
  } else {
    serverLog(server, "warning", `Background AOF rewrite terminated by signal ${exit.signal}`);
  }
  note(server, { key: "aof.done", ok });
}

/**
 * 7.0's multi-part AOF: the sequence numbers of its base and incr files. A server started with
 * appendonly yes created appendonly.aof.1.base.rdb and appendonly.aof.1.incr.aof; without the AOF
 * there are none until a rewrite makes a base file.
 */
function aofFiles(server: Server): { base: number; incr: number } {
  return (server.aofFiles ??= server.appendonly ? { base: 1, incr: 1 } : { base: 0, incr: 0 });
}
