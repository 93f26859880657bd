/**
 * runScenario: the whole simulation, pure and deterministic (SPEC §2 "Time", §5).
 *
 * One primary on a virtual millisecond clock: serverCron every 100 ms (it reaps children and
 * starts a scheduled AOF rewrite), replicationCron every 1000 ms (§9), the event loop's writable
 * handler for sendBulkToSlave (§11), the scenario's events, and each replica's own side: it reads
 * what reaches its socket, sends REPLCONF ACK from its 1 Hz cron, times out after repl-timeout
 * and reconnects (§8). Every executed line of startBgsaveForReplication becomes a "line" frame;
 * every happening that changed something visible becomes an "event" frame.
 */
import { stateName, type DropReason } from "../machines/replica";
import type { Scenario, ScenarioEvent } from "../scenarios/schema";
import { listToArray } from "./adlist";
import {
  CLIENT_PRE_PSYNC,
  REPLICATION_CRON_MS,
  REPLSTATE_NAMES,
  SERVER_CRON_MS,
  SLAVE_CAPA_EOF,
  SLAVE_CAPA_PSYNC2,
  SLAVE_STATE_ONLINE,
  flagNames,
  type ReplStateName,
} from "./constants";
import {
  bgrewriteaofCommand,
  bgsaveCommand,
  childFinishesWork,
  failChild,
  killChild,
  reapChild,
  rewriteAppendOnlyFileBackground,
} from "./rdb";
import { applyWrite, evalshaCommand, replconfAck, replicationCron, sendBulkToSlave, syncCommand } from "./replication";
import { createClient, freeClient, newServer, note, serverLog, unixtime } from "./server";
import { TimerHeap } from "./heap";
import { CHILD_TYPE_NAMES } from "./snapshot";
import type { Note } from "./notes";
import type { Client, LogEntry, PortLocals, Server } from "./types";

/**
 * @2: what each connection wrote and queued is kept once per connection in `wires`, with the frame
 * at which each entry arrived, was queued and left the buffer (see `ioOf`, `wireAt`), instead of
 * per-frame extents (@1's `Frame.io`).
 */
export const TRACE_FORMAT = "fullresync-lab/trace@2";

/** Shared by every frame with no notes (frames are read-only). */
const NO_NOTES: Note[] = [];

/** What caused a frame. */
export type Cause =
  | { type: "start" }
  | { type: "event"; index: number; event: ScenarioEvent }
  | { type: "serverCron" }
  | { type: "replicationCron" }
  | { type: "childDone"; kind: string; pid: number }
  | { type: "bulk"; replica: string }
  | { type: "replica"; replica: string; action: "ack" | "timeout" | "reconnect" | "read" };

export interface ChildView {
  pid: number;
  kind: "rdb-disk" | "rdb-socket" | "aof";
  origin: "replication" | "user";
  startedAt: number;
  doneAt: number;
  exited: boolean;
  killed: boolean;
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

export type AgentPhase = "idle" | "waitReply" | "transfer" | "loading" | "connected" | "retry" | "gone";

export interface ReplicaView {
  /** "<id>#<conn>" */
  key: string;
  id: string;
  conn: number;
  cid: number;
  name: string;
  command: "PSYNC" | "SYNC";
  capa: ("eof" | "psync2")[];
  replstate: ReplStateName;
  inSlaves: boolean;
  flags: string[];
  psyncInitialOffset: number;
  putOnlineOnAck: boolean;
  repldboff: number;
  repldbsize: number;
  /** The statechart: state name ("ONLINE.waitingForAck"), last transition, drop reason. */
  machine: string;
  lastTransition: { from: string; event: string } | null;
  dropReason: DropReason | null;
  closed: boolean;
  /** This connection's place in `replicas`, the same in every frame from its first on. */
  slot: number;
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
}

export interface AgentView {
  id: string;
  phase: AgentPhase;
  conn: number;
  logLen: number;
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
  /** Every connection so far; a view object is shared by consecutive frames while it is unchanged. */
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
  frames: Frame[];
  log: LogEntry[];
  /** Per connection key: everything written to its socket and queued in its output buffer. */
  wires: Record<string, ConnectionIo>;
  /** Per replica id: what the replica itself logged. */
  replicaLogs: Record<string, LogEntry[]>;
  markers: Marker[];
  endedBy: "quiescent" | "horizon";
  endTime: number;
}

// ---------------------------------------------------------------------------------------------
// The replica's own side (a Redis 4.0 replica, or redis-cli --slave for SYNC)

interface Agent {
  id: string;
  /** Place in the scenario's replica list. */
  index: number;
  command: "PSYNC" | "SYNC";
  capa: number;
  capaNames: ("eof" | "psync2")[];
  port: number | null;
  cronPhase: number;
  phase: AgentPhase;
  conn: number;
  client: Client | null;
  /** time(NULL) of the last bytes received (repl_transfer_lastio). */
  lastio: number;
  seen: number;
  eofMark: string | null;
  expectBytes: number;
  log: LogEntry[];
  nextCron: number;
  /** Connected by pipelining PING + PSYNC (a hand-made client, not a Redis replica). */
  pipelined: boolean;
  /** Its current connection's socket changed since it last looked (see readSockets). */
  toRead: boolean;
}

const REPLICA_PID_BASE = 5100;

let agentLogCount = 0;

function agentLog(server: Server, a: Agent, level: "notice" | "warning", text: string, idx: number): void {
  a.log.push({ t: server.now, pid: REPLICA_PID_BASE + idx, role: "S", level, text });
  agentLogCount++;
}

// ---------------------------------------------------------------------------------------------

export interface RunOptions {
  /** Stop after this many frames (a guard for hostile input; the trace says it ended by horizon). */
  maxFrames?: number;
}

export function runScenario(scenario: Scenario, options: RunOptions = {}): Trace {
  const seed = scenario.seed ?? hashSeed(scenario.id);
  const server = newServer({
    replDisklessSync: scenario.config.replDisklessSync,
    replDisklessSyncDelay: scenario.config.replDisklessSyncDelay,
    replTimeout: scenario.config.replTimeout,
    role: scenario.primary.role,
    upstream: scenario.primary.upstream ?? (scenario.primary.role === "replica" ? "linked" : "none"),
    hasBacklog: false,
    replid: scenario.primary.role === "replica" ? fixedReplid(seed) : fixedReplid(seed + 7),
    masterReplOffset: scenario.primary.masterReplOffset ?? 0,
    slaveseldb: -1,
    seed,
    rdbBytes: scenario.primary.rdbBytes,
    appendonly: scenario.primary.appendonly ?? false,
    timing: {
      bgsaveMs: Math.round(scenario.primary.bgsaveSeconds * 1000),
      aofRewriteMs: 3000,
      transferBytesPerSec: scenario.primary.transferBytesPerSecond,
    },
  });

  const agents: Agent[] = scenario.replicas.map((r, i) => ({
    id: r.id,
    index: i,
    command: r.command,
    capa: (r.capa.includes("eof") ? SLAVE_CAPA_EOF : 0) | (r.capa.includes("psync2") ? SLAVE_CAPA_PSYNC2 : 0),
    capaNames: [...r.capa],
    port: r.command === "SYNC" ? null : 17001 + i,
    // Each replica's own 1 Hz cron runs at its own phase within the second.
    cronPhase: 137 + ((i * 379) % 1000),
    phase: "idle",
    conn: 0,
    client: null,
    lastio: 0,
    seen: 0,
    eofMark: null,
    expectBytes: 0,
    log: [],
    nextCron: Number.POSITIVE_INFINITY,
    pipelined: false,
    toRead: false,
  }));
  const agentById = new Map(agents.map((a) => [a.id, a]));
  const agentTimers = new TimerHeap<Agent>();

  const frames: Frame[] = [];
  const maxFrames = options.maxFrames ?? 200_000;
  let logMark = 0;
  let lastLine: number | null = null;
  let lastLocals: PortLocals | null = null;
  let cause: Cause = { type: "start" };
  let seenLines = 0;
  let noteMark = 0;
  const views = new FrameViews(server);

  /** The agents' views; the previous frame's array (and objects) when no replica changed. */
  let lastAgentViews: AgentView[] = [];
  const agentViews = (): AgentView[] => {
    // Allocate a new array only once a view differs from the previous frame's.
    let next: AgentView[] | null = null;
    for (let k = 0; k < agents.length; k++) {
      const a = agents[k] as Agent;
      const prev = lastAgentViews[k];
      if (prev && prev.phase === a.phase && prev.conn === a.conn && prev.logLen === a.log.length) continue;
      next ??= lastAgentViews.slice();
      next[k] = { id: a.id, phase: a.phase, conn: a.conn, logLen: a.log.length };
    }
    if (next) lastAgentViews = next;
    return lastAgentViews;
  };

  const makeFrame = (kind: "event" | "line", line: number | null, locals: PortLocals | null, condition: boolean | null = null): void => {
    if (frames.length >= maxFrames) return;
    // Each frame carries the notes made since the previous frame, so a note is on one frame only:
    // a happening's notes are those of its line frames and of the event frame that ends it.
    const notes = server.notes.length > noteMark ? server.notes.slice(noteMark) : NO_NOTES;
    noteMark = server.notes.length;
    if (kind === "event") {
      server.notes = [];
      noteMark = 0;
    }
    const prevFrame = frames[frames.length - 1];
    views.noteSlaves();
    const frame: Frame = {
      i: frames.length,
      t: server.now,
      kind,
      cause,
      line,
      locals,
      notes,
      logStart: logMark,
      logLen: server.log.length,
      server: views.serverView(prevFrame?.server ?? null),
      replicas: views.replicaViews(frames.length, prevFrame?.replicas ?? []),
      agents: agentViews(),
    };
    if (condition !== null) frame.condition = condition;
    frames.push(frame);
    logMark = server.log.length;
  };

  server.onLine = (line, locals, condition) => {
    lastLine = line;
    lastLocals = locals;
    makeFrame("line", line, locals, condition);
  };

  /** Run one happening; emit an event frame if it changed anything a learner can see. */
  const happen = (c: Cause, fn: () => void): void => {
    cause = c;
    lastLine = null;
    lastLocals = null;
    const logBefore = server.log.length;
    const agentLogsBefore = agentLogCount;
    fn();
    readSockets();
    const visible =
      server.notes.length > 0 ||
      server.log.length !== logBefore ||
      server.lines.length !== seenLines ||
      agentLogCount !== agentLogsBefore;
    if (visible) makeFrame("event", lastLine, lastLocals);
    seenLines = server.lines.length;
  };

  // --- the replica side ------------------------------------------------------------------------

  const connect = (a: Agent, pipelined = false): void => {
    const c = createClient(server, a.id, ++a.conn, a.port);
    a.client = c;
    a.seen = 0;
    a.eofMark = null;
    a.expectBytes = 0;
    a.lastio = unixtime(server);
    a.phase = "waitReply";
    // REPLCONF listening-port / capa precede PSYNC; redis-cli --slave sends plain SYNC (§2.2).
    c.slaveCapa = a.command === "PSYNC" ? a.capa : 0;
    c.command = a.command;
    if (a.command === "PSYNC" && a.conn > 1) {
      agentLog(server, a, "notice", "Trying a partial resynchronization (request ?:-1).", a.index);
    }
    if (pipelined) {
      // PING and PSYNC arrived in one packet: +PONG is queued but not yet written.
      c.reply.push("+PONG");
      a.pipelined = true;
    }
    syncCommand(server, c, { command: a.command });
  };

  const closeConnection = (a: Agent, nextPhase: AgentPhase): void => {
    const c = a.client;
    if (c && !c.closed) {
      // The primary reads EOF and frees the client: logged only if it is still a replica.
      freeClient(server, c, { type: "DISCONNECTED" });
    }
    a.client = null;
    a.phase = nextPhase;
  };

  /** What each replica does with the bytes that reached its socket since it last looked. */
  const readSockets = (): void => {
    if (server.touched === 0) return;
    server.touched = 0;
    // Only a replica's current connection has a reader (it left the older ones).
    for (const a of agents) {
      a.toRead = a.client !== null && a.client.touched;
      if (a.client) a.client.touched = false;
    }
    // Replicas look in their fixed order, so the trace does not depend on who was written first.
    for (const a of agents) {
      const c = a.client;
      if (!a.toRead || !c) continue;
      const idx = a.index;
      if (c.closed) {
        // The primary closed the connection: the replica reads EOF (§18.12, §18.13).
        if (a.phase === "transfer" && a.expectBytes === 0 && a.eofMark === null) {
          /* Still reading the bulk count ($<len> / $EOF:) after +FULLRESYNC: syncReadLine sees EOF
           * and sets no errno, so the text is whatever errno was left over — usually EAGAIN. */
          agentLog(server, a, "warning", "I/O error reading bulk count from MASTER: Resource temporarily unavailable", idx);
          note(server, { key: "replica.bulkCountEof", replica: a.id });
        } else if (a.phase === "transfer" || a.phase === "waitReply") {
          agentLog(server, a, "warning", "I/O error trying to sync with MASTER: connection lost", idx);
        } else if (a.phase === "connected") {
          agentLog(server, a, "warning", "Connection with master lost.", idx);
        }
        a.client = null;
        a.phase = a.command === "SYNC" ? "gone" : "retry";
        continue;
      }
      while (a.seen < c.wire.length) {
        const msg = c.wire[a.seen++] as string;
        a.lastio = unixtime(server);
        const first = msg.charAt(0);
        if (first !== "+" && first !== "-" && first !== "$" && first !== "<") {
          // A keep-alive newline or the replication stream: only a streamed RDB's end mark (hex) matters.
          if (a.eofMark && msg === a.eofMark) finishLoad(a, idx);
          continue;
        }
        if (msg.startsWith("+FULLRESYNC")) {
          const [, id, off] = msg.split(" ");
          agentLog(server, a, "notice", `Full resync from master: ${id}:${off}`, idx);
          a.phase = "transfer";
        } else if (msg.startsWith("-NOMASTERLINK")) {
          agentLog(server, a, "notice", `Master is currently unable to PSYNC but should be in the future: ${msg}`, idx);
          note(server, { key: "replica.tryLater", replica: a.id });
          closeConnection(a, "retry");
          break;
        } else if (msg === "+PONG") {
          continue;
        } else if (msg.startsWith("-") && a.pipelined) {
          // A hand-made client that pipelined PING + PSYNC: it reads the error and gives up.
          agentLog(server, a, "warning", `Unexpected reply to PSYNC from master: ${msg}`, idx);
          note(server, { key: "replica.gaveUp", replica: a.id });
          closeConnection(a, "gone");
          break;
        } else if (msg.startsWith("-")) {
          agentLog(server, a, "warning", `MASTER aborted replication with an error: ${msg.slice(1)}`, idx);
          closeConnection(a, "retry");
          break;
        } else if (msg.startsWith("$EOF:")) {
          a.eofMark = msg.slice(5);
          a.phase = "transfer";
          agentLog(server, a, "notice", "MASTER <-> SLAVE sync: receiving streamed RDB from master", idx);
        } else if (msg.startsWith("$")) {
          a.expectBytes = Number(msg.slice(1));
          a.phase = "transfer";
          agentLog(
            server,
            a,
            "notice",
            a.command === "SYNC"
              ? `SYNC with master, discarding ${a.expectBytes} bytes of bulk transfer...`
              : `MASTER <-> SLAVE sync: receiving ${a.expectBytes} bytes from master`,
            idx,
          );
        } else if (msg.startsWith("<RDB payload")) {
          if (!a.eofMark) finishLoad(a, idx);
        }
      }
    }
  };

  const finishLoad = (a: Agent, idx: number): void => {
    if (a.command === "SYNC") {
      // redis-cli --slave discards the payload and then prints the stream.
      agentLog(server, a, "notice", "SYNC done. Logging commands from master.", idx);
      a.phase = "connected";
      return;
    }
    agentLog(server, a, "notice", "MASTER <-> SLAVE sync: Flushing old data", idx);
    agentLog(server, a, "notice", "MASTER <-> SLAVE sync: Loading DB in memory", idx);
    agentLog(server, a, "notice", "MASTER <-> SLAVE sync: Finished with success", idx);
    a.phase = "connected";
  };

  /** The replica's replicationCron: ACKs when connected, timeouts while syncing, reconnects. */
  const agentCron = (a: Agent): void => {
    const idx = a.index;
    const now = unixtime(server);
    if (a.command === "SYNC") {
      // redis-cli --slave has no timeout and never retries: it just waits.
      return;
    }
    if (a.phase === "retry") {
      agentLog(server, a, "notice", "Connecting to MASTER 127.0.0.1:6379", idx);
      agentLog(server, a, "notice", "MASTER <-> SLAVE sync started", idx);
      note(server, { key: "replica.reconnect", replica: a.id, conn: a.conn + 1 });
      connect(a);
      return;
    }
    if (a.phase === "waitReply" && now - a.lastio > server.replTimeout) {
      agentLog(server, a, "warning", "Timeout connecting to the MASTER...", idx);
      note(server, { key: "replica.timeout", replica: a.id, stage: "handshake" });
      closeConnection(a, "retry");
      return;
    }
    if (a.phase === "transfer" && now - a.lastio > server.replTimeout) {
      agentLog(
        server,
        a,
        "warning",
        "Timeout receiving bulk data from MASTER... If the problem persists try to set the 'repl-timeout' parameter in redis.conf to a larger value.",
        idx,
      );
      note(server, { key: "replica.timeout", replica: a.id, stage: "transfer" });
      closeConnection(a, "retry");
      return;
    }
    if (a.phase === "connected" && a.client && !a.client.closed) {
      const c = a.client;
      const streaming = c.replstate === SLAVE_STATE_ONLINE && !c.replPutOnlineOnAck;
      replconfAck(server, c, streaming ? server.masterReplOffset : c.psyncInitialOffset);
    }
  };

  // --- scenario events ---------------------------------------------------------------------------

  let writeCounter = 0;
  const applyEvent = (e: ScenarioEvent): void => {
    switch (e.type) {
      case "connect": {
        const a = agentById.get(e.replica);
        if (!a) return;
        if (a.client && !a.client.closed) {
          note(server, { key: "event.alreadyConnected", replica: a.id });
          return;
        }
        if (a.nextCron === Number.POSITIVE_INFINITY) {
          a.nextCron = nextPhaseTime(server.now, a.cronPhase);
          agentTimers.push(a.nextCron, a.index, a);
        }
        connect(a, e.pipelined ?? false);
        return;
      }
      case "disconnect": {
        const a = agentById.get(e.replica);
        if (!a || !a.client) {
          note(server, { key: "event.notConnected", replica: e.replica });
          return;
        }
        note(server, { key: "event.disconnect", replica: a.id });
        closeConnection(a, "gone");
        return;
      }
      case "fork-fails":
        server.faults.forkFails = e.errno ?? "EAGAIN";
        note(server, { key: "event.forkFails", errno: server.faults.forkFails });
        return;
      case "kill-child":
        if (!(e.mode === "exit-error" ? failChild(server) : killChild(server))) note(server, { key: "event.noChild" });
        return;
      case "aof-rewrite":
        server.timing.aofRewriteMs = Math.round((e.duration ?? 3) * 1000);
        bgrewriteaofCommand(server);
        return;
      case "bgsave":
        bgsaveCommand(server);
        if (!server.child || server.child.origin !== "user") note(server, { key: "event.bgsaveRefused" });
        return;
      case "upstream-lost":
        if (!server.masterhost || !server.upstream.connected) {
          note(server, { key: "event.noUpstream" });
          return;
        }
        if (e.cached) {
          serverLog(server, "warning", "Connection with master lost.");
          serverLog(server, "notice", "Caching the disconnected master state.");
          server.upstream.cachedMaster = server.upstream.master;
        } else {
          // The observed recipe of §5/§13 D: a protocol error from the master, so it is not cached.
          serverLog(
            server,
            "warning",
            "== CRITICAL == This slave is sending an error to its master: 'Protocol error: invalid multibulk length' after processing the command '<unknown>'",
          );
          serverLog(server, "warning", "Connection with master lost.");
        }
        server.upstream.master = null;
        server.upstream.connected = false;
        note(server, { key: "event.upstreamLost", cached: !!e.cached });
        return;
      case "write": {
        const count = e.count ?? 1;
        for (let k = 0; k < count; k++) {
          writeCounter++;
          applyWrite(server, ["SET", `key:${writeCounter}`, String(writeCounter)]);
        }
        note(server, { key: "event.write", count, offset: server.masterReplOffset });
        return;
      }
      case "evalsha":
        evalshaCommand(server, e.sha, e.script ?? "return redis.call('INCR', 'counter')");
        return;
      case "config-set":
        // CONFIG SET takes effect at once; the next syncCommand / replicationCron sees it (§12).
        if (e.replDisklessSync !== undefined) server.replDisklessSync = e.replDisklessSync;
        if (e.replDisklessSyncDelay !== undefined) server.replDisklessSyncDelay = e.replDisklessSyncDelay;
        note(server, { key: "event.configSet",
          diskless: server.replDisklessSync,
          delay: server.replDisklessSyncDelay,
        });
        return;
      case "replica-set": {
        const a = agentById.get(e.replica);
        if (!a) return;
        if (e.capa) {
          a.capaNames = [...e.capa];
          a.capa = (e.capa.includes("eof") ? SLAVE_CAPA_EOF : 0) | (e.capa.includes("psync2") ? SLAVE_CAPA_PSYNC2 : 0);
        }
        if (e.command) {
          a.command = e.command;
          a.port = e.command === "SYNC" ? null : 17001 + a.index;
        }
        // Takes effect on its next connection: the capabilities of a live one are already set.
        note(server, { key: "event.replicaSet", replica: a.id, command: a.command, capa: a.capaNames.join(" ") || "none" });
        return;
      }
    }
  };

  // --- the main loop -------------------------------------------------------------------------------

  const events = scenario.events.map((e, index) => ({ e, index, t: Math.round(e.at * 1000) }));
  let nextEvent = 0;
  let nextTick = 0;
  let tickCount = 0;
  const lastEventT = events.length ? (events[events.length - 1] as { t: number }).t : 0;
  const horizon = scenario.until !== undefined ? Math.round(scenario.until * 1000) : lastEventT + 2 * server.replTimeout * 1000 + 30_000;
  let endedBy: Trace["endedBy"] = "horizon";

  makeFrame("event", null, null);

  const quiescent = (): boolean => {
    if (nextEvent < events.length) return false;
    if (server.child || server.aofRewriteScheduled) return false;
    for (let n = server.slaves.head; n; n = n.next) {
      if (n.value.replstate !== SLAVE_STATE_ONLINE || n.value.replPutOnlineOnAck) return false;
    }
    for (const a of agents) {
      if (a.command === "SYNC") continue;
      if (a.phase === "retry" || a.phase === "waitReply" || a.phase === "transfer" || a.phase === "loading") return false;
    }
    return true;
  };

  for (;;) {
    if (frames.length >= maxFrames) break;
    if (quiescent() && server.now >= lastEventT) {
      endedBy = "quiescent";
      break;
    }
    // Candidates, in priority order for equal times.
    const childT = server.child && !server.child.exit ? server.child.doneAt : Infinity;
    const eventT = nextEvent < events.length ? (events[nextEvent] as { t: number }).t : Infinity;
    const agentTop = agentTimers.peek();
    const agentT = agentTop ? agentTop.t : Infinity;
    const agentNext = agentTop ? agentTop.value : null;
    const bulkNext = nextBulk(server);
    const bulkT = bulkNext ? (bulkNext.bulkNextAt as number) : Infinity;
    const t = Math.min(childT, eventT, agentT, nextTick, bulkT);
    if (t > horizon) break;
    server.now = t;

    if (t === childT && server.child) {
      const child = server.child;
      happen({ type: "childDone", kind: child.kind, pid: child.pid }, () => childFinishesWork(server));
    } else if (t === eventT) {
      const ev = events[nextEvent++] as (typeof events)[number];
      happen({ type: "event", index: ev.index, event: ev.e }, () => applyEvent(ev.e));
    } else if (t === agentT && agentNext) {
      const a = agentNext;
      agentTimers.pop();
      a.nextCron += 1000;
      agentTimers.push(a.nextCron, a.index, a);
      happen({ type: "replica", replica: a.id, action: "ack" }, () => agentCron(a));
    } else if (t === nextTick) {
      const runReplCron = tickCount % (REPLICATION_CRON_MS / SERVER_CRON_MS) === 0;
      tickCount++;
      nextTick += SERVER_CRON_MS;
      happen({ type: "serverCron" }, () => {
        // serverCron order (server.c 1030–1100): scheduled AOF rewrite, then reap children.
        if (server.rdbChildPid === -1 && server.aofChildPid === -1 && server.aofRewriteScheduled) {
          rewriteAppendOnlyFileBackground(server);
        }
        reapChild(server);
      });
      if (runReplCron) happen({ type: "replicationCron" }, () => replicationCron(server));
    } else if (t === bulkT && bulkNext) {
      const c = bulkNext;
      happen({ type: "bulk", replica: c.id }, () => sendBulkToSlave(server, c));
    }
  }

  // Stop the actors: the trace is plain data from here on.
  for (const c of server.clients) c.actor?.stop();

  const replicaLogs: Trace["replicaLogs"] = {};
  for (const a of agents) replicaLogs[a.id] = a.log;

  return {
    format: TRACE_FORMAT,
    scenarioId: scenario.id,
    frames,
    log: server.log,
    wires: views.wires(),
    replicaLogs,
    markers: markersOf(frames),
    endedBy,
    endTime: server.now,
  };
}

/** The connection whose sendBulkToSlave runs next: the earliest, then the first installed. */
function nextBulk(server: Server): Client | null {
  let bulkT = Infinity;
  let bulkNext: Client | null = null;
  for (const c of server.bulkPending) {
    if (c.bulkNextAt !== null && c.bulkNextAt < bulkT) {
      bulkT = c.bulkNextAt;
      bulkNext = c;
    }
  }
  return bulkNext;
}

function nextPhaseTime(now: number, phase: number): number {
  const base = Math.floor(now / 1000) * 1000 + phase;
  return base > now ? base : base + 1000;
}

function hashSeed(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return ((h >>> 0) % 2147483646) + 1;
}

/** The replication ID the scenario starts with (a replica shares its master's). */
function fixedReplid(seed: number): string {
  let out = "";
  let x = seed >>> 0 || 1;
  while (out.length < 40) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += x.toString(16).padStart(8, "0");
  }
  return out.slice(0, 40);
}

/** One connection as the frames see it: its place in `replicas` is its index in server.clients. */
interface Slot {
  client: Client;
  key: string;
  /** In server.slaves as of the current frame. */
  inSlaves: boolean;
  /** The view the previous frame showed, and the actor snapshot and flags it was made from. */
  view: ReplicaView | null;
  snapshot: unknown;
  flags: number;
  /** The frame stamps of its wire and output-buffer entries so far (see ConnectionIo). */
  wireFrame: StampLog;
  queuedFrame: StampLog;
  sentFrame: StampLog;
}

/**
 * Builds each frame's views of the live server. Frames are immutable, so whatever did not change
 * since the previous frame is shared with it: the server view, each connection's view and the
 * arrays holding them. That keeps long traces with many replicas small; a frame in which little
 * happened costs one pass over the connections and allocates next to nothing.
 */
class FrameViews {
  private readonly server: Server;
  private readonly slots: Slot[] = [];
  private readonly slotOf = new Map<Client, Slot>();
  /** server.slaves as of the current frame, and its keys (shared by frames while unchanged). */
  private slaveList: Client[] = [];
  private slaveKeys: string[] = [];
  private slaveListVersion = 0;

  constructor(server: Server) {
    this.server = server;
  }

  /** Give connections made since the previous frame their slots. */
  private addSlots(): void {
    const clients = this.server.clients;
    for (let k = this.slots.length; k < clients.length; k++) {
      const client = clients[k] as Client;
      const slot: Slot = {
        client,
        key: `${client.id}#${client.conn}`,
        inSlaves: false,
        view: null,
        snapshot: undefined,
        flags: 0,
        wireFrame: new StampLog(),
        queuedFrame: new StampLog(),
        sentFrame: new StampLog(),
      };
      this.slots.push(slot);
      this.slotOf.set(client, slot);
    }
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
    for (const c of this.slaveList) (this.slotOf.get(c) as Slot).inSlaves = false;
    this.slaveList = listToArray(list);
    this.slaveKeys = this.slaveList.map((c) => {
      const slot = this.slotOf.get(c) as Slot;
      slot.inSlaves = true;
      return slot.key;
    });
  }

  /** The key of the connection with client id `cid`. */
  private keyOfCid(cid: number): string {
    // Client ids are handed out in order, so slots[cid - first] is the one.
    const first = this.server.clients[0]?.cid ?? 0;
    return this.slots[cid - first]?.key ?? String(cid);
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
            targets: child.targets.map((cid) => this.keyOfCid(cid)),
          };
    const next: ServerView = {
      role: server.masterhost ? "replica" : "master",
      upstreamConnected: server.upstream.connected,
      hasMaster: server.upstream.master !== null,
      hasCachedMaster: server.upstream.cachedMaster !== null,
      replDisklessSync: server.replDisklessSync,
      replDisklessSyncDelay: server.replDisklessSyncDelay,
      replTimeout: server.replTimeout,
      unixtime: unixtime(server),
      replid: server.replid,
      masterReplOffset: server.masterReplOffset,
      replBacklog: server.replBacklog,
      slaveseldb: server.slaveseldb,
      rdbChildType: CHILD_TYPE_NAMES[server.rdbChildType] ?? "none",
      child: childView,
      aofRewriteScheduled: server.aofRewriteScheduled,
      // The model replaces rdbFile on every change, so the object can be shared.
      rdbFile: server.rdbFile,
      scriptCache: server.replScriptCache as string[],
      scriptCacheFlushes: server.scriptCacheFlushes,
      forkFails: server.faults.forkFails,
      slaves: this.slaveKeys,
    };
    return prev && shallowEqual(prev, next) ? prev : next;
  }

  /**
   * Every connection's view at frame i (`prev`: the previous frame's). Also stamps the wire and
   * buffer entries that frame i is the first to show.
   */
  replicaViews(i: number, prev: ReplicaView[]): ReplicaView[] {
    // Allocate a new array only once a view differs from the previous frame's.
    let out: ReplicaView[] | null = null;
    for (let k = 0; k < this.slots.length; k++) {
      const slot = this.slots[k] as Slot;
      const c = slot.client;
      slot.wireFrame.stampUpTo(c.wire.length, i);
      slot.queuedFrame.stampUpTo(c.reply.length, i);
      slot.sentFrame.stampUpTo(c.replyStart, i);
      const view = this.viewOf(slot, k);
      if (view !== prev[k]) {
        out ??= prev.slice();
        out[k] = view;
      }
    }
    return out ?? prev;
  }

  private viewOf(slot: Slot, k: number): ReplicaView {
    const c = slot.client;
    const snapshot = c.actor?.getSnapshot();
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
      v.closed === c.closed
    ) {
      return v;
    }
    slot.view = replicaView(c, slot.key, k, slot.inSlaves);
    slot.snapshot = snapshot;
    slot.flags = c.flags;
    return slot.view;
  }

  /** Trace.wires: every connection's logs with their frame stamps. */
  wires(): Trace["wires"] {
    this.addSlots();
    const wires: Trace["wires"] = {};
    for (const { client: c, key, wireFrame, queuedFrame, sentFrame } of this.slots) {
      wires[key] = {
        wire: c.wire,
        reply: c.reply,
        wireFrame: wireFrame.toArray(),
        queuedFrame: queuedFrame.toArray(),
        sentFrame: sentFrame.toArray(),
      };
    }
    return wires;
  }
}

/**
 * The frame stamps of one growing log while the trace is built: in a typed array, outside the
 * garbage-collected heap, so the collector does not copy them over and over as they grow.
 */
class StampLog {
  private stamps = new Int32Array(16);
  private length = 0;

  /** Stamp with frame i the entries of the log (now `length` long) that have no stamp yet. */
  stampUpTo(length: number, i: number): void {
    if (length <= this.length) return;
    if (length > this.stamps.length) {
      const grown = new Int32Array(Math.max(length, 2 * this.stamps.length));
      grown.set(this.stamps);
      this.stamps = grown;
    }
    while (this.length < length) this.stamps[this.length++] = i;
  }

  /** The stamps as a plain array (for the trace, which is plain data). */
  toArray(): number[] {
    const out = new Array<number>(this.length);
    for (let k = 0; k < this.length; k++) out[k] = this.stamps[k] as number;
    return out;
  }
}

/** Same keys with identical values (frames are immutable, so an equal view can be shared). */
function shallowEqual<T extends object>(a: T, b: T): boolean {
  for (const k in a) if (a[k] !== b[k]) return false;
  return true;
}

/** How many entries show at frame i, given their frame stamps (non-decreasing). */
function shownAt(stamps: readonly number[], i: number): number {
  let lo = 0;
  let hi = stamps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((stamps[mid] as number) <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A connection's wire / output-buffer extents at a frame. */
export function ioOf(trace: Trace, frame: Frame, r: ReplicaView): ReplicaIo {
  const io = trace.wires[r.key];
  if (!io) return { wireLen: 0, replyStart: 0, replyEnd: 0 };
  const i = frame.i;
  return { wireLen: shownAt(io.wireFrame, i), replyStart: shownAt(io.sentFrame, i), replyEnd: shownAt(io.queuedFrame, i) };
}

/** What reached the connection's socket by this frame. */
export function wireAt(trace: Trace, frame: Frame, r: ReplicaView): string[] {
  return trace.wires[r.key]?.wire.slice(0, ioOf(trace, frame, r).wireLen) ?? [];
}

/** What sits queued, unsent, in the connection's output buffer at this frame. */
export function outputBufferAt(trace: Trace, frame: Frame, r: ReplicaView): string[] {
  const io = ioOf(trace, frame, r);
  return trace.wires[r.key]?.reply.slice(io.replyStart, io.replyEnd) ?? [];
}

/**
 * A connection as the primary knows it. Its command and capabilities are what this connection
 * sent (its sync command and `slave_capa`), not the replica's current settings: after a
 * `replica-set` event they apply to its next connection only.
 */
function replicaView(c: Client, key: string, slot: number, inSlaves: boolean): ReplicaView {
  const snap = c.actor?.getSnapshot();
  const capa: ("eof" | "psync2")[] = [];
  if (c.slaveCapa & SLAVE_CAPA_EOF) capa.push("eof");
  if (c.slaveCapa & SLAVE_CAPA_PSYNC2) capa.push("psync2");
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
    machine: snap ? stateName(snap.value) : "handshake",
    lastTransition: snap?.context.lastTransition ?? null,
    dropReason: snap?.context.dropReason ?? null,
    closed: c.closed,
    slot,
  };
}

/**
 * The timeline markers. A happening's notes sit on its line frames and its event frame; its
 * markers point at the event frame, where stepping by event lands.
 */
function markersOf(frames: Frame[]): Marker[] {
  const out: Marker[] = [];
  let pending: Note[] = [];
  for (const f of frames) {
    if (f.kind === "line") {
      if (f.notes.length) pending = pending.concat(f.notes);
      continue;
    }
    for (const n of pending.length ? pending.concat(f.notes) : f.notes) {
      const at = { frame: f.i, t: f.t };
      if (n.key === "rdb.diskChild") out.push({ ...at, kind: "bgsave-start", target: "disk" });
      else if (n.key === "rdb.socketChild") out.push({ ...at, kind: "bgsave-start", target: "socket" });
      else if (n.key === "port.failed") out.push({ ...at, kind: "failure", target: "bgsave" });
      else if (n.key === "update.childError" || n.key === "socket.closing") out.push({ ...at, kind: "failure", target: "child" });
      else if (n.key === "online") out.push({ ...at, kind: "online", target: n.replica });
    }
    pending = [];
  }
  return out;
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
export function expectedMachineState(r: Pick<ReplicaView, "closed" | "flags" | "replstate" | "putOnlineOnAck" | "inSlaves">): string {
  const isReplica = r.flags.includes("SLAVE") && r.inSlaves;
  if (r.closed || (!isReplica && r.replstate !== "NONE")) return "dropped";
  if (r.replstate === "NONE") return "handshake";
  if (r.replstate === "ONLINE") return r.putOnlineOnAck ? "ONLINE.waitingForAck" : "ONLINE.streaming";
  return r.replstate;
}

