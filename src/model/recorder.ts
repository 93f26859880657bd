/**
 * Recording: turns the live simulation into frames. Frames are immutable, so whatever did not
 * change since the previous frame is shared with it: the server view, each connection's view, the
 * arrays holding them and the replicas' own views. That keeps long traces with many replicas
 * small; a frame in which little happened costs one pass over the live connections and allocates
 * next to nothing.
 *
 * A frame holds the connections live at it: every open one, and each replica's latest even once
 * closed (its card shows how it ended). A closed connection that is no longer its replica's latest
 * is retired: its last view goes to `Trace.retired` with the frame from which it is gone, and no
 * later frame copies or visits it. So the work per frame, and the size of a frame, follow the live
 * connections, not every connection there ever was (docs/architecture.md §6). Each frame carries the notes made since the previous frame, so a note is on exactly
 * one frame (a happening's notes are those of its line frames and of the event frame ending it).
 */
import { stateName } from "../machines/replica";
import { append, appendRepeated, clear, emptyLog } from "./grow";
import { CLIENT_PRE_PSYNC, REPLSTATE_NAMES, SLAVE_CAPA_EOF, SLAVE_CAPA_PSYNC2, flagNames } from "./constants";
import type { Note } from "./notes";
import { unixtime } from "./server";
import { CHILD_TYPE_NAMES } from "./snapshot";
import { addMarkers, type AgentPhase, type AgentView, type Cause, type ChildView, type ConnectionIo, type Frame, type Marker, type ReplicaView, type ServerView, type Trace } from "./trace";
import type { Client, PortLocals, Server } from "./types";

/** Shared by every frame with no notes (frames are read-only). */
const NO_NOTES: Note[] = [];

/** What the recorder reads of a replica's own side. */
export interface RecordedAgent {
  readonly id: string;
  readonly phase: AgentPhase;
  readonly conn: number;
  readonly log: readonly unknown[];
  readonly command: "PSYNC" | "SYNC";
  readonly lastio: number;
  readonly cronPhase: number;
  /** Its place in the agents list. */
  readonly index: number;
  /** Marked when its own code ran (replicaSide.markAgent); the recorder clears it. */
  changed: boolean;
}

export class Recorder {
  readonly frames: Frame[] = [];
  /** Trace.markers: markersOf(frames), made as the frames are (see addMarkers). */
  readonly markers: Marker[] = [];
  /** The notes of the line frames since the last event frame, whose markers the next event frame has. */
  private lineNotes: Note[][] = [];
  /** What caused the frames being made now (set by the clock loop before each happening). */
  cause: Cause = { type: "start" };
  private readonly server: Server;
  private readonly agents: readonly RecordedAgent[];
  private readonly maxFrames: number;
  private readonly views: FrameViews;
  private logMark = 0;
  private noteMark = 0;
  private lastAgentViews: AgentView[] = [];
  private readonly changedAgents: RecordedAgent[] | null;

  /**
   * `changedAgents`: the agents whose code ran since the last frame (Replicas.changed), so a frame
   * looks at those only; null: every agent, every frame (a test compares the two).
   */
  constructor(server: Server, agents: readonly RecordedAgent[], maxFrames: number, changedAgents: RecordedAgent[] | null = null) {
    this.server = server;
    this.agents = agents;
    this.maxFrames = maxFrames;
    this.changedAgents = changedAgents;
    this.views = new FrameViews(server, changedAgents !== null);
  }

  /** No more frames will be recorded (the guard against hostile input). */
  get full(): boolean {
    return this.frames.length >= this.maxFrames;
  }

  /** Record a frame of the current state; `condition`: the value of a condition line, or null. */
  record(kind: Frame["kind"], line: number | null, locals: PortLocals | null, condition: boolean | null = null): void {
    if (this.full) return;
    const server = this.server;
    const notes = server.notes.length > this.noteMark ? server.notes.slice(this.noteMark) : NO_NOTES;
    this.noteMark = server.notes.length;
    if (kind === "event") {
      clear(server.notes);
      this.noteMark = 0;
    }
    const frames = this.frames;
    const prevFrame = frames[frames.length - 1];
    this.views.noteSlaves();
    const frame: Frame = {
      i: frames.length,
      t: server.now,
      kind,
      cause: this.cause,
      line,
      locals,
      notes,
      logStart: this.logMark,
      logLen: server.log.length,
      server: this.views.serverView(prevFrame?.server ?? null),
      replicas: this.views.replicaViews(frames.length, prevFrame?.replicas ?? []),
      agents: this.agentViews(),
    };
    if (condition !== null) frame.condition = condition;
    frames.push(frame);
    if (kind === "line") {
      if (notes.length) this.lineNotes.push(notes);
    } else {
      for (let k = 0; k < this.lineNotes.length; k++) addMarkers(this.markers, this.lineNotes[k] as Note[], frame);
      addMarkers(this.markers, notes, frame);
      if (this.lineNotes.length) this.lineNotes = [];
    }
    this.logMark = server.log.length;
  }

  /** Trace.wires: every connection's logs with their frame stamps. */
  wires(): Trace["wires"] {
    return this.views.wires();
  }

  /** Trace.retired: connections no longer live, each one's last view and the first frame without it. */
  retired(): Trace["retired"] {
    return this.views.retired;
  }

  /** Trace.stream: the replication stream's commands and the frame each first shows in. */
  stream(): Trace["stream"] {
    return { text: this.server.stream, frame: this.views.streamFrame };
  }

  /** The agents' views; the previous frame's array (and objects) when no replica changed. */
  private agentViews(): AgentView[] {
    let next: AgentView[] | null = null;
    const changed = this.changedAgents;
    // The first frame sees every agent; later ones, those whose code ran since.
    const look = changed && this.lastAgentViews.length ? changed : this.agents;
    for (let n = 0; n < look.length; n++) {
      const a = look[n] as RecordedAgent;
      a.changed = false;
      const k = a.index;
      const prev = this.lastAgentViews[k];
      // The timeout's base matters only while it waits; elsewhere it stays null, so the view is shared.
      const lastio = a.phase === "waitReply" || a.phase === "transfer" ? a.lastio : null;
      if (prev && prev.phase === a.phase && prev.conn === a.conn && prev.logLen === a.log.length && prev.lastio === lastio && prev.command === a.command) continue;
      next ??= this.lastAgentViews.slice();
      next[k] = { id: a.id, phase: a.phase, conn: a.conn, logLen: a.log.length, command: a.command, lastio, cronPhase: a.cronPhase };
    }
    if (changed) clear(changed);
    if (next) this.lastAgentViews = next;
    return this.lastAgentViews;
  }
}

/** One connection as the frames see it, from its making until it retires. */
interface Slot {
  client: Client;
  key: string;
  /** Its place in the order connections were made (0 for the first one): its client id less the first one's. */
  order: number;
  /** In server.slaves as of the current frame. */
  inSlaves: boolean;
  /** The view the previous frame showed, and the actor snapshot and flags it was made from. */
  view: ReplicaView | null;
  snapshot: unknown;
  flags: number;
  /** The frame stamps of its wire and output-buffer entries so far (see ConnectionIo). */
  wireFrame: number[];
  /** How many of its client's streamCopies are stamped. */
  copies: number;
  /**
   * Frames skip it, its view being the last one: it follows the stream and nothing else happened
   * to it since it was last looked at (its own logs cannot grow without a touch, which wakes it),
   * or it was closed when last looked at (nothing about a closed connection changes; it waits to
   * retire).
   */
  quiet: boolean;
  /** Its replica made a newer connection: once closed, it retires. */
  superseded: boolean;
  /** Its index in the live slots (and in the frame's `replicas`). */
  pos: number;
  queuedFrame: number[];
  sentFrame: number[];
}

/** Builds each frame's views of the live server, sharing what did not change. */
class FrameViews {
  private readonly server: Server;
  /**
   * Per connection, by its order (client ids are handed out one by one, so cid - firstCid): its
   * slot until it retires, then null. A retired connection's logs are already in `io`, and nothing
   * keeps it or its client any longer, so the tens of thousands a long run makes do not all stay
   * in memory until its end (docs/architecture.md §9).
   */
  private readonly slots: (Slot | null)[] = [];
  /** Per connection, by its order: its key (a child's targets name retired ones too). */
  private readonly keys: string[] = [];
  /** Per connection, by its order: its logs once it retired (Trace.wires is made from these at the end). */
  private readonly ios: (ConnectionIo | null)[] = [];
  private firstCid = 0;
  /** The slots a frame shows, in the order they were made; retired ones leave it. */
  private live: Slot[] = [];
  /** The live slots that are not quiet (looked at every frame), in any order. */
  private active: Slot[] = [];
  /** A slot was made since the last frame, or one retires: the next frame places every slot. */
  private liveDirty = true;
  /** Per replica id, its latest connection. */
  private readonly latest = new Map<string, Slot>();
  /** Where allViews gathers a frame's views before it knows whether they differ from the previous frame's. */
  private readonly scratch: ReplicaView[] = [];
  readonly retired: Trace["retired"] = [];
  /** server.slaves as of the current frame, and its keys (shared by frames while unchanged). */
  private readonly slaveList: Client[] = [];
  private slaveKeys: string[] = [];
  private slaveListVersion = 0;
  /** The frame stamps of the server's stream log (what its followers receive, Trace.stream). */
  readonly streamFrame: number[] = [];

  /** `track`: skip a follower of the stream until its socket changes (else look at every connection, every frame). */
  constructor(
    server: Server,
    private readonly track: boolean,
  ) {
    this.server = server;
  }

  /** Give connections made since the previous frame their slots. */
  private addSlots(): void {
    const made = this.server.made;
    if (!made.length) return;
    if (!this.keys.length) this.firstCid = (made[0] as Client).cid;
    for (let n = 0; n < made.length; n++) {
      const client = made[n] as Client;
      const key = `${client.id}#${client.conn}`;
      const slot: Slot = {
        client,
        key,
        order: this.keys.length,
        inSlaves: false,
        view: null,
        snapshot: undefined,
        flags: 0,
        wireFrame: emptyLog(),
        copies: 0,
        quiet: false,
        superseded: false,
        pos: 0,
        queuedFrame: emptyLog(),
        sentFrame: emptyLog(),
      };
      this.slots.push(slot);
      this.keys.push(key);
      this.ios.push(null);
      this.live.push(slot);
      this.liveDirty = true;
      const before = this.latest.get(client.id);
      if (before) before.superseded = true;
      this.latest.set(client.id, slot);
    }
    clear(made);
  }

  /** Take note of server.slaves for the frame about to be made (first, before the views). */
  noteSlaves(): void {
    this.addSlots();
    const list = this.server.slaves;
    if (list.version === this.slaveListVersion) return;
    this.slaveListVersion = list.version;
    let same = list.len === this.slaveList.length;
    let k = 0;
    for (let n = list.head; n && same; n = n.next) same = n.value === this.slaveList[k++];
    if (same) return;
    const slaveList = this.slaveList;
    for (const c of slaveList) {
      const slot = this.slotOf(c);
      if (slot) slot.inSlaves = false;
    }
    // The list itself is the recorder's own (it keeps its room); the keys go to the server views.
    clear(slaveList);
    for (let n = list.head; n; n = n.next) slaveList.push(n.value);
    this.slaveKeys = slaveList.map((c) => {
      const slot = this.slotOf(c) as Slot;
      slot.inSlaves = true;
      return slot.key;
    });
  }

  /** The key of the connection with client id `cid`. */
  private keyOfCid(cid: number): string {
    return this.keys[cid - this.firstCid] ?? String(cid);
  }

  /** A connection's slot: it has one from addSlots (run first) until it retires. */
  private slotOf(c: Client): Slot | null {
    return this.slots[c.cid - this.firstCid] ?? null;
  }

  serverView(prev: ServerView | null): ServerView {
    const server = this.server;
    const child = server.child;
    const prevChild = prev?.child ?? null;
    const childView: ChildView | null = !child
      ? null
      : prevChild &&
          prevChild.pid === child.pid &&
          prevChild.doneAt === child.doneAt &&
          prevChild.exited === (child.exit !== null) &&
          prevChild.exit?.signal === child.exit?.signal &&
          prevChild.targets.length === child.targets.length
        ? prevChild
        : {
            pid: child.pid,
            kind: child.kind,
            origin: child.origin,
            startedAt: child.startedAt,
            doneAt: child.doneAt,
            exited: child.exit !== null,
            killed: (child.exit?.signal ?? 0) !== 0,
            exit: child.exit ? { code: child.exit.code, signal: child.exit.signal } : null,
            targets: child.targets.map((cid) => this.keyOfCid(cid)),
          };
    const role = server.masterhost ? "replica" : "master";
    const now = unixtime(server);
    const rdbChildType = CHILD_TYPE_NAMES[server.rdbChildType] ?? "none";
    // Most frames show the server as the previous one did: compared field by field, without making
    // a view to compare (with track off, a new view is made and compared whole: the same trace,
    // which src/model/stream.test.ts checks).
    if (
      this.track &&
      prev &&
      prev.role === role &&
      prev.upstreamConnected === server.upstream.connected &&
      prev.hasMaster === (server.upstream.master !== null) &&
      prev.hasCachedMaster === (server.upstream.cachedMaster !== null) &&
      prev.replDisklessSync === server.replDisklessSync &&
      prev.replDisklessSyncDelay === server.replDisklessSyncDelay &&
      prev.replTimeout === server.replTimeout &&
      prev.unixtime === now &&
      prev.replid === server.replid &&
      prev.masterReplOffset === server.masterReplOffset &&
      prev.replBacklog === server.replBacklog &&
      prev.slaveseldb === server.slaveseldb &&
      prev.rdbChildType === rdbChildType &&
      prev.child === childView &&
      prev.aofRewriteScheduled === server.aofRewriteScheduled &&
      prev.rdbFile === server.rdbFile &&
      prev.scriptCache === server.replScriptCache &&
      prev.scriptCacheFlushes === server.scriptCacheFlushes &&
      prev.forkFails === server.faults.forkFails &&
      prev.slaves === this.slaveKeys
    ) {
      return prev;
    }
    const next: ServerView = {
      role,
      upstreamConnected: server.upstream.connected,
      hasMaster: server.upstream.master !== null,
      hasCachedMaster: server.upstream.cachedMaster !== null,
      replDisklessSync: server.replDisklessSync,
      replDisklessSyncDelay: server.replDisklessSyncDelay,
      replTimeout: server.replTimeout,
      unixtime: now,
      replid: server.replid,
      masterReplOffset: server.masterReplOffset,
      replBacklog: server.replBacklog,
      slaveseldb: server.slaveseldb,
      rdbChildType,
      child: childView,
      aofRewriteScheduled: server.aofRewriteScheduled,
      // The model replaces rdbFile on every change, so the object can be shared.
      rdbFile: server.rdbFile,
      scriptCache: server.replScriptCache as string[],
      scriptCacheFlushes: server.scriptCacheFlushes,
      forkFails: server.faults.forkFails,
      slaves: this.slaveKeys,
    };
    // With track on, the comparison above was this one already: a field differs.
    return !this.track && prev && shallowEqual(prev, next) ? prev : next;
  }

  /**
   * Every connection's view at frame i (`prev`: the previous frame's). Also stamps the wire and
   * buffer entries that frame i is the first to show.
   */
  replicaViews(i: number, prev: ReplicaView[]): ReplicaView[] {
    const stream = this.streamFrame;
    while (stream.length < this.server.stream.length) stream.push(i);
    // A follower of the stream whose socket changed is looked at again.
    const changed = this.server.changed;
    for (let k = 0; k < changed.length; k++) {
      const c = changed[k] as Client;
      c.changed = false;
      const slot = this.slotOf(c);
      if (slot?.quiet) {
        slot.quiet = false;
        this.active.push(slot);
      }
    }
    clear(changed);
    return this.fastViews(i, prev) ?? this.allViews(i, prev);
  }

  /**
   * The frame's views when no connection came or went: only the slots that are not quiet are
   * looked at (the followers of the stream wait for a touch), and the previous frame's array is
   * kept, or copied with the views that changed. Null when a connection was made or retires: then
   * allViews looks at every slot in order.
   */
  private fastViews(i: number, prev: ReplicaView[]): ReplicaView[] | null {
    if (!this.track || this.live.length !== prev.length || this.liveDirty) return null;
    let out: ReplicaView[] | null = null;
    const active = this.active;
    let keep = 0;
    for (let n = 0; n < active.length; n++) {
      const slot = active[n] as Slot;
      const c = slot.client;
      const view = this.look(slot, i);
      if (c.closed && slot.superseded) {
        // It retires: the slots move up, so every one is placed again (allViews, in order).
        this.liveDirty = true;
        return null;
      }
      const pos = slot.pos;
      if (view !== prev[pos]) {
        out ??= prev.slice();
        out[pos] = view;
      }
      slot.quiet = quietAfter(c);
      if (!slot.quiet) active[keep++] = slot;
    }
    active.length = keep;
    return out ?? prev;
  }

  /** Every slot's view at frame i, in order, retiring the closed and superseded ones. */
  private allViews(i: number, prev: ReplicaView[]): ReplicaView[] {
    // The views go to a scratch array; a frame gets an array of its own (of exactly its length)
    // only when a view differs from the previous frame's, or one is retired.
    const out = this.scratch;
    let differs = false;
    let kept = 0;
    const live = this.live;
    // The slots looked at again next frame (fastViews), gathered on the way.
    const active = this.active;
    let n = 0;
    for (let k = 0; k < live.length; k++) {
      const slot = live[k] as Slot;
      if (slot.quiet) {
        // Following the stream, untouched (its logs grow only by the stream), or closed: its view holds.
        if (slot.superseded && slot.client.closed) {
          // Closed and superseded: it retires with the view it has.
          this.retired.push({ view: slot.view as ReplicaView, frame: i });
          this.retire(slot);
          differs = true;
          continue;
        }
        if (kept !== k) live[kept] = slot;
        slot.pos = kept;
        const view = slot.view as ReplicaView;
        if (view !== prev[kept]) differs = true;
        out[kept++] = view;
        continue;
      }
      const c = slot.client;
      const view = this.look(slot, i);
      if (c.closed && slot.superseded) {
        // Closed and superseded: nothing about it changes any more.
        this.retired.push({ view, frame: i });
        this.retire(slot);
        differs = true;
        continue;
      }
      if (kept !== k) live[kept] = slot;
      slot.pos = kept;
      if (view !== prev[kept]) differs = true;
      out[kept++] = view;
      // From the next frame on, a follower is looked at only when its socket changes (touch), a closed one not at all.
      slot.quiet = this.track && quietAfter(c);
      if (!slot.quiet) active[n++] = slot;
    }
    live.length = kept;
    active.length = n;
    this.liveDirty = false;
    // The scratch array keeps its room (and the views it held, which the frames hold anyway).
    return differs || prev.length !== kept ? out.slice(0, kept) : prev;
  }

  /** Stamp what frame i is the first to show of a slot's logs, and give its view at frame i. */
  private look(slot: Slot, i: number): ReplicaView {
    const c = slot.client;
    if (c.streamCopies.length > slot.copies) this.stampCopies(slot, i);
    slot.wireFrame = stampUpTo(slot.wireFrame, c.wire.length, i);
    slot.queuedFrame = stampUpTo(slot.queuedFrame, c.reply.length, i);
    slot.sentFrame = stampUpTo(slot.sentFrame, c.replyStart, i);
    return this.viewOf(slot);
  }

  /**
   * A connection stopped following the stream: the commands it followed were copied into its wire,
   * and keep the frames they reached the socket in (the stream's stamps).
   */
  private stampCopies(slot: Slot, i: number): void {
    const c = slot.client;
    for (; slot.copies < c.streamCopies.length; slot.copies++) {
      const run = c.streamCopies[slot.copies] as { at: number; from: number; to: number };
      slot.wireFrame = stampUpTo(slot.wireFrame, run.at, i);
      for (let k = run.from; k < run.to; k++) slot.wireFrame = append(slot.wireFrame, this.streamFrame[k] as number);
    }
  }

  private viewOf(slot: Slot): ReplicaView {
    const c = slot.client;
    const snapshot = c.machine;
    const v = slot.view;
    if (
      v &&
      slot.snapshot === snapshot &&
      slot.flags === c.flags &&
      v.inSlaves === slot.inSlaves &&
      v.replstate === (REPLSTATE_NAMES[c.replstate] ?? "NONE") &&
      v.psyncInitialOffset === c.psyncInitialOffset &&
      v.putOnlineOnAck === c.replPutOnlineOnAck &&
      v.repldboff === c.repldboff &&
      v.repldbsize === c.repldbsize &&
      v.closed === c.closed &&
      v.lastinteraction === c.lastinteraction
    ) {
      return v;
    }
    slot.view = replicaView(c, slot.key, slot.order, slot.inSlaves);
    slot.snapshot = snapshot;
    slot.flags = c.flags;
    return slot.view;
  }

  /** A connection leaves the frames for good: its logs are kept for Trace.wires, and its slot is let go. */
  private retire(slot: Slot): void {
    this.ios[slot.order] = connectionIo(slot);
    this.slots[slot.order] = null;
  }

  /** Trace.wires: every connection's logs with their frame stamps, in the order the connections were made. */
  wires(): Trace["wires"] {
    this.addSlots();
    const wires = dictionary<ConnectionIo>();
    for (let k = 0; k < this.keys.length; k++) {
      const slot = this.slots[k];
      wires[this.keys[k] as string] = slot ? connectionIo(slot) : (this.ios[k] as ConnectionIo);
    }
    return wires;
  }
}

/** A connection's logs and their frame stamps, as they are now (ConnectionIo). */
function connectionIo(slot: Slot): ConnectionIo {
  const c = slot.client;
  const io: ConnectionIo = {
    wire: c.wire,
    reply: c.reply,
    wireFrame: slot.wireFrame,
    queuedFrame: slot.queuedFrame,
    sentFrame: slot.sentFrame,
  };
  if (c.streamFrom >= 0) io.follows = { from: c.streamFrom, to: c.streamTo ?? c.stream.length };
  return io;
}

/**
 * Whether, once looked at, a connection's view and stamps hold until something wakes it: it
 * follows the stream (only a touch changes it), or it is closed — a closed connection is never
 * written to or sent an event again (networking.ts), so its view is final.
 */
function quietAfter(c: Client): boolean {
  return c.closed || (c.streamFrom >= 0 && c.streamTo === null);
}

/**
 * Stamp with frame i the entries of a log (now `length` long) that have no stamp yet; the stamps
 * as they are now (a short one is replaced, see grow.ts). The stamps are plain arrays handed to
 * the trace as they are: most connections' logs hold a handful of entries, and one small array
 * each, of exactly their length, costs less than any buffer that grows.
 */
function stampUpTo(stamps: number[], length: number, i: number): number[] {
  return appendRepeated(stamps, i, length - stamps.length);
}

/**
 * An empty plain object for keys made at run time (one per connection). An object literal given
 * its keys one by one makes the engine describe its shape anew for each of the first thousand or
 * so, and remember every such shape; an object that starts as a dictionary (as it would once
 * large) takes tens of thousands of keys several times faster. The same object otherwise: an
 * ordinary prototype, the keys in insertion order.
 */
function dictionary<T>(): Record<string, T> {
  const out: Record<string, unknown> = { a: 0, b: 0 };
  // Deleting a property other than the last one added turns the object into a dictionary.
  delete out.a;
  delete out.b;
  return out as Record<string, T>;
}

/** Same keys with identical values (frames are immutable, so an equal view can be shared). */
function shallowEqual<T extends object>(a: T, b: T): boolean {
  for (const k in a) if (a[k] !== b[k]) return false;
  return true;
}

/** The capability names a view lists, by bit (1: eof, 2: psync2): shared, frozen arrays. */
const CAPA_NAMES: readonly (readonly ("eof" | "psync2")[])[] = [[], ["eof"], ["psync2"], ["eof", "psync2"]].map((a) =>
  Object.freeze(a as ("eof" | "psync2")[]),
);

/**
 * A connection as the primary knows it. Its command and capabilities are what this connection
 * sent (its sync command and `slave_capa`), not the replica's current settings: after a
 * `replica-set` event they apply to its next connection only.
 */
function replicaView(c: Client, key: string, slot: number, inSlaves: boolean): ReplicaView {
  const snap = c.machine;
  const capa = CAPA_NAMES[((c.slaveCapa & SLAVE_CAPA_EOF) ? 1 : 0) | ((c.slaveCapa & SLAVE_CAPA_PSYNC2) ? 2 : 0)] as ("eof" | "psync2")[];
  return {
    key,
    id: c.id,
    conn: c.conn,
    cid: c.cid,
    name: c.name,
    command: c.command ?? (c.flags & CLIENT_PRE_PSYNC ? "SYNC" : "PSYNC"),
    capa,
    replstate: REPLSTATE_NAMES[c.replstate] ?? "NONE",
    inSlaves,
    flags: flagNames(c.flags),
    psyncInitialOffset: c.psyncInitialOffset,
    putOnlineOnAck: c.replPutOnlineOnAck,
    repldboff: c.repldboff,
    repldbsize: c.repldbsize,
    machine: stateName(snap.value),
    lastTransition: snap.context.lastTransition,
    dropReason: snap.context.dropReason,
    closed: c.closed,
    slot,
    lastinteraction: c.lastinteraction,
  };
}

