/**
 * The scenario's faults, produced for real on a running redis-server (docs/recording-format.md §6).
 * Node and Linux only (/proc, prlimit). Nothing here pretends: a fault that cannot be produced
 * says why, and the recording lists it as unsupported.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer, connect, type Server, type Socket } from "node:net";
import type { OutcomeRecord } from "./format";
import { childrenOf } from "./server";
import type { Control } from "./resp";
import { infoFields } from "./resp";

/** The unprivileged user a server runs as when a fork must fail (RLIMIT_NPROC binds only non-root users). */
export const NOBODY = { uid: 65534, gid: 65534, name: "nobody" };

/** Why a fork failure cannot be produced here, or null if it can. */
export function forkFaultProblem(): string | null {
  const uid = process.getuid?.();
  if (uid === undefined) return "not a POSIX system";
  if (uid !== 0) return "the recorder is not root, so it cannot start a server as another user whose process limit it can set";
  try {
    execFileSync("prlimit", ["--version"], { stdio: "ignore", timeout: 2000 });
    execFileSync("setpriv", ["--version"], { stdio: "ignore", timeout: 2000 });
  } catch {
    return "prlimit and setpriv (util-linux) are needed to run a server under a process limit";
  }
  return null;
}

/** How many tasks (threads count: RLIMIT_NPROC counts them) run as `uid` now, from /proc. */
export function tasksOf(uid: number): number {
  let n = 0;
  for (const e of readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const status = readFileSync(`/proc/${e}/status`, "utf8");
      const real = /^Uid:\s+(\d+)/m.exec(status);
      if (real && Number(real[1]) === uid) n += Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? 1);
    } catch {
      // gone meanwhile
    }
  }
  return n;
}

/**
 * prlimit on the server's own process, run as the server's user: a process may lower its user's
 * soft limits and raise them back up to the hard limit, and a root without CAP_SYS_RESOURCE (a
 * container) may not touch another user's limits at all.
 */
function prlimitAsNobody(args: string[]): string {
  return execFileSync("setpriv", [`--reuid=${NOBODY.uid}`, `--regid=${NOBODY.gid}`, "--clear-groups", "--", "prlimit", ...args], { encoding: "utf8", timeout: 2000 }).trim();
}

/** The soft RLIMIT_NPROC of a process. */
function nprocSoft(pid: number): string {
  return prlimitAsNobody(["--pid", String(pid), "--nproc", "--noheadings", "--output=SOFT"]);
}

/** Sets only the soft limit. */
function setNprocSoft(pid: number, soft: string): void {
  prlimitAsNobody(["--pid", String(pid), `--nproc=${soft}:`]);
}

/**
 * `fork-fails`: the server runs as an unprivileged user; its soft RLIMIT_NPROC is set to the
 * number of tasks that user already has, so its next fork() fails with EAGAIN; when the server
 * logs the failure the limit is lifted again, so only that one fork fails (docs/scenario-format.md §6).
 */
export class ForkFault {
  armed = false;
  constructor(private readonly pid: number) {}

  private original = "unlimited";

  arm(errno: "EAGAIN" | "ENOMEM"): OutcomeRecord {
    const tasks = tasksOf(NOBODY.uid);
    if (!this.armed) this.original = nprocSoft(this.pid);
    setNprocSoft(this.pid, String(tasks));
    this.armed = true;
    const substitute = errno === "ENOMEM" ? "; ENOMEM cannot be produced this way, so the fork fails with EAGAIN instead" : "";
    return { status: "done", detail: `RLIMIT_NPROC of pid ${this.pid} (user ${NOBODY.name}) set to its ${tasks} tasks: the next fork() fails with EAGAIN${substitute}` };
  }

  /** Called with each log line: the first fork failure lifts the limit. */
  onLog(text: string): void {
    if (this.armed && /fork: /.test(text)) this.disarm();
  }

  disarm(): void {
    if (!this.armed) return;
    this.armed = false;
    setNprocSoft(this.pid, this.original);
  }
}

/**
 * `kill-child`: SIGKILL to the running RDB child. The child is the server's child process (from
 * /proc), checked against INFO persistence `rdb_bgsave_in_progress:1` and, when the log has
 * shown it, the pid of its `… started by pid N` line.
 */
export async function killChild(control: Control, serverPid: number, loggedPid: number | null, mode: "sigkill" | "exit-error"): Promise<OutcomeRecord> {
  if (mode === "exit-error")
    return { status: "unsupported", detail: "a child that fails on its own (exit 1) cannot be produced from outside without changing the server; only SIGKILL can" };
  const persistence = infoFields(await control.text("INFO", "persistence"));
  if (persistence.rdb_bgsave_in_progress !== "1") return { status: "skipped", detail: "no RDB child running (rdb_bgsave_in_progress:0)" };
  const kids = childrenOf(serverPid);
  const pid = loggedPid !== null && kids.includes(loggedPid) ? loggedPid : kids.length === 1 ? kids[0] : undefined;
  if (pid === undefined) return { status: "failed", detail: `cannot tell the RDB child among the server's children ${JSON.stringify(kids)}` };
  process.kill(pid, "SIGKILL");
  return { status: "done", detail: `SIGKILL to pid ${pid}` };
}

/**
 * Between a chained primary and its upstream: a TCP relay the recorder owns, so that the
 * upstream link can be lost as docs/behaviour.md §5 describes. Uncached: a protocol error from
 * the master (`*x`, an invalid multibulk length, reaches the primary as if its master sent it),
 * which frees the master client without caching it. Cached: a plain disconnection. Either way
 * the relay then stops listening, so the primary's reconnections find a closed port.
 */
export class UpstreamRelay {
  private server: Server | null = null;
  private pairs: [Socket, Socket][] = [];
  port = 0;

  constructor(private readonly upstreamPort: number) {}

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      const s = createServer((down) => {
        const up = connect({ host: "127.0.0.1", port: this.upstreamPort });
        this.pairs.push([down, up]);
        down.pipe(up);
        up.pipe(down);
        const end = () => {
          down.destroy();
          up.destroy();
        };
        down.on("error", end);
        up.on("error", end);
        down.on("close", end);
        up.on("close", end);
      });
      s.once("error", reject);
      s.listen(0, "127.0.0.1", () => {
        const a = s.address();
        this.port = typeof a === "object" && a ? a.port : 0;
        this.server = s;
        resolve(this.port);
      });
    });
  }

  /** Loses the link; resolves when the primary's side of it has closed (at most 2 s). */
  async lose(cached: boolean): Promise<OutcomeRecord> {
    this.server?.close();
    this.server = null;
    const open = this.pairs.filter(([d]) => !d.destroyed);
    if (open.length === 0) return { status: "skipped", detail: "the link to the upstream was not up" };
    for (const [down, up] of open) {
      up.unpipe(down);
      up.destroy();
      if (cached) down.destroy();
      else down.write("*x\r\n");
    }
    const closed = await Promise.race([
      Promise.all(open.map(([d]) => (d.destroyed ? Promise.resolve() : new Promise<void>((r) => d.once("close", () => r()))))).then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 2000)),
    ]);
    for (const [d] of open) d.destroy();
    return {
      status: "done",
      detail: cached
        ? "the link to the upstream was closed (a plain disconnection); the relay's port is closed"
        : `a protocol error was sent down the link as if from the master${closed ? ", and the primary closed it" : " (the primary had not closed it within 2 s; closed by the relay)"}; the relay's port is closed`,
    };
  }

  close(): void {
    this.server?.close();
    for (const [d, u] of this.pairs) {
      d.destroy();
      u.destroy();
    }
  }
}
