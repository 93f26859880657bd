import { listSearchKey } from "./adlist";
import { REPLSTATE_NAMES, flagNames, type ReplStateName } from "./constants";
import { clientWire, outputBuffer } from "./networking";
import type { Client, LogLevel, Server } from "./types";

export interface ReplicaSnapshot {
  id: string;
  replstate: ReplStateName;
  inSlaves: boolean;
  flags: string[];
  psyncInitialOffset: number;
  wire: string[];
  outputBuffer: string[];
}

export interface ServerSnapshot {
  rdbChildType: "none" | "disk" | "socket";
  slaveseldb: number;
  scriptCacheFlushed: boolean;
  log: { level: LogLevel; text: string }[];
  lines: number[];
  replicas: ReplicaSnapshot[];
  replid: string;
  masterReplOffset: number;
  aofChild: boolean;
}

export const CHILD_TYPE_NAMES = ["none", "disk", "socket"] as const;

function replicaSnapshot(server: Server, c: Client): ReplicaSnapshot {
  return {
    id: c.id,
    replstate: REPLSTATE_NAMES[c.replstate] ?? "NONE",
    inSlaves: listSearchKey(server.slaves, c) !== null,
    flags: [...flagNames(c.flags)],
    psyncInitialOffset: c.psyncInitialOffset,
    wire: [...clientWire(c)],
    outputBuffer: outputBuffer(c),
  };
}

/** Plain JSON view of a primary (docs/architecture.md §5). Replicas: live connections in creation order. */
export function snapshotServer(server: Server): ServerSnapshot {
  return {
    rdbChildType: CHILD_TYPE_NAMES[server.rdbChildType] ?? "none",
    slaveseldb: server.slaveseldb,
    scriptCacheFlushed: server.scriptCacheFlushes > 0,
    log: server.log.map((l) => ({ level: l.level, text: l.text })),
    lines: [...server.lines],
    replicas: server.clients.filter((c) => !c.closed).map((c) => replicaSnapshot(server, c)),
    replid: server.replid,
    masterReplOffset: server.masterReplOffset,
    aofChild: server.aofChildPid !== -1,
  };
}
