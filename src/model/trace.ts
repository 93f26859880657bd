/**
 * The trace: what runScenario produces, as plain data (docs/architecture.md describes the format).
 * A trace is a list of frames; frame i is the whole visible state after one executed line of
 * startBgsaveForReplication ("line" frames) or after one happening that changed something visible
 * ("event" frames). What each connection wrote and queued is kept once per connection in `wires`,
 * with frame stamps, and read at a frame with ioOf / wireAt / outputBufferAt.
 */
import type { RedisVersion } from "./versions/names";
import type { DropReason, ReplicaContext, ReplicaStateName } from "../machines/replica";
import type { ScenarioEvent } from "../scenarios/schema";
import type { FlagName, ReplStateName } from "./constants";
import type { Note } from "./notes";
import type { ChildProcess, LogEntry, PortLocals } from "./types";

/**
 * @5: the replication stream is kept once (`Trace.stream`), and a connection that followed it says
 * where (`ConnectionIo.follows`: read wires with wireLengthAt / wireSlice / wireEntries), instead of
 * every ONLINE replica's wire holding its own copy of every command. A child's view carries its exit status (`exit`: code and signal), a connection's view the
 * time of its last interaction as the primary counts it (`lastinteraction`, which the diskless
 * delay is measured from), and a replica's own view what its timeout is measured from (`lastio`
 * while it waits, its cron's phase and its sync command), so the page can draw a killed or failing
 * child and the countdowns of docs/behaviour.md §8 and §9.
 * @4: a frame's `replicas` holds the connections live at it (open, or its replica's latest); closed,
 * superseded ones are in `Trace.retired` (read with retiredAt), so frames no longer grow with every
 * connection ever made; `ReplicaView.slot` is the connection's order, not its index in `replicas`.
 * @3: each note is on one frame only (an event frame no longer repeats its line frames' notes;
 * read a happening's with happeningNotes), notes are a typed union, a condition line carries its
 * value (`condition`), markers are `{kind, target}` data, a replica's cron cause has no `action`.
 * @2: what each connection wrote and queued is kept once per connection in `wires`, with frame
 * stamps (see `ioOf`, `wireAt`), instead of per-frame extents (@1's `Frame.io`).
 */
export const TRACE_FORMAT = "fullresync-lab/trace@6";

/** What caused a frame. */
export type Cause =
  | { type: "start" }
  | { type: "event"; index: number; event: ScenarioEvent }
  | { type: "serverCron" }
  | { type: "replicationCron" }
  | { type: "childDone"; kind: ChildProcess["kind"]; pid: number }
  | { type: "bulk"; replica: string }
  /** The replica's own once-a-second cron (its ACK, its timeouts, its reconnection). */
  | { type: "replica"; replica: string };

export interface ChildView {
  pid: number;
  kind: ChildProcess["kind"];
  origin: ChildProcess["origin"];
  startedAt: number;
  doneAt: number;
  exited: boolean;
  killed: boolean;
  /** Its exit status once it exited: the code, or the signal that killed it (0 if none). */
  exit: { code: number; signal: number } | null;
  targets: string[];
}

export interface ServerView {
  role: "master" | "replica";
  upstreamConnected: boolean;
  hasMaster: boolean;
  hasCachedMaster: boolean;
  replDisklessSync: boolean;
  replDisklessSyncDelay: number;
  replTimeout: number;
  unixtime: number;
  replid: string;
  masterReplOffset: number;
  replBacklog: boolean;
  slaveseldb: number;
  rdbChildType: "none" | "disk" | "socket";
  child: ChildView | null;
  aofRewriteScheduled: boolean;
  rdbFile: { exists: boolean; size: number; writtenBy: number };
  scriptCache: string[];
  scriptCacheFlushes: number;
  forkFails: null | "EAGAIN" | "ENOMEM";
  /** Keys of the connections in server.slaves, in list order. */
  slaves: string[];
}

/**
 * Where the replica itself is in its sync (its repl_state, simplified): not yet connected, waiting
 * for the reply to PSYNC/SYNC, receiving the RDB, synced, about to reconnect, or gone for good.
 */
export type AgentPhase = "idle" | "waitReply" | "transfer" | "connected" | "retry" | "gone";

export interface ReplicaView {
  /** "<id>#<conn>" */
  key: string;
  id: string;
  conn: number;
  cid: number;
  name: string;
  command: "PSYNC" | "SYNC";
  /** Its capabilities (a shared, frozen array). */
  capa: readonly ("eof" | "psync2")[];
  replstate: ReplStateName;
  inSlaves: boolean;
  /** Client flags without the CLIENT_ prefix (a shared, frozen array). */
  flags: readonly FlagName[];
  psyncInitialOffset: number;
  putOnlineOnAck: boolean;
  repldboff: number;
  repldbsize: number;
  /** The statechart: state name ("ONLINE.waitingForAck"), last transition, drop reason. */
  machine: ReplicaStateName;
  lastTransition: ReplicaContext["lastTransition"];
  dropReason: DropReason | null;
  closed: boolean;
  /** The order in which the primary accepted its connections: 0 for the first one ever. */
  slot: number;
  /**
   * `c->lastinteraction` in whole seconds: when the primary last heard from it (its sync command).
   * replicationCron's diskless delay counts from it (docs/behaviour.md §9).
   */
  lastinteraction: number;
}

/** How much of a connection's wire and output-buffer logs exist at one frame (see ioOf). */
export interface ReplicaIo {
  /** trace.wires[key].wire.slice(0, wireLen) reached the socket. */
  wireLen: number;
  /** trace.wires[key].reply.slice(replyStart, replyEnd) is queued, unsent. */
  replyStart: number;
  replyEnd: number;
}

/**
 * Everything one connection's socket and output buffer ever held, and from which frame on each
 * entry shows. Both logs only grow, so a frame's view of them is a pair of lengths (ioOf); the
 * stamps are frame indexes in non-decreasing order.
 */
export interface ConnectionIo {
  /** Every message written to the socket, in order. */
  wire: string[];
  /** Every entry ever queued in the output buffer, in order. */
  reply: string[];
  /** wireFrame[k]: the first frame in which wire[k] has reached the socket. */
  wireFrame: number[];
  /** queuedFrame[k]: the first frame in which reply[k] has been queued. */
  queuedFrame: number[];
  /** sentFrame[k]: the first frame in which reply[k] has left the buffer (none while it has not). */
  sentFrame: number[];
  /**
   * A connection that received the replication stream as it came (an ONLINE replica): after
   * `wire`, its socket got `Trace.stream.text.slice(from, to)`, each entry from the frame its
   * stream stamp says. Read a connection's whole wire with wireEntries.
   */
  follows?: { from: number; to: number };
}

export interface AgentView {
  id: string;
  phase: AgentPhase;
  conn: number;
  logLen: number;
  /** Its sync command now (a `replica-set` event may change it; SYNC clients never time out). */
  command: "PSYNC" | "SYNC";
  /**
   * While it waits for the primary (`waitReply`, `transfer`): `repl_transfer_lastio`, the whole
   * second it last received bytes, which its repl-timeout counts from (docs/behaviour.md §8); null
   * in any other phase.
   */
  lastio: number | null;
  /** Its own once-a-second cron runs this many ms into each second. */
  cronPhase: number;
}

export interface Frame {
  i: number;
  t: number;
  kind: "event" | "line";
  cause: Cause;
  /** Seed line just executed (line frames), or the last one executed during this happening. */
  line: number | null;
  /** Line frames of a condition (`if`, `while`): the value it evaluated to. */
  condition?: boolean;
  locals: PortLocals | null;
  notes: Note[];
  /** Server log length at this frame; new lines are log[logStart..logLen). */
  logStart: number;
  logLen: number;
  server: ServerView;
  /**
   * The connections live at this frame, in the order they were made: every open one, and each
   * replica's latest even when closed. Older closed ones are in `Trace.retired`. A view object is
   * shared by consecutive frames while it is unchanged.
   */
  replicas: ReplicaView[];
  agents: AgentView[];
}

/** A timeline marker: where a BGSAVE started, something failed, a replica went ONLINE. */
export type Marker = { frame: number; t: number } & (
  | { kind: "bgsave-start"; target: "disk" | "socket" }
  /** The call failed (startBgsaveForReplication's error path) or a child failed its replicas. */
  | { kind: "failure"; target: "bgsave" | "child" }
  /** target: the replica id. */
  | { kind: "online"; target: string }
);

export interface Trace {
  format: typeof TRACE_FORMAT;
  scenarioId: string;
  /** The Redis version the run had (docs/versions.md): its function text is the one the line numbers refer to. */
  redis: RedisVersion;
  frames: Frame[];
  log: LogEntry[];
  /** Per connection key: everything written to its socket and queued in its output buffer. */
  wires: Record<string, ConnectionIo>;
  /**
   * The replication stream, once: every command replicationFeedSlaves sent, and the frame from
   * which it shows. The connections that follow it (`ConnectionIo.follows`) share these entries
   * instead of each holding a copy (500 replicas × 20,000 writes are 20,000 entries, not 10 million).
   */
  stream: { text: string[]; frame: number[] };
  /**
   * Connections that left `frame.replicas` (closed, and no longer their replica's latest): the last
   * view of each, and the first frame that no longer has it, in that frame order.
   */
  retired: { view: ReplicaView; frame: number }[];
  /** Per replica id: what the replica itself logged. */
  replicaLogs: Record<string, LogEntry[]>;
  markers: Marker[];
  /**
   * Why the run stopped: nothing left to happen; its time horizon (`until`, or the last event plus
   * twice repl-timeout and 30 s); or the most frames a trace holds (MAX_FRAMES), before the end.
   */
  endedBy: "quiescent" | "horizon" | "frame-limit";
  endTime: number;
}

/** How many entries show at frame i, given their frame stamps (non-decreasing). */
export function shownAt(stamps: readonly number[], i: number): number {
  let lo = 0;
  let hi = stamps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((stamps[mid] as number) <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of a connection's wire entries (its own, then the stream it followed) show at frame i. */
export function wireLengthAt(trace: Trace, io: ConnectionIo, i: number): number {
  const own = shownAt(io.wireFrame, i);
  if (!io.follows) return own;
  const { from, to } = io.follows;
  return own + Math.max(0, Math.min(to, shownAt(trace.stream.frame, i)) - from);
}

const WHOLE_WIRES = new WeakMap<ConnectionIo, { wire: string[]; wireFrame: number[] }>();

/**
 * A connection's whole wire with its frame stamps: its own entries, then the part of the stream it
 * followed (made once per connection, when first asked for).
 */
export function wireEntries(trace: Trace, io: ConnectionIo): { wire: string[]; wireFrame: number[] } {
  if (!io.follows) return io;
  let whole = WHOLE_WIRES.get(io);
  if (!whole) {
    const { from, to } = io.follows;
    whole = { wire: io.wire.concat(trace.stream.text.slice(from, to)), wireFrame: io.wireFrame.concat(trace.stream.frame.slice(from, to)) };
    WHOLE_WIRES.set(io, whole);
  }
  return whole;
}

/** A connection's wire / output-buffer extents at a frame. */
export function ioOf(trace: Trace, frame: Frame, r: ReplicaView): ReplicaIo {
  const io = trace.wires[r.key];
  if (!io) return { wireLen: 0, replyStart: 0, replyEnd: 0 };
  const i = frame.i;
  return { wireLen: wireLengthAt(trace, io, i), replyStart: shownAt(io.sentFrame, i), replyEnd: shownAt(io.queuedFrame, i) };
}

/** Per replica id, its retired connections and the frames from which they are gone (built once per trace). */
const RETIRED_BY_ID = new WeakMap<Trace, Map<string, { views: ReplicaView[]; frames: number[] }>>();

/**
 * A replica's earlier connections at frame i that are no longer live (oldest first): the last
 * `limit` of them, and how many there are in all.
 */
export function retiredAt(trace: Trace, i: number, id: string, limit = Infinity): { views: ReplicaView[]; count: number } {
  let byId = RETIRED_BY_ID.get(trace);
  if (!byId) {
    byId = new Map();
    for (const { view, frame } of trace.retired) {
      let entry = byId.get(view.id);
      if (!entry) byId.set(view.id, (entry = { views: [], frames: [] }));
      entry.views.push(view);
      entry.frames.push(frame);
    }
    RETIRED_BY_ID.set(trace, byId);
  }
  const entry = byId.get(id);
  if (!entry) return { views: [], count: 0 };
  const count = shownAt(entry.frames, i);
  return { views: entry.views.slice(Math.max(0, count - limit), count), count };
}

/** Entries a..b of a connection's wire (its own, then the stream it followed), without copying the rest. */
export function wireSlice(trace: Trace, io: ConnectionIo, a: number, b: number): string[] {
  const own = io.wire.length;
  if (b <= own || !io.follows) return io.wire.slice(a, b);
  const from = io.follows.from;
  const tail = trace.stream.text.slice(from + Math.max(0, a - own), from + (b - own));
  return a >= own ? tail : io.wire.slice(a).concat(tail);
}

/** What reached the connection's socket by this frame. */
export function wireAt(trace: Trace, frame: Frame, r: ReplicaView): string[] {
  const io = trace.wires[r.key];
  return io ? wireSlice(trace, io, 0, wireLengthAt(trace, io, frame.i)) : [];
}

/** What sits queued, unsent, in the connection's output buffer at this frame. */
export function outputBufferAt(trace: Trace, frame: Frame, r: ReplicaView): string[] {
  const io = ioOf(trace, frame, r);
  return trace.wires[r.key]?.reply.slice(io.replyStart, io.replyEnd) ?? [];
}

/**
 * The timeline markers. A happening's notes sit on its line frames and its event frame; its
 * markers point at the event frame, where stepping by event lands.
 */
export function markersOf(frames: Frame[]): Marker[] {
  const out: Marker[] = [];
  // The line frames since the last event frame, whose notes the next event frame's markers take.
  let from = 0;
  for (let k = 0; k < frames.length; k++) {
    const f = frames[k] as Frame;
    if (f.kind === "line") continue;
    for (let j = from; j <= k; j++) addMarkers(out, (frames[j] as Frame).notes, f);
    from = k + 1;
  }
  return out;
}

/**
 * The markers `notes` (of event frame `f`, or of a line frame before it since the previous event
 * frame) make at `f`, added to `out` in order. The recorder calls it as it makes each event
 * frame, so that a run's markers are markersOf(frames) without a pass over every frame at the end.
 */
export function addMarkers(out: Marker[], notes: readonly Note[], f: Frame): void {
  for (let n = 0; n < notes.length; n++) {
    const marker = markerOf(notes[n] as Note, f);
    if (marker) out.push(marker);
  }
}

/** The timeline marker a note makes at event frame `f`, if any. */
function markerOf(n: Note, f: Frame): Marker | null {
  switch (n.key) {
    case "rdb.diskChild":
      return { frame: f.i, t: f.t, kind: "bgsave-start", target: "disk" };
    case "rdb.socketChild":
      return { frame: f.i, t: f.t, kind: "bgsave-start", target: "socket" };
    case "port.failed":
      return { frame: f.i, t: f.t, kind: "failure", target: "bgsave" };
    case "update.childError":
    case "socket.closing":
      return { frame: f.i, t: f.t, kind: "failure", target: "child" };
    case "online":
      return { frame: f.i, t: f.t, kind: "online", target: n.replica };
    default:
      return null;
  }
}

/** The target a startBgsaveForReplication call chose. */
export type BgsaveTarget = "disk" | "socket";

/**
 * The target chosen by the latest call, given the one before frame `f` (fold it over the frames):
 * from `socket_target` as soon as line 21 computed it, as the Decision box shows it. With the
 * running RDB child's type this is what the "BGSAVE target" status shows.
 */
export function lastCallTarget(before: BgsaveTarget | null, f: Frame): BgsaveTarget | null {
  const chosen = f.locals?.socket_target;
  return chosen === undefined ? before : chosen ? "socket" : "disk";
}

/** Every note of the happening that frame `i` belongs to: its line frames' and its event frame's. */
export function happeningNotes(trace: Trace, i: number): Note[] {
  let end = i;
  while (end < trace.frames.length - 1 && trace.frames[end]?.kind === "line") end++;
  let start = end;
  while (start > 0 && trace.frames[start - 1]?.kind === "line") start--;
  const out: Note[] = [];
  for (let k = start; k <= end; k++) out.push(...(trace.frames[k] as Frame).notes);
  return out;
}

/** The statechart state the port's replstate implies for a connection (tests compare the two). */
export function expectedMachineState(r: Pick<ReplicaView, "closed" | "flags" | "replstate" | "putOnlineOnAck" | "inSlaves" | "dropReason">): ReplicaStateName {
  const isReplica = r.flags.includes("SLAVE") && r.inSlaves;
  if (r.closed || (!isReplica && r.replstate !== "NONE") || r.flags.includes("CLOSE_AFTER_REPLY")) return "dropped";
  // From 5.0.5 the error loop first sets replstate back to NONE (docs/versions.md §4.1): the
  // connection is then, to the port, a normal client, as one in its handshake is; what tells the
  // two apart is that the loop dropped this one (a new connection leaves NONE as it becomes a
  // replica, and never has a drop reason).
  if (r.replstate === "NONE" && (isReplica || r.dropReason === "bgsave-failed")) return "dropped";
  if (r.replstate === "NONE") return "handshake";
  if (r.replstate === "ONLINE") return r.putOnlineOnAck ? "ONLINE.waitingForAck" : "ONLINE.streaming";
  return r.replstate;
}

