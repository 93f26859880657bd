/**
 * runScenario: the whole simulation, pure and deterministic (docs/architecture.md §3). Same
 * scenario ⇒ the same trace, bit for bit.
 *
 * One primary on a virtual millisecond clock: serverCron every 100 ms (it reaps children and
 * starts a scheduled AOF rewrite), replicationCron every 1000 ms (docs/behaviour.md §9), the event
 * loop's writable handler for sendBulkToSlave (docs/behaviour.md §11), the scenario's events (events.ts), and each
 * replica's own side (replicaSide.ts). This file is the clock: it picks the next happening, runs
 * it, lets the replicas read their sockets, and has the recorder make an event frame if anything a
 * learner can see changed. Every executed line of startBgsaveForReplication becomes a line frame.
 */
import type { Scenario } from "../scenarios/schema";
import { REPLICATION_CRON_MS, SERVER_CRON_MS, SLAVE_STATE_ONLINE } from "./constants";
import { applyEvent, type EventState } from "./events";
import { rewriteAppendOnlyFileBackground } from "./aof";
import { childFinishesWork, reapChild } from "./children";
import { freeClientsClosingAfterReply, freeClientsInAsyncFreeQueue } from "./networking";
import { Recorder } from "./recorder";
import { createReplicas, readSockets, reconnectNow, replicaBusy, replicaCron, type Replicas } from "./replicaSide";
import { replicationCron, sendBulkToSlave } from "./replication";
import { newServer } from "./server";
import { TRACE_FORMAT, type Cause, type Trace } from "./trace";
import type { Client, PortLocals, Server } from "./types";
import { versionProblem } from "./versions/modelled";
import { applyVersion, DEFAULT_VERSION, type RedisVersion } from "./versions/profiles";

export { MODELLED_VERSIONS, versionProblem } from "./versions/modelled";

export interface RunOptions {
  /** Stop after this many frames (MAX_FRAMES unless given; the trace says it ended by "frame-limit"). */
  maxFrames?: number;
  /**
   * Told now and then how far the run has got (virtual ms simulated, of at most `end`): the page's
   * progress bar. Called every PROGRESS_EVERY happenings; it must not change anything.
   */
  onProgress?: (progress: { t: number; end: number }) => void;
  /**
   * ONLINE replicas follow the shared stream log (true unless given). False gives every
   * connection a whole wire of its own: the same trace, read through wireEntries (a test checks).
   */
  shareStream?: boolean;
  /**
   * A frame looks only at the replicas whose code ran since the last one, and at the stream's
   * followers whose socket changed (true unless given). False looks at everything every frame: the
   * same trace (src/model/stream.test.ts checks).
   */
  trackChanges?: boolean;
  /**
   * The Redis version whose behaviour the run has (docs/versions.md): the scenario's own
   * (`redis`, 4.0.14 unless it names another) unless given. Only
   * the versions whose behaviour around the function is modelled (MODELLED_VERSIONS) can run.
   */
  redis?: RedisVersion;
  /**
   * Go on past quiescence until this virtual time (ms; the horizon still ends the run): the
   * conformance comparer (src/conformance/) runs the model as long as the real server was
   * recorded, so that what a real server does after the sync — its PINGs, keep-alives, ACK
   * handling — is simulated over the same window.
   */
  runUntil?: number;
  /**
   * A happening that only wrote to a socket (a keep-alive, the stream's PING) makes a frame too,
   * so that every wire entry's stamp is the time it was written. False unless given: the page
   * steps through what a learner can see, and such a write alone is not that (docs/architecture.md
   * §6); the conformance comparer (src/conformance/) sets it to compare times.
   */
  frameOnWrite?: boolean;
}


const PROGRESS_EVERY = 2048;

/** The most frames a trace holds: a run that would make more stops there, and says so (endedBy). */
export const MAX_FRAMES = 200_000;

export function runScenario(scenario: Scenario, options: RunOptions = {}): Trace {
  const version = options.redis ?? scenario.redis ?? DEFAULT_VERSION;
  const problem = versionProblem(scenario, version);
  if (problem) throw new Error(problem);
  const server = serverFor(scenario);
  applyVersion(server, version);
  // ONLINE replicas follow one stream log instead of copying every command (Trace.stream).
  server.shareStream = options.shareStream ?? true;
  const replicas = createReplicas(server, scenario);
  const recorder = new Recorder(server, replicas.agents, options.maxFrames ?? MAX_FRAMES, options.trackChanges === false ? null : replicas.changed);
  const events = scenario.events.map((e, index) => ({ e, index, t: Math.round(e.at * 1000) }));
  const eventState: EventState = { writes: 0 };

  // What the happening being run executed of the function (an event frame shows its last line).
  let lastLine: number | null = null;
  let lastLocals: PortLocals | null = null;
  let seenLines = 0;
  server.onLine = (line, locals, condition) => {
    lastLine = line;
    lastLocals = locals;
    recorder.record("line", line, locals, condition);
  };

  /*
   * One happening: begin(cause), run it, end() — which makes an event frame if it changed anything
   * a learner can see. The causes that repeat (the crons, a replica's own cron, a bulk write to a
   * replica) are one object each per run, shared by their frames as a happening's frames share its cause.
   */
  let logBefore = 0;
  let replicaLogBefore = 0;
  let streamBefore = 0;
  const frameOnWrite = options.frameOnWrite ?? false;
  const begin = (cause: Cause): void => {
    recorder.cause = cause;
    lastLine = null;
    lastLocals = null;
    logBefore = server.log.length;
    replicaLogBefore = replicas.logCount;
    streamBefore = server.stream.length;
  };
  const end = (): void => {
    const wrote = frameOnWrite && (server.touched.length > 0 || server.stream.length !== streamBefore);
    // What the happening freed, then what the replicas read. From 6.0 their reading can make the
    // primary free more asynchronously (an ACK that reaped a failed child): that is freed before
    // the loop sleeps, and read by them now (at most 5 rounds).
    let rounds = 0;
    do {
      freeClientsInAsyncFreeQueue(server);
      freeClientsClosingAfterReply(server);
      readSockets(replicas);
    } while (server.closeAsap.length > 0 && ++rounds < 5);
    const visible =
      wrote ||
      server.notes.length > 0 ||
      server.log.length !== logBefore ||
      server.lines.length !== seenLines ||
      replicas.logCount !== replicaLogBefore;
    if (visible) recorder.record("event", lastLine, lastLocals);
    seenLines = server.lines.length;
  };

  const serverCronCause: Cause = { type: "serverCron" };
  const replicationCronCause: Cause = { type: "replicationCron" };
  const replicaCause: Cause[] = [];
  const bulkCause = new Map<string, Cause>();

  let nextEvent = 0;
  let nextTick = 0;
  let tickCount = 0;
  const lastEventT = events.length ? (events[events.length - 1] as { t: number }).t : 0;
  const horizon = scenario.until !== undefined ? Math.round(scenario.until * 1000) : lastEventT + 2 * server.replTimeout * 1000 + 30_000;
  let endedBy: Trace["endedBy"] = "horizon";

  recorder.record("event", null, null);

  const onProgress = options.onProgress;
  // Most of a run's work is its events: after the last one the bar shows full until the end.
  const progressEnd = scenario.until !== undefined ? horizon : Math.max(1, lastEventT);
  let happenings = 0;
  for (;;) {
    if (recorder.full) {
      endedBy = "frame-limit";
      break;
    }
    if (onProgress && ++happenings % PROGRESS_EVERY === 0) onProgress({ t: Math.min(server.now, progressEnd), end: progressEnd });
    if (nextEvent >= events.length && quiescent(server, replicas) && server.now >= lastEventT && server.now >= (options.runUntil ?? 0)) {
      endedBy = "quiescent";
      break;
    }
    // Candidates, in priority order for equal times.
    const childT = server.child && !server.child.exit ? server.child.doneAt : Infinity;
    const eventT = nextEvent < events.length ? (events[nextEvent] as { t: number }).t : Infinity;
    const agentTop = replicas.timers.peek();
    const agentT = agentTop ? agentTop.t : Infinity;
    const soonTop = replicas.soon.peek();
    const soonT = soonTop ? soonTop.t : Infinity;
    const bulkNext = nextBulk(server);
    const bulkT = bulkNext ? (bulkNext.bulkNextAt as number) : Infinity;
    const t = Math.min(childT, eventT, agentT, soonT, nextTick, bulkT);
    if (t > horizon) break;
    server.now = t;

    if (t === childT && server.child) {
      const child = server.child;
      begin({ type: "childDone", kind: child.kind, pid: child.pid });
      childFinishesWork(server);
      end();
    } else if (t === eventT) {
      const ev = events[nextEvent++] as (typeof events)[number];
      begin({ type: "event", index: ev.index, event: ev.e });
      applyEvent(replicas, eventState, ev.e);
      end();
    } else if (t === soonT && soonTop) {
      // 6.2 on: a replica's connection started at once after a failure is up (docs/versions.md §20).
      const a = soonTop.value;
      replicas.soon.pop();
      begin((replicaCause[a.index] ??= { type: "replica", replica: a.id }));
      reconnectNow(replicas, a);
      end();
    } else if (t === agentT && agentTop) {
      const a = agentTop.value;
      replicas.timers.pop();
      a.nextCron += 1000;
      replicas.timers.push(a.nextCron, a.index, a);
      begin((replicaCause[a.index] ??= { type: "replica", replica: a.id }));
      replicaCron(replicas, a);
      end();
    } else if (t === nextTick) {
      const runReplCron = tickCount % (REPLICATION_CRON_MS / SERVER_CRON_MS) === 0;
      tickCount++;
      nextTick += SERVER_CRON_MS;
      begin(serverCronCause);
      // serverCron order (server.c 1030–1100): scheduled AOF rewrite, then reap children.
      if (server.rdbChildPid === -1 && server.aofChildPid === -1 && server.aofRewriteScheduled) {
        rewriteAppendOnlyFileBackground(server);
      }
      reapChild(server);
      end();
      if (runReplCron) {
        begin(replicationCronCause);
        replicationCron(server);
        end();
      }
    } else if (t === bulkT && bulkNext) {
      let cause = bulkCause.get(bulkNext.id);
      if (!cause) bulkCause.set(bulkNext.id, (cause = { type: "bulk", replica: bulkNext.id }));
      begin(cause);
      sendBulkToSlave(server, bulkNext);
      end();
    }
  }

  const replicaLogs: Trace["replicaLogs"] = {};
  for (const a of replicas.agents) replicaLogs[a.id] = a.log;

  return {
    format: TRACE_FORMAT,
    scenarioId: scenario.id,
    redis: version,
    frames: recorder.frames,
    log: server.log,
    wires: recorder.wires(),
    stream: recorder.stream(),
    retired: recorder.retired(),
    replicaLogs,
    markers: recorder.markers,
    endedBy,
    endTime: server.now,
  };
}

/** The primary a scenario starts with. PIDs and replids are deterministic per scenario. */
function serverFor(scenario: Scenario): Server {
  const seed = scenario.seed ?? hashSeed(scenario.id);
  const { role } = scenario.primary;
  return newServer({
    replDisklessSync: scenario.config.replDisklessSync,
    replDisklessSyncDelay: scenario.config.replDisklessSyncDelay,
    replTimeout: scenario.config.replTimeout,
    replDisklessSyncMaxReplicas: scenario.config.replDisklessSyncMaxReplicas,
    role,
    upstream: scenario.primary.upstream ?? (role === "replica" ? "linked" : "none"),
    hasBacklog: false,
    replid: role === "replica" ? fixedReplid(seed) : fixedReplid(seed + 7),
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
}

/**
 * Nothing more will happen by itself: no child, no scheduled rewrite, every replica ONLINE and
 * streaming, and no replica still syncing or about to retry.
 */
function quiescent(server: Server, replicas: Replicas): boolean {
  if (server.child || server.aofRewriteScheduled) return false;
  for (let n = server.slaves.head; n; n = n.next) {
    if (n.value.replstate !== SLAVE_STATE_ONLINE || n.value.replPutOnlineOnAck) return false;
  }
  return !replicas.agents.some(replicaBusy);
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
