/**
 * The primary's server struct and its small services: creation, the clock (server.unixtime),
 * pids, the deterministic stand-in for getRandomHexChars, the log (serverLog, docs/behaviour.md §13) and notes.
 */
import { DEFAULT_VERSION, WORDING } from "./versions/names";
import { AROUND } from "./versions/around";
import { listCreate } from "./adlist";
import { REPL_PING_SLAVE_PERIOD } from "./constants";
import type { Note } from "./notes";
import type { Client, LogLevel, Peer, PeerLine, Server } from "./types";

interface ServerInit {
  replDisklessSync: boolean;
  replDisklessSyncDelay: number;
  replTimeout: number;
  replDisklessSyncMaxReplicas?: number;
  role: "master" | "replica";
  upstream: "linked" | "cached" | "none";
  hasBacklog: boolean;
  replid: string;
  masterReplOffset: number;
  slaveseldb: number;
  seed: number;
  rdbBytes: number;
  appendonly: boolean;
  timing: Server["timing"];
}

export function newServer(init: ServerInit): Server {
  const isReplica = init.role === "replica";
  return {
    now: 0,
    pid: 4000 + (init.seed % 1000),
    nextPid: 4001 + (init.seed % 1000) + 16,
    nextClientId: 3,
    replDisklessSync: init.replDisklessSync,
    replDisklessSyncDelay: init.replDisklessSyncDelay,
    replTimeout: init.replTimeout,
    ...(init.replDisklessSyncMaxReplicas ? { replDisklessSyncMaxReplicas: init.replDisklessSyncMaxReplicas } : {}),
    replPingSlavePeriod: REPL_PING_SLAVE_PERIOD,
    rdbFilename: "dump.rdb",
    appendonly: init.appendonly,
    masterhost: isReplica ? "10.0.0.1" : null,
    upstream: {
      master: isReplica && init.upstream === "linked" ? { dbid: 0 } : null,
      cachedMaster: isReplica && init.upstream === "cached" ? { dbid: 0 } : null,
      connected: isReplica && init.upstream === "linked",
    },
    replid: init.replid,
    replid2: "0".repeat(40),
    masterReplOffset: init.masterReplOffset,
    replBacklog: isReplica ? true : init.hasBacklog,
    slaveseldb: init.slaveseldb,
    rdbChildPid: -1,
    rdbChildType: 0,
    aofChildPid: -1,
    aofRewriteScheduled: false,
    child: null,
    rdbFile: { exists: false, size: 0, writtenBy: 0 },
    rdbBytes: init.rdbBytes,
    replScriptCache: [],
    scriptCacheFlushes: 0,
    slaves: listCreate<Client>(),
    clients: [],
    made: [],
    bulkPending: new Set(),
    touched: [],
    stream: [],
    changed: [],
    shareStream: false,
    log: [],
    peers: new Map(),
    fullresync: null,
    lines: [],
    notes: [],
    faults: { forkFails: null },
    replicationCronLoops: 0,
    rngState: init.seed >>> 0 || 1,
    version: DEFAULT_VERSION,
    startBgsave: null,
    around: AROUND[DEFAULT_VERSION],
    closeAsap: [],
    heldSockets: [],
    onLine: null,
    timing: init.timing,
  };
}

/**
 * How the server's log names a replica: "slave" in 4.0.14, "replica" from 5.0 on (commit 53fe558ea
 * and its follow-ups, docs/versions.md §13; a few lines kept the old word, see there).
 */
export function slaveWord(server: Server): "slave" | "replica" {
  return WORDING[server.version].replica;
}

/** slaveWord with a capital, for a line that starts with it. */
export function SlaveWord(server: Server): "Slave" | "Replica" {
  return WORDING[server.version].replica === "slave" ? "Slave" : "Replica";
}

/** server.unixtime: whole seconds, as cached by serverCron. */
export function unixtime(server: Server): number {
  return Math.floor(server.now / 1000);
}

/** Deterministic stand-in for getRandomHexChars (mulberry32). */
export function randomHex(server: Server, len: number): string {
  let out = "";
  while (out.length < len) {
    server.rngState = (server.rngState + 0x6d2b79f5) >>> 0;
    let t = server.rngState;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out += ((t ^ (t >>> 14)) >>> 0).toString(16).padStart(8, "0");
  }
  return out.slice(0, len);
}

export function forkPid(server: Server): number {
  return server.nextPid++;
}

/**
 * replicationGetSlaveName: "ip:port", or "ip:<unknown-slave-port>" for redis-cli --slave (docs/behaviour.md §13;
 * "replica" from 5.0, docs/versions.md §3.1), with the log lines that name it (Peer): the same
 * entry for every connection from that port in a run.
 */
export function peerOf(server: Server, port: number | null): Peer {
  let peer = server.peers.get(port);
  if (!peer || peer.version !== server.version) {
    const name = port ? `127.0.0.1:${port}` : `127.0.0.1:<unknown-${slaveWord(server)}-port>`;
    peer = { name, version: server.version, lines: {} };
    server.peers.set(port, peer);
  }
  return peer;
}

/** A line of the server's log naming connection c, worded for the server's version once per name (Peer). */
export function peerLine(server: Server, c: Client, which: PeerLine): string {
  const peer = c.peer;
  if (peer.version !== server.version) return peerText(server, c.name, which);
  return (peer.lines[which] ??= peerText(server, c.name, which));
}

function peerText(server: Server, name: string, which: PeerLine): string {
  switch (which) {
    case "asks":
      return `${SlaveWord(server)} ${name} asks for synchronization`;
    case "fullResync":
      return `Full resync requested by ${slaveWord(server)} ${name}`;
    case "lost":
      return `Connection with ${slaveWord(server)} ${name} lost.`;
    case "online":
      return `Synchronization with ${slaveWord(server)} ${name} succeeded`;
  }
}

export function serverLog(server: Server, level: LogLevel, text: string): void {
  server.log.push({ t: server.now, pid: server.pid, role: server.masterhost ? "S" : "M", level, text });
}

export function childLog(server: Server, pid: number, text: string): void {
  server.log.push({ t: server.now, pid, role: "C", level: "notice", text });
}

export function note(server: Server, n: Note): void {
  server.notes.push(n);
}

