/**
 * A model trace as an Observation (observation.ts). The model's replicas announce
 * 127.0.0.1:17001… (docs/scenario-format.md §5): each port is mapped to its scenario id.
 */
import type { Scenario } from "../scenarios/schema";
import { wireEntries, type Trace } from "../model/trace";
import { bgsavesOf, countKeepAlives, Normaliser, sec, wireLine, type ObsConnection, type ObsLine, type ObsWire, type Observation } from "./observation";

/** The INFO word for a replica's state (7.0.15 replication.c replicationGetSlaveName / genRedisInfoString). */
export function infoState(replstate: string): string {
  if (replstate === "ONLINE") return "online";
  if (replstate === "SEND_BULK") return "send_bulk";
  return "wait_bgsave";
}

export function observeTrace(trace: Trace, scenario: Scenario, untilMs = Infinity): Observation {
  const ports = new Map(scenario.replicas.map((r, i) => [17001 + i, r.id] as const));
  const n = new Normaliser(ports);
  const primaryPid = trace.log[0]?.pid;
  if (primaryPid !== undefined) n.pid(primaryPid);
  const log: ObsLine[] = trace.log
    .filter((l) => l.t <= untilMs)
    .map((l) => ({ s: sec(l.t), role: l.role, level: l.level, text: n.text(l.text) }));

  // When each connection first shows and when it first shows closed, and why.
  const opened = new Map<string, number>();
  const closed = new Map<string, { t: number; reason: string | null }>();
  for (const f of trace.frames) {
    for (const r of f.replicas) {
      if (!opened.has(r.key)) opened.set(r.key, f.t);
      // Closed as the replica sees it: the primary freed it and the replica has read the end
      // (its agent left the connection). A child holding a copy of the socket delays the second
      // (docs/versions.md §22); the recording's close is the replica's reading of it.
      if (r.closed && !closed.has(r.key)) {
        const a = f.agents.find((x) => x.id === r.id);
        if (!a || a.conn !== r.conn || a.phase === "retry" || a.phase === "gone" || a.phase === "idle") closed.set(r.key, { t: f.t, reason: r.dropReason });
      }
    }
  }
  const replicas: Record<string, ObsConnection[]> = {};
  for (const r of scenario.replicas) replicas[r.id] = [];
  const keys = Object.keys(trace.wires).sort((a, b) => {
    const [ia, ca] = a.split("#");
    const [ib, cb] = b.split("#");
    return ia === ib ? Number(ca) - Number(cb) : 0;
  });
  for (const key of keys) {
    const id = key.slice(0, key.lastIndexOf("#"));
    const t = opened.get(key);
    if (t === undefined || t > untilMs) continue;
    const io = trace.wires[key];
    if (!io) continue;
    const { wire, wireFrame } = wireEntries(trace, io);
    const out: ObsWire[] = [];
    let phase: "lines" | "eof-body" | "stream" = "lines";
    let eof = false;
    for (let k = 0; k < wire.length; k++) {
      const text = wire[k] as string;
      // An entry written after the last frame shows in none: it is at the run's end.
      const wt = trace.frames[wireFrame[k] as number]?.t ?? trace.endTime;
      if (wt > untilMs) break;
      const s = sec(wt);
      if (phase === "lines") {
        if (text.startsWith("$EOF:")) {
          eof = true;
          out.push({ s, text: "$EOF:" });
        } else if (/^\$\d+$/.test(text)) out.push({ s, text: "$len" });
        else if (text.startsWith("<RDB payload")) {
          out.push({ s, text: "<payload>" });
          phase = eof ? "eof-body" : "stream";
        } else out.push({ s, text: wireLine(text, n) });
      } else if (phase === "eof-body") {
        // The closing mark of a `$EOF:` payload is part of the payload.
        phase = "stream";
        if (/^\S{40}$/.test(text)) continue;
        out.push({ s, text: n.text(text) });
      } else out.push({ s, text: n.text(text) });
    }
    const c = closed.get(key);
    (replicas[id] ??= []).push({
      s: sec(t),
      wire: countKeepAlives(out),
      // The model's replica closes its own connection on `disconnected` (its disconnect event, its
      // repl-timeout, an error reply read by it: replicaSide.ts closeConnection); any other drop is the primary's.
      closed: c && c.t <= untilMs ? { s: sec(c.t), by: c.reason === "disconnected" ? "replica" : "primary" } : null,
    });
  }

  const final: Record<string, string> = {};
  const last = trace.frames[trace.frames.length - 1];
  for (const r of scenario.replicas) {
    const views = last?.replicas.filter((v) => v.id === r.id) ?? [];
    const v = views[views.length - 1];
    final[r.id] = !v || v.closed ? "gone" : infoState(v.replstate);
  }
  return { log, bgsaves: bgsavesOf(log), replicas, final };
}
