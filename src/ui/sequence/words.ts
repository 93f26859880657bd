/**
 * What the sequence diagram says, from the model's data and the reader's words: each arrow's
 * short label, its full text and its accessible name, the lanes' titles, the bands' names.
 * The protocol's own text stays as Redis writes it.
 */
import { formatSeconds } from "../../model/format";
import { bytes } from "../i18n/format";
import type { SequenceDict } from "../i18n";
import { idList } from "../view/replicaGroups";
import type { Band, ChildBar, Lane, SeqMessage } from "./sequenceModel";

/** Longer labels are cut with "…" on the arrow (the whole text is in its name). */
const MAX_LABEL = 26;

export function cut(text: string, max = MAX_LABEL): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The lane's title, and for a group the replicas it holds in a short line. */
export function laneTitle(lane: Lane, w: SequenceDict): { title: string; sub: string | null } {
  switch (lane.kind) {
    case "child":
      return { title: w.lanes.child, sub: null };
    case "primary":
      return { title: w.lanes.primary, sub: null };
    case "replica":
      return { title: lane.ids[0] ?? "", sub: null };
    case "group": {
      const state = !lane.state || lane.state === "none" ? w.lanes.notConnected : lane.state;
      return { title: w.lanes.group(state, lane.ids.length), sub: idList(lane.ids, 18, w.lanes.more) };
    }
  }
}

/** An arrow's whole text: the protocol's words, or the reader's words for what a process did. */
export function messageText(m: SeqMessage, w: SequenceDict): string {
  switch (m.kind) {
    case "sync":
      return m.command === "SYNC" ? "SYNC" : `PSYNC ? -1${m.capa.length ? ` (capa ${m.capa.join(" ")})` : ""}`;
    case "fullresync":
      return `+FULLRESYNC ${m.replid} ${m.offset}`;
    case "keepalive":
      return m.count > 1 ? `\\n ×${m.count}` : "\\n";
    case "bulk":
      return m.text;
    case "rdb":
      return w.rdb(bytes(m.bytes), m.mark);
    case "stream": {
      const more = m.count > m.commands.length ? " …" : "";
      return `${m.commands.join(" · ")}${more}${m.count > 1 ? ` ×${m.count}` : ""}`;
    }
    case "reply":
      return m.text;
    case "queued":
      return `${m.text}${m.count > 1 ? ` ×${m.count}` : ""}`;
    case "ack":
      return `REPLCONF ACK ${m.offset}`;
    case "fork":
      return m.pid !== null ? w.fork(m.pid) : w.forkFailed(m.errno ?? "");
    case "exit":
      return m.outcome === "killed" ? w.exit.killed(m.signal) : m.outcome === "failed" ? w.exit.failed(m.code) : w.exit.done(m.code);
    case "close":
      return w.close[m.reason];
  }
}

/** What the arrow shows: short forms of long protocol text. */
export function messageLabel(m: SeqMessage, w: SequenceDict): string {
  let text: string;
  switch (m.kind) {
    case "sync":
      text = m.command === "SYNC" ? "SYNC" : `PSYNC ? -1${m.capa.length ? ` (${m.capa.join(" ")})` : ""}`;
      break;
    case "fullresync":
      text = `+FULLRESYNC ${m.replid.slice(0, 8)}… ${m.offset}`;
      break;
    case "bulk":
      text = m.eof ? `$EOF:${m.text.slice(5, 13)}…` : m.text;
      break;
    case "stream": {
      const shown = m.commands.slice(0, 2).join(" · ");
      text = `${m.count > 1 ? cut(shown, 17) : cut(shown, 22)}${m.count > 1 ? ` ×${m.count}` : ""}`;
      break;
    }
    case "queued":
    case "reply":
      text = cut(messageText(m, w), 23);
      break;
    default:
      text = messageText(m, w);
  }
  return m.replicas > 1 ? `${text} ${w.replicas(m.replicas)}` : text;
}

/** The arrow's accessible name: what, from which lane to which, and when. */
export function messageName(m: SeqMessage, lanes: Lane[], w: SequenceDict): string {
  const from = laneTitle(lanes[m.from] as Lane, w).title;
  const to = laneTitle(lanes[m.to] as Lane, w).title;
  let text = messageText(m, w);
  if (m.kind === "queued") text = `${text}: ${m.error ? `${w.queued} (${w.queuedWhy})` : m.closed ? w.queued : w.stillQueued}`;
  const at = formatSeconds(m.t);
  let name = m.lastFrame !== m.frame && m.lastT !== m.t ? w.runName(text, from, to, at, formatSeconds(m.lastT)) : w.arrowName(text, from, to, at);
  if (m.replicas > 1) name += lanes[m.to]?.kind === "group" ? w.toReplicas(m.replicas) : w.fromReplicas(m.replicas);
  if (m.conn > 1 && m.replicas <= 1) name += w.connection(m.conn);
  return name;
}

export function bandText(b: Band, w: SequenceDict): string {
  return b.kind === "delay" ? w.bands.delay(b.delay ?? 0) : w.bands[b.kind];
}

/** A band's name; `open`: only its start is shown (what follows is hidden for now). */
export function bandName(b: Band, lanes: Lane[], w: SequenceDict, open = false): string {
  const lane = laneTitle(lanes[b.lane] as Lane, w).title;
  return open ? w.bandOpen(bandText(b, w), lane, formatSeconds(b.t)) : w.bandName(bandText(b, w), lane, formatSeconds(b.t), formatSeconds(b.endT));
}

export function childText(c: ChildBar, w: SequenceDict): string {
  return w.childBar(w.child[c.child], c.pid);
}

export function childName(c: ChildBar, w: SequenceDict, open = false): string {
  return open ? w.bandOpen(childText(c, w), w.lanes.child, formatSeconds(c.t)) : w.childName(childText(c, w), w.childEnd[c.outcome], formatSeconds(c.t), formatSeconds(c.endT));
}
