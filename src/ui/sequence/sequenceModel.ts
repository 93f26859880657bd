/**
 * The whole sync as a sequence diagram, as data (no React, no DOM): lanes (the forked child, the
 * primary, one per replica or, beyond a dozen, one per group), every message between them at the
 * frame it happened, the waits as bands and each child's life as a bar.
 *
 * What is drawn from what (docs/architecture.md §14):
 * - what reached a socket or stayed queued: the trace's per-connection `wires`, with their frame
 *   stamps (keep-alive newlines, +FULLRESYNC, `$<len>` / `$EOF:`, the RDB, the stream, replies);
 *   a reply still in the output buffer at the end never left it (the 4.0.14 `-ERR`);
 * - what the replicas sent and what the processes did: the notes (PSYNC/SYNC, the first
 *   REPLCONF ACK, fork, the child's exit, a connection closed and why);
 * - the waits: the diskless delay and the AOF wait (from the note that starts them to the next
 *   startBgsaveForReplication), the transfer (`$…` to the RDB), the wait for the first ACK, and
 *   the silence after an error reply that is never sent.
 * The lanes are fixed for the whole run; a replica's connections share its lane.
 */
import type { Frame, Note, ReplicaView, Trace } from "../../model";
import { wireEntries } from "../../model/trace";
import { GROUP_ORDER, replicaGroups } from "../view/replicaGroups";
import { replicaRows, type StateKind } from "../view/replicaRows";

/** Up to this many replicas get a lane each; more are grouped by the state they end in. */
export const MAX_REPLICA_LANES = 12;

export type LaneKind = "child" | "primary" | "replica" | "group";

export interface Lane {
  index: number;
  kind: LaneKind;
  key: string;
  /** The replicas on this lane (one for a replica lane). */
  ids: string[];
  /** A group lane: the state its replicas end the run in. */
  state?: StateKind;
}

export type ChildKind = "rdb-disk" | "rdb-socket" | "aof";
export type CloseReason = "timeout" | "disconnect" | "childFailed" | "tryLater" | "gaveUp";

/** What a message is; the protocol's own text where it has one (it is not translated). */
export type MessageBody =
  | { kind: "sync"; command: "PSYNC" | "SYNC"; capa: readonly ("eof" | "psync2")[] }
  | { kind: "fullresync"; replid: string; offset: number }
  | { kind: "keepalive" }
  | { kind: "bulk"; text: string; eof: boolean }
  | { kind: "rdb"; bytes: number; via: "disk" | "socket"; mark: boolean }
  | { kind: "stream"; commands: string[] }
  | { kind: "reply"; text: string; error: boolean }
  /** Queued in the output buffer and never written to the socket. */
  | { kind: "queued"; text: string; error: boolean; closed: boolean }
  | { kind: "ack"; offset: number }
  | { kind: "fork"; child: ChildKind; pid: number | null; errno: "EAGAIN" | "ENOMEM" | null }
  | { kind: "exit"; child: ChildKind; pid: number; outcome: "done" | "failed" | "killed"; code: number; signal: number }
  | { kind: "close"; by: "primary" | "replica"; reason: CloseReason };

export type MessageKind = MessageBody["kind"];

export type SeqMessage = MessageBody & {
  /** Stable within a trace. */
  id: string;
  from: number;
  to: number;
  /** The frame from which it has happened (clicking it seeks there), and its virtual time. */
  frame: number;
  t: number;
  /** A run of repeats drawn as one arrow ends here (the same as frame/t otherwise). */
  lastFrame: number;
  lastT: number;
  /** Repeats: keep-alive newlines, stream commands or queued entries it stands for. */
  count: number;
  /** How many replicas it concerns (more than one on a group lane). */
  replicas: number;
  /** The (first) replica it concerns, and its connection number; null / 0 for the processes. */
  replica: string | null;
  conn: number;
};

export type BandKind = "delay" | "aofWait" | "transfer" | "ackWait" | "silence";

export interface Band {
  kind: BandKind;
  lane: number;
  frame: number;
  t: number;
  /** null: it lasts to the end of the run. */
  endFrame: number | null;
  endT: number;
  /** The diskless delay in seconds (kind "delay"). */
  delay?: number;
}

/** One forked child's life: from its fork to its exit (or the end of the run). */
export interface ChildBar {
  pid: number;
  child: ChildKind;
  frame: number;
  t: number;
  endFrame: number | null;
  endT: number;
  outcome: "done" | "failed" | "killed" | "running";
}

export interface SequenceModel {
  lanes: Lane[];
  /** In the order they happened (frame, then the order within a happening). */
  messages: SeqMessage[];
  bands: Band[];
  children: ChildBar[];
  grouped: boolean;
  endFrame: number;
  endT: number;
}

export const CHILD_LANE = 0;
export const PRIMARY_LANE = 1;

/**
 * The order of messages within one frame, where one happening wrote several: a connection closed
 * before its replica reconnects; PSYNC before its replies; +FULLRESYNC after a disk fork but
 * before a socket fork (rdbSaveToSlavesSockets sets the replicas up first); the error reply after
 * the failed fork; the RDB before the child exits; the ACK before the stream it lets out.
 */
const RANK: Record<string, number> = {
  close: 0,
  sync: 1,
  reply: 2,
  keepalive: 3,
  forkDisk: 4,
  fullresync: 5,
  fork: 6,
  bulk: 7,
  queuedError: 8,
  rdb: 9,
  exit: 10,
  ack: 11,
  stream: 12,
  queued: 13,
};

/** The first few commands a stream arrow names. */
const STREAM_SHOWN = 3;
/** Longer runs of stream deliveries with nothing else on the lane between are drawn as one. */
const STREAM_RUN = 8;
/** On a group lane, an idle gap this long starts a new stretch (the layout's break). */
const CLUSTER_GAP_MS = 5000;

const cache = new WeakMap<Trace, SequenceModel>();

/** The sequence model of a trace (built once per trace; traces never change). */
export function sequenceModel(trace: Trace): SequenceModel {
  let model = cache.get(trace);
  if (!model) {
    model = build(trace);
    cache.set(trace, model);
  }
  return model;
}

interface Draft {
  body: MessageBody;
  from: number;
  to: number;
  frame: number;
  rank: number;
  seq: number;
  count: number;
  /** The replicas it concerns, as connections add to it one after another (an id may repeat). */
  ids: string[];
  replica: string | null;
  conn: number;
  lastFrame: number;
}

function build(trace: Trace): SequenceModel {
  const frames = trace.frames;
  const last = frames[frames.length - 1] as Frame;
  const { lanes, laneOf } = buildLanes(trace, last);
  const grouped = lanes.some((l) => l.kind === "group");

  // Messages of a lane-level kind at one frame merge (one arrow to a group, "(37)").
  const drafts = new Map<string, Draft>();
  let seq = 0;
  const add = (body: MessageBody, from: number, to: number, frame: number, rank: number, replica: string | null, conn: number, count = 1) => {
    const key = `${from}|${to}|${frame}|${signature(body)}`;
    const d = drafts.get(key);
    if (d) {
      if (count > d.count) d.count = count;
      if (replica && replica !== d.ids[d.ids.length - 1]) d.ids.push(replica);
      return;
    }
    drafts.set(key, { body, from, to, frame, rank, seq: seq++, count, ids: replica ? [replica] : [], replica, conn, lastFrame: frame });
  };

  // Keep-alives and the stream are most of what is written: one arrow per lane and frame, kept
  // in a table per lane indexed by frame.
  const frequent: Draft[] = [];
  const tables = new Map<number, (Draft | undefined)[]>();
  const addFrequent = (stream: boolean, to: number, frame: number, id: string, conn: number, wire: string[], first: number, end: number) => {
    const tableKey = to * 2 + (stream ? 1 : 0);
    let table = tables.get(tableKey);
    if (!table) {
      table = new Array<Draft | undefined>(frames.length);
      tables.set(tableKey, table);
    }
    const count = end - first;
    const d = table[frame];
    if (d) {
      if (count > d.count) d.count = count;
      if (id !== d.ids[d.ids.length - 1]) d.ids.push(id);
      return;
    }
    const body: MessageBody = stream ? { kind: "stream", commands: wire.slice(first, Math.min(end, first + STREAM_SHOWN)) } : { kind: "keepalive" };
    const rank = (stream ? RANK.stream : RANK.keepalive) as number;
    const draft: Draft = { body, from: PRIMARY_LANE, to, frame, rank, seq: seq++, count, ids: [id], replica: id, conn, lastFrame: frame };
    table[frame] = draft;
    frequent.push(draft);
  };

  // The connection each replica is on, from its own view at a frame.
  const agentSlot = new Map<string, number>();
  (frames[0]?.agents ?? []).forEach((a, k) => agentSlot.set(a.id, k));
  const connAt = (f: Frame, id: string): number => {
    const k = agentSlot.get(id);
    return k === undefined ? 0 : (f.agents[k]?.conn ?? 0);
  };
  // A replica's latest connection as its notes tell it (a close and a reconnection can share a frame).
  const lastConn = new Map<string, number>();
  // What the primary last knew of each connection (its command and capabilities, closed or not).
  const views = new Map<string, ReplicaView>();
  for (const r of last.replicas) views.set(r.key, r);

  const bandsOpen: { kind: BandKind; lane: number; frame: number; replica: string | null; delay?: number }[] = [];
  const bands: Band[] = [];
  const children: ChildBar[] = [];
  const openChildren = new Map<number, ChildBar>();
  let waitOpen: (typeof bandsOpen)[number] | null = null;

  // Notes: what the replicas sent, what the processes did, and where waits begin and end.
  for (const f of frames) {
    const notes = f.notes;
    for (let k = 0; k < notes.length; k++) {
      const n = notes[k] as Note;
      const replicaLane = (id: string) => laneOf.get(id) ?? -1;
      switch (n.key) {
        case "sync.accepted":
        case "sync.nomasterlink":
        case "sync.pendingOutput": {
          const lane = replicaLane(n.replica);
          if (lane < 0) break;
          const conn = connAt(f, n.replica);
          lastConn.set(n.replica, conn);
          const view = views.get(`${n.replica}#${conn}`);
          const command = n.key === "sync.accepted" ? n.command : (view?.command ?? "PSYNC");
          const capa = n.key === "sync.accepted" ? capaOf(n.capa) : (view?.capa ?? []);
          add({ kind: "sync", command, capa: command === "SYNC" ? [] : capa }, lane, PRIMARY_LANE, f.i, RANK.sync as number, n.replica, conn);
          break;
        }
        case "sync.delay":
        case "sync.aofActive":
          if (!waitOpen) {
            waitOpen = { kind: n.key === "sync.delay" ? "delay" : "aofWait", lane: PRIMARY_LANE, frame: f.i, replica: null };
            if (n.key === "sync.delay") waitOpen.delay = n.delay;
          }
          break;
        case "port.target":
          if (waitOpen) {
            bands.push({ ...bandOf(waitOpen, frames), endFrame: f.i, endT: f.t });
            waitOpen = null;
          }
          break;
        case "ack.first": {
          const lane = replicaLane(n.replica);
          if (lane >= 0) add({ kind: "ack", offset: n.offset }, lane, PRIMARY_LANE, f.i, RANK.ack as number, n.replica, connAt(f, n.replica));
          closeBands(bandsOpen, bands, frames, (b) => b.kind === "ackWait" && b.replica === n.replica, f);
          break;
        }
        case "update.streamDone": {
          const lane = replicaLane(n.replica);
          if (lane >= 0) bandsOpen.push({ kind: "ackWait", lane, frame: f.i, replica: n.replica });
          break;
        }
        case "rdb.diskChild":
        case "rdb.socketChild":
        case "aof.started": {
          const child: ChildKind = n.key === "rdb.diskChild" ? "rdb-disk" : n.key === "rdb.socketChild" ? "rdb-socket" : "aof";
          add({ kind: "fork", child, pid: n.pid, errno: null }, PRIMARY_LANE, CHILD_LANE, f.i, (child === "rdb-socket" ? RANK.fork : RANK.forkDisk) as number, null, 0);
          const bar: ChildBar = { pid: n.pid, child, frame: f.i, t: f.t, endFrame: null, endT: trace.endTime, outcome: "running" };
          children.push(bar);
          openChildren.set(n.pid, bar);
          break;
        }
        case "rdb.forkFailed":
        case "aof.forkFailed": {
          const child: ChildKind = n.key === "aof.forkFailed" ? "aof" : n.target === "socket" ? "rdb-socket" : "rdb-disk";
          add({ kind: "fork", child, pid: null, errno: n.errno }, PRIMARY_LANE, CHILD_LANE, f.i, RANK.fork as number, null, 0);
          break;
        }
        case "child.workDone":
        case "child.failed":
        case "child.killed": {
          const outcome = n.key === "child.killed" ? "killed" : n.key === "child.failed" || n.code !== 0 ? "failed" : "done";
          const code = n.key === "child.workDone" ? n.code : n.key === "child.failed" ? 1 : 0;
          const signal = n.key === "child.killed" ? n.signal : 0;
          add({ kind: "exit", child: n.kind, pid: n.pid, outcome, code, signal }, CHILD_LANE, PRIMARY_LANE, f.i, RANK.exit as number, null, 0);
          const bar = openChildren.get(n.pid);
          if (bar) {
            bar.endFrame = f.i;
            bar.endT = f.t;
            bar.outcome = outcome;
            openChildren.delete(n.pid);
          }
          break;
        }
        case "event.disconnect":
        case "replica.timeout":
        case "replica.tryLater":
        case "replica.gaveUp": {
          const lane = replicaLane(n.replica);
          const reason: CloseReason =
            n.key === "event.disconnect" ? "disconnect" : n.key === "replica.timeout" ? "timeout" : n.key === "replica.tryLater" ? "tryLater" : "gaveUp";
          if (lane >= 0) add({ kind: "close", by: "replica", reason }, lane, PRIMARY_LANE, f.i, RANK.close as number, n.replica, lastConn.get(n.replica) ?? connAt(f, n.replica));
          break;
        }
        case "cron.timedout":
        case "update.childError":
        case "update.noFile":
        case "socket.closing": {
          const lane = replicaLane(n.replica);
          const reason: CloseReason = n.key === "cron.timedout" ? "timeout" : "childFailed";
          if (lane >= 0) add({ kind: "close", by: "primary", reason }, PRIMARY_LANE, lane, f.i, RANK.close as number, n.replica, lastConn.get(n.replica) ?? connAt(f, n.replica));
          break;
        }
        default:
          break;
      }
    }
  }
  if (waitOpen) bands.push({ ...bandOf(waitOpen, frames), endFrame: null, endT: trace.endTime });

  // Wires: what reached each socket, and what stayed in its output buffer for good.
  const transfers: { lane: number; replica: string; frame: number; end: number | null }[] = [];
  for (const key of Object.keys(trace.wires)) {
    const io = trace.wires[key];
    if (!io) continue;
    const hash = key.lastIndexOf("#");
    const id = hash < 0 ? key : key.slice(0, hash);
    const conn = hash < 0 ? 0 : Number(key.slice(hash + 1)) || 0;
    const lane = laneOf.get(id);
    if (lane === undefined) continue;
    let socket = false;
    let transfer: (typeof transfers)[number] | null = null;
    const { wire, wireFrame } = wireEntries(trace, io);
    for (let k = 0; k < wire.length; k++) {
      const msg = wire[k] as string;
      const frame = wireFrame[k] as number;
      const c = msg.charCodeAt(0);
      if (c === NEWLINE) {
        const first = k;
        while (wire[k + 1] === "\n" && wireFrame[k + 1] === frame) k++;
        addFrequent(false, lane, frame, id, conn, wire, first, k + 1);
      } else if (c === PLUS && msg.startsWith("+FULLRESYNC")) {
        const [, replid = "", offset = "0"] = msg.split(" ");
        add({ kind: "fullresync", replid, offset: Number(offset) }, PRIMARY_LANE, lane, frame, RANK.fullresync as number, id, conn);
      } else if (c === DOLLAR && (msg.startsWith("$EOF:") || /^\$\d+$/.test(msg))) {
        const eof = msg.startsWith("$EOF:");
        socket ||= eof;
        add({ kind: "bulk", text: msg, eof }, PRIMARY_LANE, lane, frame, RANK.bulk as number, id, conn);
        transfer = { lane, replica: id, frame, end: null };
        transfers.push(transfer);
      } else if (c === LESS && msg.startsWith("<RDB payload")) {
        const bytes = Number(/(\d+) bytes/.exec(msg)?.[1] ?? 0);
        const mark = socket && isMark(wire[k + 1]);
        if (mark) k++;
        add({ kind: "rdb", bytes, via: socket ? "socket" : "disk", mark }, socket ? CHILD_LANE : PRIMARY_LANE, lane, frame, RANK.rdb as number, id, conn);
        if (transfer && transfer.end === null) transfer.end = frame;
      } else if (c === PLUS || c === MINUS) {
        add({ kind: "reply", text: msg, error: c === MINUS }, PRIMARY_LANE, lane, frame, RANK.reply as number, id, conn);
      } else if (isMark(msg)) {
        // The streamed RDB's end mark, already drawn with the payload.
      } else {
        // The commands that reached the socket together; the arrow names the first few.
        const first = k;
        while (k + 1 < wire.length && wireFrame[k + 1] === frame && isStream(wire[k + 1] as string)) k++;
        addFrequent(true, lane, frame, id, conn, wire, first, k + 1);
      }
    }
    // Entries that never left the output buffer: stubs that stop short of the replica.
    const { reply, queuedFrame, sentFrame } = io;
    const view = views.get(key);
    const closed = !view || view.closed;
    for (let k = sentFrame.length; k < reply.length; k++) {
      const text = reply[k] as string;
      const frame = queuedFrame[k] as number;
      const error = text.startsWith("-");
      let n = 1;
      while (!error && k + 1 < reply.length && queuedFrame[k + 1] === frame && !(reply[k + 1] as string).startsWith("-")) {
        n++;
        k++;
      }
      add({ kind: "queued", text, error, closed }, PRIMARY_LANE, lane, frame, (error ? RANK.queuedError : RANK.queued) as number, id, conn, n);
    }
  }

  const sorted = [...drafts.values(), ...frequent].sort((a, b) => a.frame - b.frame || a.rank - b.rank || a.seq - b.seq);
  const merged = mergeGroupClusters(collapseRuns(sorted, lanes), lanes, frames);
  const messages: SeqMessage[] = merged.map((d, k) => {
    const f = frames[d.frame] as Frame;
    const lf = frames[d.lastFrame] as Frame;
    return {
      ...d.body,
      id: `m${k}:${d.frame}:${d.body.kind}:${d.from}-${d.to}`,
      from: d.from,
      to: d.to,
      frame: d.frame,
      t: f.t,
      lastFrame: d.lastFrame,
      lastT: lf.t,
      count: d.count,
      replicas: Math.max(1, new Set(d.ids).size),
      replica: d.replica,
      conn: d.conn,
    } as SeqMessage;
  });

  // Bands that end with what happens next on their lane: the transfer at its RDB (else when the
  // connection closes or the replica asks again), the wait for ACK, the silence after an error.
  const nextOnLane = laneEvents(messages);
  for (const tr of transfers) {
    const end = tr.end ?? nextEnd(nextOnLane, tr.lane, tr.frame, (m) => m.kind === "close" || m.kind === "sync");
    bands.push({ kind: "transfer", lane: tr.lane, frame: tr.frame, t: (frames[tr.frame] as Frame).t, endFrame: end, endT: end === null ? trace.endTime : (frames[end] as Frame).t });
  }
  for (const b of bandsOpen) {
    const end = nextEnd(nextOnLane, b.lane, b.frame, (m) => m.replica === b.replica && (m.kind === "close" || m.kind === "sync"));
    bands.push({ ...bandOf(b, frames), endFrame: end, endT: end === null ? trace.endTime : (frames[end] as Frame).t });
  }
  for (const m of messages) {
    if (m.kind !== "queued" || !m.error) continue;
    const end = nextEnd(nextOnLane, m.to, m.frame, (o) => (o.kind === "close" || o.kind === "sync") && o.frame > m.frame);
    bands.push({ kind: "silence", lane: m.to, frame: m.frame, t: m.t, endFrame: end, endT: end === null ? trace.endTime : (frames[end] as Frame).t });
  }

  return { lanes, messages, bands: mergeBands(bands), children, grouped, endFrame: last.i, endT: trace.endTime };
}

function bandOf(b: { kind: BandKind; lane: number; frame: number; delay?: number }, frames: Frame[]): Omit<Band, "endFrame" | "endT"> {
  const out: Omit<Band, "endFrame" | "endT"> = { kind: b.kind, lane: b.lane, frame: b.frame, t: (frames[b.frame] as Frame).t };
  if (b.delay !== undefined) out.delay = b.delay;
  return out;
}

function closeBands(
  open: { kind: BandKind; lane: number; frame: number; replica: string | null }[],
  bands: Band[],
  frames: Frame[],
  match: (b: (typeof open)[number]) => boolean,
  f: Frame,
): void {
  for (let k = open.length - 1; k >= 0; k--) {
    const b = open[k] as (typeof open)[number];
    if (!match(b)) continue;
    bands.push({ ...bandOf(b, frames), endFrame: f.i, endT: f.t });
    open.splice(k, 1);
  }
}

/** What makes two messages the same arrow when they go to one lane at one frame. */
function signature(b: MessageBody): string {
  switch (b.kind) {
    case "sync":
      return `sync:${b.command}:${b.capa.join(",")}`;
    case "fullresync":
      return `fullresync:${b.replid}:${b.offset}`;
    case "bulk":
      return `bulk:${b.text}`;
    case "rdb":
      return `rdb:${b.via}:${b.bytes}:${b.mark}`;
    case "stream":
      return `stream:${b.commands.join("\u0000")}`;
    case "reply":
      return `reply:${b.text}`;
    case "queued":
      return `queued:${b.text}:${b.closed}`;
    case "ack":
      return `ack:${b.offset}`;
    case "fork":
      return `fork:${b.child}:${b.pid}:${b.errno}`;
    case "exit":
      return `exit:${b.pid}:${b.outcome}`;
    case "close":
      return `close:${b.by}:${b.reason}`;
    case "keepalive":
      return "keepalive";
  }
}

function capaOf(bits: number): ("eof" | "psync2")[] {
  const out: ("eof" | "psync2")[] = [];
  if (bits & 1) out.push("eof");
  if (bits & 2) out.push("psync2");
  return out;
}

const NEWLINE = 10;
const PLUS = 43;
const MINUS = 45;
const DOLLAR = 36;
const LESS = 60;

/** A command of the replication stream (not a reply, a header, the RDB or its mark). */
function isStream(msg: string): boolean {
  const c = msg.charCodeAt(0);
  return c !== NEWLINE && c !== PLUS && c !== MINUS && c !== DOLLAR && c !== LESS && !isMark(msg);
}

/** A streamed RDB's 40-hex end mark. */
function isMark(msg: string | undefined): boolean {
  return msg !== undefined && msg.length === 40 && /^[0-9a-f]{40}$/.test(msg);
}

/**
 * Runs on one lane drawn as one arrow: consecutive keep-alive rounds, and long runs of stream
 * deliveries, with nothing else to or from that lane between them.
 */
function collapseRuns(sorted: Draft[], lanes: Lane[]): Draft[] {
  const runOf = new Map<number, Draft[]>();
  const runs: Draft[][] = [];
  const isReplicaLane = (l: number) => (lanes[l]?.kind ?? "primary") === "replica" || lanes[l]?.kind === "group";
  for (const d of sorted) {
    const k = d.body.kind;
    if ((k === "keepalive" || k === "stream") && isReplicaLane(d.to)) {
      const run = runOf.get(d.to);
      if (run && (run[0] as Draft).body.kind === k) {
        run.push(d);
        continue;
      }
      const fresh = [d];
      runs.push(fresh);
      runOf.set(d.to, fresh);
      continue;
    }
    if (isReplicaLane(d.from)) runOf.delete(d.from);
    if (isReplicaLane(d.to)) runOf.delete(d.to);
  }
  const drop = new Set<Draft>();
  for (const run of runs) {
    const head = run[0] as Draft;
    const collapse = head.body.kind === "keepalive" ? run.length > 1 : run.length > STREAM_RUN;
    if (!collapse) continue;
    let count = 0;
    for (const d of run) {
      count += d.count;
      if (d !== head) {
        absorbIds(head, d);
        drop.add(d);
      }
    }
    head.count = count;
    head.lastFrame = (run[run.length - 1] as Draft).frame;
  }
  return drop.size ? sorted.filter((d) => !drop.has(d)) : sorted;
}

/**
 * On a group lane, what its replicas do one after another (each its own ACK, a stream each, one
 * by one connecting) is drawn once, from the first to the last: messages with the same text merge
 * within a stretch of the run that no fork, child exit or long idle gap interrupts.
 */
function mergeGroupClusters(sorted: Draft[], lanes: Lane[], frames: Frame[]): Draft[] {
  if (!lanes.some((l) => l.kind === "group")) return sorted;
  const heads = new Map<string, Draft>();
  const lastT = new Map<number, number>();
  const drop = new Set<Draft>();
  for (const d of sorted) {
    const k = d.body.kind;
    if (k === "fork" || k === "exit") {
      heads.clear();
      continue;
    }
    const lane = lanes[d.to]?.kind === "group" ? d.to : lanes[d.from]?.kind === "group" ? d.from : -1;
    if (lane < 0) continue;
    const t = (frames[d.frame] as Frame).t;
    const before = lastT.get(lane);
    if (before !== undefined && t - before >= CLUSTER_GAP_MS) for (const key of heads.keys()) if (key.startsWith(`${lane}|`)) heads.delete(key);
    lastT.set(lane, t);
    const key = `${lane}|${d.from}|${d.to}|${signature(d.body)}`;
    const head = heads.get(key);
    if (!head) {
      heads.set(key, d);
      continue;
    }
    if (k === "stream" || k === "queued" || k === "keepalive") head.count += d.count;
    else if (d.count > head.count) head.count = d.count;
    absorbIds(head, d);
    if (d.lastFrame > head.lastFrame) head.lastFrame = d.lastFrame;
    drop.add(d);
  }
  return drop.size ? sorted.filter((d) => !drop.has(d)) : sorted;
}

/** The ids a merge's head holds, as a set (kept while the merges run). */
const headIds = new WeakMap<Draft, Set<string>>();

/** The head of a merge takes in the other's replicas (each id once). */
function absorbIds(head: Draft, d: Draft): void {
  if (d.ids.length === 0) return;
  let have = headIds.get(head);
  if (!have) {
    have = new Set(head.ids);
    headIds.set(head, have);
  }
  for (const id of d.ids) {
    if (have.has(id)) continue;
    have.add(id);
    head.ids.push(id);
  }
}

/** Per lane, its messages in order (to find what ends a band). */
function laneEvents(messages: SeqMessage[]): Map<number, SeqMessage[]> {
  const out = new Map<number, SeqMessage[]>();
  for (const m of messages) {
    for (const l of m.from === m.to ? [m.from] : [m.from, m.to]) {
      if (l === PRIMARY_LANE || l === CHILD_LANE) continue;
      const list = out.get(l);
      if (list) list.push(m);
      else out.set(l, [m]);
    }
  }
  return out;
}

function nextEnd(byLane: Map<number, SeqMessage[]>, lane: number, after: number, ends: (m: SeqMessage) => boolean): number | null {
  for (const m of byLane.get(lane) ?? []) if (m.frame >= after && ends(m)) return m.frame;
  return null;
}

/** Overlapping bands of one kind on one lane (a group's replicas) become one. */
function mergeBands(bands: Band[]): Band[] {
  const sorted = bands.slice().sort((a, b) => a.lane - b.lane || a.kind.localeCompare(b.kind) || a.frame - b.frame);
  const out: Band[] = [];
  for (const b of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.lane === b.lane && prev.kind === b.kind && (prev.endFrame === null || b.frame <= prev.endFrame)) {
      if (prev.endFrame !== null && (b.endFrame === null || b.endFrame > prev.endFrame)) {
        prev.endFrame = b.endFrame;
        prev.endT = b.endT;
      }
      continue;
    }
    out.push({ ...b });
  }
  return out.sort((a, b) => a.frame - b.frame || a.lane - b.lane);
}

/** The lanes: the child, the primary, then one per replica, or one per end state beyond a dozen. */
function buildLanes(trace: Trace, last: Frame): { lanes: Lane[]; laneOf: Map<string, number> } {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const a of trace.frames[0]?.agents ?? []) {
    if (!seen.has(a.id)) ids.push(a.id);
    seen.add(a.id);
  }
  for (const key of Object.keys(trace.wires)) {
    const id = key.slice(0, Math.max(0, key.lastIndexOf("#")));
    if (id && !seen.has(id)) ids.push(id);
    seen.add(id);
  }
  const lanes: Lane[] = [
    { index: CHILD_LANE, kind: "child", key: "child", ids: [] },
    { index: PRIMARY_LANE, kind: "primary", key: "primary", ids: [] },
  ];
  const laneOf = new Map<string, number>();
  if (ids.length <= MAX_REPLICA_LANES) {
    for (const id of ids) {
      laneOf.set(id, lanes.length);
      lanes.push({ index: lanes.length, kind: "replica", key: `r:${id}`, ids: [id] });
    }
    return { lanes, laneOf };
  }
  // As the diagram groups them, by state — the state each one ends the run in, so lanes stay put.
  const rows = replicaRows(trace, last);
  const known = new Set(rows.map((r) => r.id));
  const groups = replicaGroups(rows);
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) {
    const none = groups.find((g) => g.kind === "none");
    if (none) none.rows.push(...missing.map((id) => ({ id, current: null, history: [], historyCount: 0, agent: undefined })));
    else groups.unshift({ kind: "none", rows: missing.map((id) => ({ id, current: null, history: [], historyCount: 0, agent: undefined })) });
  }
  groups.sort((a, b) => GROUP_ORDER.indexOf(a.kind) - GROUP_ORDER.indexOf(b.kind));
  for (const g of groups) {
    const index = lanes.length;
    const gids = g.rows.map((r) => r.id);
    for (const id of gids) laneOf.set(id, index);
    lanes.push({ index, kind: "group", key: `g:${g.kind}`, ids: gids, state: g.kind });
  }
  return { lanes, laneOf };
}
