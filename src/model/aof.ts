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
  if (ok) {
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
