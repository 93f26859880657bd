/**
 * Forked children (RDB and AOF): fork() with the injected failure, the child's own work until it
 * exits, a kill or a write error, and serverCron's wait3 that reaps it and calls the done handler
 * of its kind (server.c, docs/behaviour.md §11).
 */
import { backgroundRewriteDoneHandler } from "./aof";
import { listValues } from "./adlist";
import { backgroundSaveDoneHandlerDisk, backgroundSaveDoneHandlerSocket } from "./rdb";
import { releaseInheritedSockets, writeToSocket } from "./networking";
import { replicationStartPendingFork } from "./replication";
import { childLog, forkPid, note, serverLog } from "./server";
import type { ChildProcess, Client, Server } from "./types";

export const ERRNO_TEXT = { EAGAIN: "Resource temporarily unavailable", ENOMEM: "Cannot allocate memory" } as const;

/** The next fork(): fails once if a fault was injected (EAGAIN / ENOMEM, docs/behaviour.md §17). */
export function fork(server: Server): { pid: number } | { errno: "EAGAIN" | "ENOMEM" } {
  const errno = server.faults.forkFails;
  if (errno) {
    server.faults.forkFails = null;
    return { errno };
  }
  return { pid: forkPid(server) };
}

export function startChild(server: Server, pid: number, kind: ChildProcess["kind"], origin: ChildProcess["origin"], ms: number): ChildProcess {
  const child: ChildProcess = {
    pid,
    kind,
    origin,
    startedAt: server.now,
    doneAt: server.now + ms,
    exit: null,
    inheritsBelowCid: server.nextClientId,
    targets: [],
    eofMark: "",
    writesDuring: 0,
  };
  server.child = child;
  return child;
}

/**
 * The child reaches the end of its own work (before the parent reaps it): the disk child has
 * renamed its temp file to dump.rdb; the socket child has written payload + mark to every live
 * target and exits 0 if at least one received it.
 */
export function childFinishesWork(server: Server): void {
  const child = server.child;
  if (!child || child.exit) return;
  childWorkEnds(server);
  releaseInheritedSockets(server, child.pid);
}

function childWorkEnds(server: Server): void {
  const child = server.child;
  if (!child || child.exit) return;
  const cowMb = Math.floor((child.writesDuring * 4096) / (1024 * 1024));
  if (child.kind === "rdb-disk") {
    server.rdbFile = { exists: true, size: server.rdbBytes, writtenBy: child.pid };
    childLog(server, child.pid, "DB saved on disk");
    childLog(server, child.pid, cowLine(server, "RDB", cowMb));
    child.exit = { code: 0, signal: 0 };
  } else if (child.viaPipe) {
    /* 6.0 on: the child has written everything into the pipe and reported its copy-on-write; the
     * parent forwards the rest, reads the pipe's end and lets the child exit (6.2.14 rdb.c
     * 2929–2945, replication.c 1223–1240; docs/versions.md §6.3). */
    childLog(server, child.pid, cowLine(server, "RDB", cowMb));
    const up = pipeConns(server, child);
    for (const c of up) {
      writeToSocket(c, `<RDB payload: ${server.rdbBytes} bytes>`);
      writeToSocket(c, child.eofMark);
    }
    serverLog(server, "warning", `Diskless rdb transfer, done reading from pipe, ${up.length} replicas still up.`);
    child.exit = { code: 0, signal: 0 };
  } else if (child.kind === "rdb-socket") {
    let served = 0;
    for (const c of server.clients) {
      if (!child.targets.includes(c.cid) || c.closed) continue;
      writeToSocket(c, `<RDB payload: ${server.rdbBytes} bytes>`);
      writeToSocket(c, child.eofMark);
      served++;
    }
    if (served > 0) childLog(server, child.pid, `RDB: ${cowMb} MB of memory used by copy-on-write`);
    child.exit = { code: served > 0 ? 0 : 1, signal: 0 };
  } else {
    if (server.around.multiPartAof) {
      childLog(server, child.pid, `Successfully created the temporary AOF base file temp-rewriteaof-bg-${child.pid}.aof`);
    } else {
      /* rewriteAppendOnlyFile's end (4.0.14 aof.c 1266–1300): the child asks the parent to stop
       * sending the writes made meanwhile, appends them, and renames its file [observed on a real
       * 4.0.14]. The lab's writes are a few bytes: 0.00 MB. */
      serverLog(server, "notice", "AOF rewrite child asks to stop sending diffs.");
      childLog(server, child.pid, "Parent agreed to stop sending diffs. Finalizing AOF...");
      childLog(server, child.pid, "Concatenating 0.00 MB of AOF diff received from parent.");
      childLog(server, child.pid, "SYNC append only file rewrite performed");
    }
    childLog(server, child.pid, cowLine(server, "AOF rewrite", cowMb));
    child.exit = { code: 0, signal: 0 };
  }
  note(server, child.viaPipe ? { key: "child.workDone", kind: child.kind, pid: child.pid, code: child.exit.code, viaPipe: true } : { key: "child.workDone", kind: child.kind, pid: child.pid, code: child.exit.code });
}

/**
 * The child's copy-on-write report: `RDB: N MB of memory used by copy-on-write` (4.0.14–6.2.14),
 * `Fork CoW for RDB: current N MB, peak N MB, average N MB` from 7.0 (docs/versions.md §13.1).
 */
function cowLine(server: Server, what: "RDB" | "AOF rewrite", mb: number): string {
  return server.around.forkCowLine
    ? `Fork CoW for ${what}: current ${mb} MB, peak ${mb} MB, average ${mb} MB`
    : `${what}: ${mb} MB of memory used by copy-on-write`;
}

/** rdb_pipe_conns (6.0 on): the socket child's targets still connected. */
function pipeConns(server: Server, child: ChildProcess): Client[] {
  const up: Client[] = [];
  for (const c of listValues(server.slaves)) if (!c.closed && child.targets.includes(c.cid)) up.push(c);
  return up;
}

/**
 * The parent reads the pipe's first bytes, `$EOF:<mark>`, and writes them to every target (6.0 on,
 * rdbPipeReadHandler): on the event loop's next turn after the fork, the same millisecond here.
 */
export function rdbPipeForwardHeader(server: Server): void {
  const child = server.child;
  if (!child?.viaPipe || child.headerForwarded) return;
  child.headerForwarded = true;
  for (const c of pipeConns(server, child)) writeToSocket(c, `$EOF:${child.eofMark}`);
}

/**
 * A target of the pipe was freed (unlinkClient takes it out of rdb_pipe_conns). With none left,
 * the parent's next read from the pipe finds no one to write to and kills the child with SIGUSR1
 * (6.2.14 replication.c 1278–1281, docs/versions.md §6.3).
 */
export function rdbPipeConnRemoved(server: Server): void {
  const child = server.child;
  if (!child?.viaPipe || child.exit) return;
  if (pipeConns(server, child).length > 0) return;
  serverLog(server, "warning", "Diskless rdb transfer, last replica dropped, killing fork child.");
  // The child catches SIGUSR1 and exits with SERVER_CHILD_NOERROR_RETVAL: reaped as "by signal 10".
  killChild(server, SIGUSR1, false);
}

const SIGUSR1 = 10;

/** The child fails on its own and exits 1 (rdbSave's write error, e.g. a full disk). */
export function failChild(server: Server): boolean {
  const child = server.child;
  if (!child || child.exit) return false;
  if (child.kind === "rdb-disk") childLog(server, child.pid, "Write error saving DB on disk: No space left on device");
  child.exit = { code: 1, signal: 0 };
  child.doneAt = server.now;
  releaseInheritedSockets(server, child.pid);
  note(server, { key: "child.failed", kind: child.kind, pid: child.pid });
  return true;
}

/** kill -9 on the child (the scenario's kill-child fault). It is reaped at the next serverCron. */
export function killChild(server: Server, signal = 9, pipeEof = true): boolean {
  const child = server.child;
  if (!child || child.exit) return false;
  child.exit = { code: 0, signal };
  child.doneAt = server.now;
  releaseInheritedSockets(server, child.pid);
  note(server, child.viaPipe ? { key: "child.killed", kind: child.kind, pid: child.pid, signal, viaPipe: true } : { key: "child.killed", kind: child.kind, pid: child.pid, signal });
  if (child.viaPipe && pipeEof) {
    // Its end of the pipe closes: the parent reads end-of-file (docs/versions.md §6.3; the order
    // of this line and the reaping's is not verified, §19).
    serverLog(server, "warning", `Diskless rdb transfer, done reading from pipe, ${pipeConns(server, child).length} replicas still up.`);
  }
  return true;
}

/** serverCron's wait3 + backgroundSaveDoneHandler / backgroundRewriteDoneHandler. */
export function reapChild(server: Server, byAck = false): void {
  const child = server.child;
  if (!child?.exit) return;
  server.child = null;
  if (child.kind === "aof") backgroundRewriteDoneHandler(server, child);
  else if (child.kind === "rdb-disk") backgroundSaveDoneHandlerDisk(server, child);
  else backgroundSaveDoneHandlerSocket(server, child, byAck);
  // 6.2 on: "start any pending forks immediately" (server.c 1989, docs/versions.md §9.2).
  if (server.around.pendingFork) replicationStartPendingFork(server, "reaped");
}

/** checkChildrenDone (6.0 on): reap the child now if it has exited. */
export function checkChildrenDone(server: Server, byAck = false): void {
  reapChild(server, byAck);
}

