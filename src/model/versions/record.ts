/**
 * What every version's port of startBgsaveForReplication shares: recording the line of its own
 * shipped text that just executed (as port.ts does for 4.0.14), and serverAssert (7.0.15).
 */
import { serverLog } from "../server";
import type { PortLocals, Server } from "../types";

export interface LineRecorder<L extends number> {
  /** Record that `line` just executed. */
  at(line: L): void;
  /** Record that the condition on `line` was evaluated, with its value; returns the value. */
  cond<T>(line: L, value: T): T;
}

export function lineRecorder<L extends number>(server: Server, locals: PortLocals): LineRecorder<L> {
  return {
    at(line) {
      server.lines.push(line);
      server.onLine?.(line, { ...locals }, null);
    },
    cond(line, value) {
      server.lines.push(line);
      server.onLine?.(line, { ...locals }, Boolean(value));
      return value;
    },
  };
}

/** A failed serverAssert: Redis logs the bug report's first lines and the process aborts. */
export class ServerAssertionFailed extends Error {
  constructor(
    readonly expression: string,
    readonly file: string,
    readonly line: number,
  ) {
    super(`${file}:${line} '${expression}' is not true`);
    this.name = "ServerAssertionFailed";
  }
}

/**
 * serverAssert (7.0.15 server.h 624 → debug.c _serverAssert): when `value` is false, logs the
 * start of the bug report and the failed expression with its place in replication.c, then the
 * process dies — here, throws ServerAssertionFailed.
 */
export function serverAssert(server: Server, value: boolean, expression: string, file: string, line: number): void {
  if (value) return;
  serverLog(server, "warning", "=== REDIS BUG REPORT START: Cut & paste starting from here ===");
  serverLog(server, "warning", "=== ASSERTION FAILED ===");
  serverLog(server, "warning", `==> ${file}:${line} '${expression}' is not true`);
  throw new ServerAssertionFailed(expression, file, line);
}
