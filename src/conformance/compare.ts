/**
 * Compares two Observations (observation.ts): the model's and a real server's. Everything is
 * compared exactly — the text and order of log lines, the BGSAVE targets, each connection's wire
 * in order (keep-alives counted, `+FULLRESYNC` offsets, `$len` / `$EOF:`, error replies, the
 * stream), who closed each connection, the final states — except times, which are whole seconds
 * with the one tolerance below.
 */
import type { ObsConnection, ObsWire, Observation } from "./observation";

/**
 * Two times agree when their whole seconds differ by at most this. Why: every cron-driven time of
 * a real server is set by the phase of its cron against the recording's t = 0, which is not fixed:
 * serverCron is a timer created when the server starts (7.0.15 server.c initServer,
 * `aeCreateTimeEvent(server.el, 1, serverCron, …)`) and replicationCron runs inside it once every
 * 1000 ms from then (`run_with_period(1000)`), while t = 0 is taken after the setup, at no
 * particular point of that second; the model's crons run at t = 0, 1000, 2000 … (docs/architecture.md §3).
 * So a keep-alive, a deferred BGSAVE's start, a timeout may fall in the neighbouring second, and no
 * more than one cron run away.
 */
export const TIME_TOLERANCE_S = 1;

export type Difference = { where: string; model: string; real: string };

const close = (a: number, b: number) => Math.abs(a - b) <= TIME_TOLERANCE_S;

const sameTime = (a: ObsWire, b: ObsWire) => close(a.s, b.s);

/**
 * Two wire entries agree: the same text, or two runs of keep-alives whose counts differ by at most
 * TIME_TOLERANCE_S — one keep-alive is written per replicationCron run (docs/behaviour.md §9), so
 * a run that starts or ends one cron run earlier, as the tolerance above allows, has one more or one
 * fewer.
 */
function sameEntry(a: ObsWire, b: ObsWire): boolean {
  const ka = /^\\n×(\d+)$/.exec(a.text);
  const kb = /^\\n×(\d+)$/.exec(b.text);
  if (ka && kb) return Math.abs(Number(ka[1]) - Number(kb[1])) <= TIME_TOLERANCE_S && sameTime(a, b);
  return a.text === b.text && sameTime(a, b);
}
const wireText = (w: ObsWire | undefined) => (w ? `${JSON.stringify(w.text)} at ${w.s} s` : "nothing");

/**
 * Entries left over on one side at the end of the compared window are not a difference when they
 * all fall in its last TIME_TOLERANCE_S seconds: their counterpart may lie just past the end on the
 * other side (the tolerance above).
 */
function onlyAtTheEnd(rest: readonly { s: number }[], untilS: number): boolean {
  return rest.length > 0 && rest.every((x) => x.s >= untilS - TIME_TOLERANCE_S);
}

function compareConnection(where: string, m: ObsConnection | undefined, r: ObsConnection | undefined, out: Difference[], untilS: number): void {
  if (!m || !r) {
    out.push({ where, model: m ? `a connection at ${m.s} s` : "no connection", real: r ? `a connection at ${r.s} s` : "no connection" });
    return;
  }
  if (!close(m.s, r.s)) out.push({ where: `${where} opened`, model: `${m.s} s`, real: `${r.s} s` });
  const len = Math.max(m.wire.length, r.wire.length);
  for (let k = 0; k < len; k++) {
    const a = m.wire[k];
    const b = r.wire[k];
    if ((!a && onlyAtTheEnd(r.wire.slice(k), untilS)) || (!b && onlyAtTheEnd(m.wire.slice(k), untilS))) break;
    if (!a || !b || !sameEntry(a, b)) {
      out.push({ where: `${where} wire[${k}]`, model: wireText(a), real: wireText(b) });
      return; // what follows a difference on one wire is shifted: the first one says it
    }
  }
  const cm = m.closed ? `closed by the ${m.closed.by} at ${m.closed.s} s` : "open";
  const cr = r.closed ? `closed by the ${r.closed.by} at ${r.closed.s} s` : "open";
  if ((m.closed?.by ?? null) !== (r.closed?.by ?? null) || (m.closed && r.closed && !close(m.closed.s, r.closed.s))) out.push({ where: `${where} end`, model: cm, real: cr });
}

/** Every difference, the most telling first in each part: the log, the targets, the wires, the final states. */
export function compareObservations(model: Observation, real: Observation, untilS = Infinity): Difference[] {
  const out: Difference[] = [];
  const len = Math.max(model.log.length, real.log.length);
  for (let k = 0; k < len; k++) {
    const a = model.log[k];
    const b = real.log[k];
    const fa = a ? `${a.s} s ${a.role} ${a.level} ${a.text}` : "nothing";
    const fb = b ? `${b.s} s ${b.role} ${b.level} ${b.text}` : "nothing";
    if ((!a && onlyAtTheEnd(real.log.slice(k), untilS)) || (!b && onlyAtTheEnd(model.log.slice(k), untilS))) break;
    if (!a || !b || a.text !== b.text || a.role !== b.role || a.level !== b.level || !close(a.s, b.s)) {
      out.push({ where: `log[${k}]`, model: fa, real: fb });
      break; // the rest of the log is shifted by the first difference
    }
  }
  if (model.bgsaves.join(",") !== real.bgsaves.join(",")) out.push({ where: "BGSAVE targets", model: model.bgsaves.join(", ") || "none", real: real.bgsaves.join(", ") || "none" });
  for (const id of Object.keys(model.replicas)) {
    const m = model.replicas[id] ?? [];
    const r = real.replicas[id] ?? [];
    const extra = m.length > r.length ? m.slice(r.length) : r.slice(m.length);
    if (m.length !== r.length && !onlyAtTheEnd(extra, untilS)) out.push({ where: `${id} connections`, model: String(m.length), real: String(r.length) });
    for (let k = 0; k < Math.min(m.length, r.length); k++) compareConnection(`${id} connection ${k + 1}`, m[k], r[k], out, untilS);
  }
  for (const id of Object.keys(model.final)) {
    if (model.final[id] !== real.final[id]) out.push({ where: `${id} final state`, model: model.final[id] ?? "?", real: real.final[id] ?? "?" });
  }
  return out;
}
