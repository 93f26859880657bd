/**
 * Starting and stopping the recorder's own redis-server processes (docs/recording-format.md §3):
 * on loopback, on a port nobody listens on, in a temp dir of their own, never as a service.
 * Each is stopped by its pid: SIGTERM, then SIGKILL after a bounded wait. Node only.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { createServer } from "node:net";
import { userInfo } from "node:os";
import { join } from "node:path";
import { parseLogLine, splitLines, stampMillis } from "./logLine";
import type { LogRecord } from "./format";
import { Control, RecordError } from "./resp";

/** Milliseconds since t = 0 on a monotonic clock, and t = 0 on the wall clock (§2). */
export class Clock {
  private readonly origin = performance.now();
  readonly wallT0 = Date.now();
  now(): number {
    return Math.round((performance.now() - this.origin) * 10) / 10;
  }
  /** Wall-clock milliseconds as milliseconds since t = 0. */
  fromWall(ms: number): number {
    return ms - this.wallT0;
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

/** A loopback port that was free a moment ago (the kernel's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => (port ? resolve(port) : reject(new RecordError("no free port"))));
    });
  });
}

export type ServerOptions = {
  path: string;
  port: number;
  dir: string;
  /** Options after the port, `--name value` pairs. */
  options: readonly string[];
  /** Run as this unprivileged uid/gid (through `setpriv`, which execs, so the pid is the server's). */
  unprivileged?: { uid: number; gid: number; name: string };
};

export type RunningServer = {
  pid: number;
  port: number;
  path: string;
  args: string[];
  user: string;
  logfile: string;
  child: ChildProcess;
  exited: Promise<void>;
};

export function serverArgs(o: ServerOptions): string[] {
  return [
    "--port", String(o.port), "--bind", "127.0.0.1", "--dir", o.dir, "--save", "", "--daemonize", "no",
    "--loglevel", "verbose", "--logfile", join(o.dir, "server.log"), ...o.options,
  ];
}

/** Starts a server and waits (at most 5 s) until it answers PING. */
export async function startServer(o: ServerOptions): Promise<RunningServer> {
  const args = serverArgs(o);
  const [cmd, argv] = o.unprivileged
    ? ["setpriv", [`--reuid=${o.unprivileged.uid}`, `--regid=${o.unprivileged.gid}`, "--clear-groups", "--", o.path, ...args]]
    : [o.path, args];
  const child = spawn(cmd, argv, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    if (stderr.length < 2000) stderr += d.toString("utf8");
  });
  let exitedWith: string | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exitedWith = signal ? `signal ${signal}` : `code ${code}`;
      resolve();
    });
    child.once("error", (e) => {
      exitedWith = (e as NodeJS.ErrnoException).code ?? e.message;
      resolve();
    });
  });
  const logfile = join(o.dir, "server.log");
  for (let i = 0; i < 100; i++) {
    await sleep(50);
    if (exitedWith !== null) {
      const log = existsSync(logfile) ? readFileSync(logfile, "utf8").trim().split("\n").slice(-2).join(" | ") : "";
      throw new RecordError(`${o.path} exited (${exitedWith}) before answering: ${(stderr.trim() || log || "no output").slice(0, 300)}`);
    }
    try {
      const c = await Control.open(o.port, 200);
      const pong = await c.send("PING").finally(() => c.close());
      if (pong.type === "status" && pong.value === "PONG")
        return { pid: child.pid as number, port: o.port, path: o.path, args, user: o.unprivileged?.name ?? userInfo().username, logfile, child, exited };
    } catch {
      // not listening yet
    }
  }
  await stopServer({ pid: child.pid as number, child, exited } as RunningServer);
  throw new RecordError(`${o.path} did not answer PING on 127.0.0.1:${o.port} within 5 s`);
}

/** The pids whose parent is `pid` (a server's BGSAVE or AOF child), from /proc. */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc");
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, "utf8");
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(e));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Whether a process with that pid still exists (signal 0). */
export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** SIGTERM, at most 5 s for it to exit, then SIGKILL and at most 2 s more; then its children. */
export async function stopServer(s: Pick<RunningServer, "pid" | "child" | "exited">): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const kids = childrenOf(s.pid);
  const exitedWithin = (ms: number) => Promise.race([s.exited.then(() => true), sleep(ms).then(() => false)]);
  try {
    process.kill(s.pid, "SIGTERM");
  } catch {
    return;
  }
  if (!(await exitedWithin(5000))) {
    try {
      process.kill(s.pid, "SIGKILL");
    } catch {
      // already gone
    }
    if (!(await exitedWithin(2000))) throw new RecordError(`redis-server pid ${s.pid} did not exit after SIGKILL within 2 s`);
  }
  // A BGSAVE child outlives its parent only briefly (it exits when it has written the file); do
  // not leave one behind.
  for (const k of kids) if (alive(k)) process.kill(k, "SIGKILL");
}

/** Follows a server's log file: each complete line, with the time it was read (§4). */
export class LogTail {
  readonly entries: LogRecord[] = [];
  private offset = 0;
  private pending = "";
  private timer: NodeJS.Timeout | null = null;
  private reading: Promise<void> = Promise.resolve();
  private listeners: ((e: LogRecord) => void)[] = [];

  constructor(
    private readonly file: string,
    private readonly clock: Clock,
  ) {}

  start(intervalMs = 20): void {
    this.timer = setInterval(() => {
      this.reading = this.reading.then(() => this.read());
    }, intervalMs);
  }

  onLine(f: (e: LogRecord) => void): void {
    this.listeners.push(f);
  }

  private async read(): Promise<void> {
    let fh;
    try {
      fh = await open(this.file, "r");
    } catch {
      return;
    }
    try {
      for (let i = 0; i < 64; i++) {
        const buf = Buffer.alloc(1 << 16);
        const { bytesRead } = await fh.read(buf, 0, buf.length, this.offset);
        if (bytesRead === 0) break;
        this.offset += bytesRead;
        const t = this.clock.now();
        const { lines, pending } = splitLines(this.pending, buf.toString("utf8", 0, bytesRead));
        this.pending = pending;
        const year = new Date(this.clock.wallT0).getFullYear();
        for (const line of lines) {
          const p = parseLogLine(line);
          let e: LogRecord;
          if (p) {
            const wall = stampMillis(p.stamp, year);
            e = { t, pid: p.pid, role: p.role, stamp: p.stamp, at: wall === null ? null : this.clock.fromWall(wall), level: p.level, text: p.text };
          } else if (line.trim() === "") continue;
          else e = { t, raw: line };
          this.entries.push(e);
          for (const f of this.listeners) f(e);
        }
      }
    } finally {
      await fh.close();
    }
  }

  /** One last read, then stop. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.reading;
    await this.read();
  }
}
