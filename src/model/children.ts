/**
 * Forked children (RDB and AOF): fork() with the injected failure, the child's own work until it
 * exits, a kill or a write error, and serverCron's wait3 that reaps it and calls the done handler
 * of its kind (server.c, docs/behaviour.md §11).
 */
import { backgroundRewriteDoneHandler } from "./aof";
import { backgroundSaveDoneHandlerDisk, backgroundSaveDoneHandlerSocket } from "./rdb";
import { writeToSocket } from "./networking";
import { childLog, forkPid, note } from "./server";
import type { ChildProcess, Server } from "./types";

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
  const cowMb = Math.floor((child.writesDuring * 4096) / (1024 * 1024));
  if (child.kind === "rdb-disk") {
    server.rdbFile = { exists: true, size: server.rdbBytes, writtenBy: child.pid };
    childLog(server, child.pid, "DB saved on disk");
    childLog(server, child.pid, `RDB: ${cowMb} MB of memory used by copy-on-write`);
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
    childLog(server, child.pid, `AOF rewrite: ${cowMb} MB of memory used by copy-on-write`);
    child.exit = { code: 0, signal: 0 };
  }
  note(server, { key: "child.workDone", kind: child.kind, pid: child.pid, code: child.exit.code });
}

/** The child fails on its own and exits 1 (rdbSave's write error, e.g. a full disk). */
export function failChild(server: Server): boolean {
  const child = server.child;
  if (!child || child.exit) return false;
  if (child.kind === "rdb-disk") childLog(server, child.pid, "Write error saving DB on disk: No space left on device");
  child.exit = { code: 1, signal: 0 };
  child.doneAt = server.now;
  note(server, { key: "child.failed", kind: child.kind, pid: child.pid });
  return true;
}

/** kill -9 on the child (the scenario's kill-child fault). It is reaped at the next serverCron. */
export function killChild(server: Server, signal = 9): boolean {
  const child = server.child;
  if (!child || child.exit) return false;
  child.exit = { code: 0, signal };
  child.doneAt = server.now;
  note(server, { key: "child.killed", kind: child.kind, pid: child.pid, signal });
  return true;
}

/** serverCron's wait3 + backgroundSaveDoneHandler / backgroundRewriteDoneHandler. */
export function reapChild(server: Server): void {
  const child = server.child;
  if (!child?.exit) return;
  server.child = null;
  if (child.kind === "aof") backgroundRewriteDoneHandler(server, child);
  else if (child.kind === "rdb-disk") backgroundSaveDoneHandlerDisk(server, child);
  else backgroundSaveDoneHandlerSocket(server, child);
}

