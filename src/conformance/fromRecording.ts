/**
 * A recording (docs/recording-format.md) as an Observation (observation.ts). The raw replicas
 * announce the model's ports, 127.0.0.1:17001… (§5); their own local ports, which the server
 * logs for a replica that announces none, are mapped to the same scenario ids.
 */
import { Buffer } from "node:buffer";
import type { ConnectionRecord, Recording } from "../record/format";
import { parseReply, type Reply } from "../record/resp";
import { latin1ToBytes } from "../record/wire";
import { bgsavesOf, countKeepAlives, Normaliser, realOnly, sec, wireLine, type ObsConnection, type ObsLine, type ObsWire, type Observation } from "./observation";

/** A command of the stream as the model writes it: its arguments joined by spaces (`SET key:1 1`). */
function commandText(r: Reply): string {
  if (r.type === "array" && r.value) return r.value.map((x) => (x.type === "bulk" ? (x.value ?? "") : String(x.value))).join(" ");
  return r.type === "bulk" ? (r.value ?? "") : String(r.value);
}

/** One connection's bytes, read back from its segments as a replica reads them (§5). */
export function connectionWire(c: ConnectionRecord, n: Normaliser, untilMs: number): ObsWire[] {
  const out: ObsWire[] = [];
  let phase: "lines" | "body" | "stream" = "lines";
  let pending = "";
  let stream = Buffer.alloc(0);
  // How many handshake commands were sent (PING, REPLCONF …) before the sync command.
  let handshake = c.sent.reduce((k, w) => k + (w.data.match(/\*\d+\r\n\$(4\r\nPING|8\r\nREPLCONF)\r\n/g)?.length ?? 0), 0);
  for (const seg of c.received) {
    if (seg.t > untilMs) break;
    const s = sec(seg.t);
    if ("body" in seg) continue;
    if (phase === "body") phase = "stream";
    if (phase === "lines") {
      pending += seg.data;
      let nl: number;
      while (phase === "lines" && (nl = pending.indexOf("\n")) !== -1) {
        const line = pending.slice(0, nl).replace(/\r$/, "");
        pending = pending.slice(nl + 1);
        if (line === "") out.push({ s, text: "\n" });
        else if (line.startsWith("$EOF:")) (out.push({ s, text: "$EOF:" }), (phase = "body"));
        else if (line.startsWith("$")) (out.push({ s, text: "$len" }), (phase = "body"));
        // The replies to the handshake's PING and REPLCONFs (+PONG, +OK) come before the sync
        // command's: the model's wire starts with the sync command's reply (docs/behaviour.md §2).
        else if (out.length === 0 && (line === "+PONG" || line === "+OK") && handshake-- > 0) continue;
        else out.push({ s, text: wireLine(line, n) });
      }
      continue;
    }
    stream = Buffer.concat([stream, Buffer.from(latin1ToBytes(seg.data))]);
    let at = 0;
    for (let k = 0; k < 100_000 && at < stream.length; k++) {
      const r = parseReply(stream, at);
      if (!r) break;
      out.push({ s, text: n.text(commandText(r.reply)) });
      at = r.end;
    }
    stream = stream.subarray(at);
  }
  // The payload's end, where it ended: before the stream that followed it.
  const p = c.payload;
  if (p && p.tEnd !== null && p.tEnd <= untilMs) {
    const head = out.findIndex((w) => w.text === "$len" || w.text === "$EOF:");
    out.splice(head + 1, 0, { s: sec(p.tEnd), text: "<payload>" });
  }
  return out;
}

export function observeRecording(rec: Recording, untilMs = Infinity): Observation {
  const ports = new Map<number, string>();
  rec.scenario.replicas.forEach((r, i) => ports.set(17001 + i, r.id));
  for (const [id, r] of Object.entries(rec.replicas)) for (const c of r.connections) ports.set(c.localPort, id);
  const n = new Normaliser(ports);
  n.pid(rec.server.pid);
  // The recording's end closes what is still open: what the server logs about that is the recorder's, not the scenario's.
  const cut = Math.min(untilMs, rec.end.t);
  const log: ObsLine[] = [];
  for (const l of rec.log) {
    if (!("text" in l)) continue;
    const t = l.at ?? l.t;
    // Lines of the setup (startup, dataset, scripts) come before t = 0 (§2).
    if (t < 0 || t > cut || realOnly(l.text, l.level)) continue;
    log.push({ s: sec(t), role: l.role, level: l.level, text: n.text(l.text) });
  }
  const replicas: Record<string, ObsConnection[]> = {};
  for (const r of rec.scenario.replicas) {
    replicas[r.id] = (rec.replicas[r.id]?.connections ?? [])
      .filter((c) => c.t <= cut)
      .map((c) => ({
        s: sec(c.t),
        wire: countKeepAlives(connectionWire(c, n, cut)),
        closed: c.closed && c.closed.by !== "recorder" && c.closed.t <= cut ? { s: sec(c.closed.t), by: c.closed.by } : null,
      }));
  }
  const final: Record<string, string> = {};
  const end = [...rec.snapshots].reverse().find((x) => x.after === "end") ?? rec.snapshots[rec.snapshots.length - 1];
  const info = end?.info.replication ?? {};
  for (const r of rec.scenario.replicas) final[r.id] = "gone";
  for (const [k, v] of Object.entries(info)) {
    if (!/^slave\d+$/.test(k)) continue;
    const f = Object.fromEntries(v.split(",").map((kv) => kv.split("=") as [string, string]));
    // A replica that announced no port (a SYNC client) shows `port=0`: it is the SYNC replica.
    const sync = rec.scenario.replicas.filter((r) => rec.replicas[r.id]?.connections.at(-1)?.command === "SYNC");
    const id = f.port === "0" && sync.length === 1 ? sync[0]?.id : ports.get(Number(f.port));
    if (id) final[id] = f.state ?? "?";
  }
  return { log, bgsaves: bgsavesOf(log), replicas, final };
}
