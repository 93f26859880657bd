/**
 * The "what if" probe: one call to startBgsaveForReplication on a primary frozen at one instant,
 * built with createServer and recorded line by line through server.onLine. Same model code as
 * the simulation, on the version the page runs (its port and what it does around the function,
 * src/model/versions/); nothing here decides anything the port decides.
 */
import {
  createServer,
  snapshotServer,
  SLAVE_CAPA_EOF,
  SLAVE_CAPA_PSYNC2,
  type DescReplState,
  type PortLocals,
  type ServerDesc,
  type ServerSnapshot,
} from "../../model";
import { applyVersion, DEFAULT_VERSION, PROFILES, type RedisVersion } from "../../model/versions/profiles";

export const PROBE_REPLSTATES: DescReplState[] = ["WAIT_BGSAVE_START", "WAIT_BGSAVE_END", "SEND_BULK", "ONLINE"];

export interface ProbeReplica {
  id: string;
  replstate: DescReplState;
  eof: boolean;
  psync2: boolean;
  oldSync: boolean;
}

/** What the learner set up; numbers stay as typed until checked. */
export interface ProbeInputs {
  diskless: boolean;
  delay: string;
  role: "master" | "replica";
  backlog: boolean;
  upstream: "linked" | "cached" | "none";
  offset: string;
  forkFails: boolean;
  child: ServerDesc["child"];
  replicas: ProbeReplica[];
  /** null: mincapa as the callers compute it. */
  mincapaOverride: { eof: boolean; psync2: boolean } | null;
}

export const DEFAULT_INPUTS: ProbeInputs = {
  diskless: false,
  delay: "5",
  role: "master",
  backlog: true,
  upstream: "linked",
  offset: "0",
  forkFails: false,
  child: "none",
  replicas: [{ id: "r1", replstate: "WAIT_BGSAVE_START", eof: true, psync2: true, oldSync: false }],
  mincapaOverride: null,
};

const capaBits = (c: { eof: boolean; psync2: boolean }) => (c.eof ? SLAVE_CAPA_EOF : 0) | (c.psync2 ? SLAVE_CAPA_PSYNC2 : 0);

/**
 * mincapa as replicationCron computes it (-1, then AND of every WAIT_BGSAVE_START replica's
 * capa); syncCommand passes the one replica's capa, which is the same when it is the only one
 * waiting. null when no replica waits: no caller would call the function.
 */
export function callersMincapa(replicas: readonly ProbeReplica[]): number | null {
  const waiting = replicas.filter((r) => r.replstate === "WAIT_BGSAVE_START");
  if (!waiting.length) return null;
  return waiting.reduce((m, r) => m & capaBits(r), -1);
}

export function effectiveMincapa(inputs: ProbeInputs): number {
  return inputs.mincapaOverride ? capaBits(inputs.mincapaOverride) : (callersMincapa(inputs.replicas) ?? -1);
}

/** rdbPopulateSaveInfo's answer for this setup (docs/behaviour.md §5): a master needs its backlog, a replica its master. */
export function rsiAvailable(inputs: Pick<ProbeInputs, "role" | "backlog" | "upstream">): boolean {
  return inputs.role === "master" ? inputs.backlog : inputs.upstream !== "none";
}

export function nextProbeId(replicas: readonly ProbeReplica[]): string {
  const used = new Set(replicas.map((r) => r.id));
  for (let n = 1; ; n++) if (!used.has(`r${n}`)) return `r${n}`;
}

const PROBE_REPLID = "8d5bd4a1e3c0f6b2a9d7e4c1b0a3f5e6d2c9b8a7";

export function toDesc(inputs: ProbeInputs, delay: number, offset: number): ServerDesc {
  return {
    config: { replDisklessSync: inputs.diskless, replDisklessSyncDelay: delay },
    role: inputs.role,
    ...(inputs.role === "master" ? { hasBacklog: inputs.backlog } : { upstream: inputs.upstream }),
    replid: PROBE_REPLID,
    masterReplOffset: offset,
    slaveseldb: 0,
    child: inputs.child,
    faults: { forkFails: inputs.forkFails },
    replicas: inputs.replicas.map((r) => ({
      id: r.id,
      replstate: r.replstate,
      capa: { eof: r.eof, psync2: r.psync2 },
      oldSync: r.oldSync,
    })),
  };
}

export interface ProbeStep {
  line: number;
  locals: PortLocals;
  snapshot: ServerSnapshot;
}

export interface ProbeRun {
  /** The version whose function ran (line numbers are its text's). */
  redis: RedisVersion;
  mincapa: number;
  before: ServerSnapshot;
  steps: ProbeStep[];
  retval: number;
}

/** Build the primary, call the port once, and keep a snapshot after every executed line. */
export function runProbe(desc: ServerDesc, mincapa: number, redis: RedisVersion = DEFAULT_VERSION): ProbeRun {
  const server = createServer(desc);
  applyVersion(server, redis);
  const before = snapshotServer(server);
  const steps: ProbeStep[] = [];
  server.onLine = (line, locals) => steps.push({ line, locals, snapshot: snapshotServer(server) });
  const retval = PROFILES[redis].port(server, mincapa);
  server.onLine = null;
  return { redis, mincapa, before, steps, retval };
}
