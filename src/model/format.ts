/**
 * Text forms shared by the CLI and the view: 4.0-style log lines, and what caused a frame in
 * English (the page's English dictionary uses causeLabel; other languages word it themselves).
 */
import type { Cause } from "./trace";
import type { LogEntry } from "./types";
import { DEFAULT_VERSION, WORDING, type RedisVersion } from "./versions/names";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/**
 * Virtual time 0 is 10:00:00.000 on the version's release day (its tag's date): 18 Mar 2019 for
 * 4.0.14, whose logs carry no year (docs/behaviour.md §13).
 */
const EPOCH: Readonly<Record<RedisVersion, number>> = {
  "4.0.14": Date.UTC(2019, 2, 18, 10, 0, 0, 0),
  "5.0.5": Date.UTC(2019, 4, 15, 10, 0, 0, 0),
  "6.2.14": Date.UTC(2023, 9, 18, 10, 0, 0, 0),
  "7.0.15": Date.UTC(2024, 0, 9, 10, 0, 0, 0),
};

/** From 5.0 on the date has the year (commit 64242757d, docs/versions.md §13). */
export function logTimestamp(t: number, redis: RedisVersion = DEFAULT_VERSION): string {
  const d = new Date(EPOCH[redis] + Math.floor(t));
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  const year = WORDING[redis].year ? ` ${d.getUTCFullYear()}` : "";
  return `${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]}${year} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
}

const LEVEL_MARK = { notice: "*", warning: "#", verbose: "-" } as const;

/** `<pid>:<role> <dd Mon HH:MM:SS.mmm> <level> <msg>` as serverLogRaw prints it (docs/behaviour.md §13), for the run's version. */
export function formatLogLine(l: LogEntry, redis: RedisVersion = DEFAULT_VERSION): string {
  return `${l.pid}:${l.role} ${logTimestamp(l.t, redis)} ${LEVEL_MARK[l.level]} ${l.text}`;
}

export function formatSeconds(t: number): string {
  return (t / 1000).toFixed(3);
}

export function causeLabel(c: Cause): string {
  switch (c.type) {
    case "start":
      return "scenario starts";
    case "event": {
      const e = c.event;
      switch (e.type) {
        case "connect":
          return `${e.replica} connects and sends its sync command`;
        case "disconnect":
          return `${e.replica} disconnects`;
        case "fork-fails":
          return `fault: the next fork() fails (${e.errno ?? "EAGAIN"})`;
        case "kill-child":
          return e.mode === "exit-error" ? "fault: the child exits with an error" : "fault: the child is killed (SIGKILL)";
        case "aof-rewrite":
          return "BGREWRITEAOF";
        case "bgsave":
          return "a user runs BGSAVE";
        case "upstream-lost":
          return "the link to our own master drops";
        case "write":
          return (e.count ?? 1) === 1 ? "1 write on the primary" : `${e.count} writes on the primary`;
        case "evalsha":
          return `EVALSHA ${e.sha.slice(0, 8)}…`;
        case "config-set":
          return "CONFIG SET on the primary";
        case "replica-set":
          return `${e.replica} is reconfigured (next connection)`;
      }
      return "event";
    }
    case "serverCron":
      return "serverCron (100 ms tick)";
    case "replicationCron":
      return "replicationCron (1 s)";
    case "childDone":
      return `child ${c.pid} (${c.kind}) finishes its work`;
    case "bulk":
      return `sendBulkToSlave → ${c.replica}`;
    case "replica":
      return `replica ${c.replica}: its own cron`;
  }
}
