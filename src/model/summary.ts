/**
 * The readable timeline of a trace (`npm run trace -- --summary`): each happening with its
 * virtual time, the primary's log lines in Redis 4.0's format, what each replica logged, what
 * reached each connection's socket or was queued in its output buffer, and the replicas' states
 * whenever they change. The golden timelines under src/scenarios/golden/ are
 * this text for every catalogue scenario, so a model change shows up as a text diff.
 */
import { DEFAULT_VERSION } from "./versions/names";
import { causeLabel, formatLogLine, formatSeconds } from "./format";
import { shownAt, wireLengthAt, wireSlice, type Trace } from "./trace";

export function traceSummary(trace: Trace, title: string): string {
  const out: string[] = [];
  const version = trace.redis === DEFAULT_VERSION ? "" : ` — Redis ${trace.redis}`;
  out.push(`${title}${version} — ${trace.frames.length} frames, ended by ${trace.endedBy} at ${formatSeconds(trace.endTime)} s`);
  let lastStates = "";
  let logPrinted = 0;
  const replicaLogSeen: Record<string, number> = {};
  let ioPrinted = -1;
  for (const f of trace.frames) {
    if (f.kind !== "event") continue;
    const newLog = trace.log.slice(logPrinted, f.logLen);
    logPrinted = f.logLen;
    const replicaLines: string[] = [];
    for (const a of f.agents) {
      const logs = trace.replicaLogs[a.id] ?? [];
      const from = replicaLogSeen[a.id] ?? 0;
      for (const l of logs.slice(from, a.logLen)) replicaLines.push(`      [${a.id}] ${formatLogLine(l, trace.redis)}`);
      replicaLogSeen[a.id] = a.logLen;
    }
    const states = f.replicas
      .filter((r) => !r.closed || r.machine === "dropped")
      .map((r) => `${r.key} ${r.machine === "dropped" ? `dropped(${r.dropReason})` : r.replstate}${r.closed ? " closed" : ""}`)
      .join(", ");
    const io = ioLines(trace, ioPrinted, f.i);
    const quiet = !newLog.length && !replicaLines.length && !io.length && states === lastStates;
    if (quiet && f.cause.type !== "event" && f.i !== 0) continue;
    ioPrinted = f.i;
    out.push(`${formatSeconds(f.t).padStart(9)}  ${causeLabel(f.cause)}${f.line ? `  (seed line ${f.line})` : ""}`);
    for (const l of newLog) out.push(`      ${formatLogLine(l, trace.redis)}`);
    out.push(...replicaLines);
    out.push(...io);
    if (states !== lastStates) out.push(`      replicas: ${states || "none"}`);
    lastStates = states;
  }
  return `${out.join("\n")}\n`;
}

/**
 * What reached each socket, and what was queued unsent, in frames (after, upTo]: only connections
 * live at upTo or retired since `after` can have any (a retired one is closed, and nothing reaches a
 * closed socket), and their entries are found by the stamps, so a long run costs no more per frame.
 */
function ioLines(trace: Trace, after: number, upTo: number): string[] {
  const out: string[] = [];
  const frame = trace.frames[upTo];
  if (!frame) return out;
  const views = [...frame.replicas];
  for (let k = firstStampAbove(trace.retired, after); k < trace.retired.length && (trace.retired[k] as Retired).frame <= upTo; k++) {
    views.push((trace.retired[k] as Retired).view);
  }
  views.sort((a, b) => a.slot - b.slot);
  for (const { key } of views) {
    const io = trace.wires[key];
    if (!io) continue;
    const wrote = wireSlice(trace, io, wireLengthAt(trace, io, after), wireLengthAt(trace, io, upTo));
    if (wrote.length) out.push(`      ${key} <- ${collapse(wrote)}`);
    const queued: string[] = [];
    for (let k = shownAt(io.queuedFrame, after); k < shownAt(io.queuedFrame, upTo); k++) {
      const sent = io.sentFrame[k];
      if (sent === undefined || sent > upTo) queued.push(io.reply[k] as string);
    }
    if (queued.length) out.push(`      ${key} queued, unsent: ${collapse(queued)}`);
  }
  return out;
}

type Retired = Trace["retired"][number];

/** Index of the first retired connection gone after frame `after` (they are in frame order). */
function firstStampAbove(retired: Trace["retired"], after: number): number {
  let lo = 0;
  let hi = retired.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((retired[mid] as Retired).frame <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Messages joined with " | ", a run of keep-alive newlines as one "\\n ×n". */
function collapse(messages: string[]): string {
  const parts: string[] = [];
  let newlines = 0;
  const flush = () => {
    if (newlines) parts.push(newlines > 1 ? `\\n ×${newlines}` : "\\n");
    newlines = 0;
  };
  for (const m of messages) {
    if (m === "\n") newlines++;
    else {
      flush();
      parts.push(m);
    }
  }
  flush();
  return parts.join(" | ");
}
