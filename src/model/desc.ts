/**
 * createServer: a primary frozen at one instant, described in plain JSON (docs/architecture.md §5). Used by the
 * "what if" probe, the differential test against the C function, and property tests.
 */
import {
  CLIENT_PRE_PSYNC,
  CLIENT_SLAVE,
  RDB_CHILD_TYPE_DISK,
  RDB_CHILD_TYPE_SOCKET,
  REPLSTATE_BY_NAME,
  SLAVE_CAPA_EOF,
  SLAVE_CAPA_PSYNC2,
  SLAVE_STATE_ONLINE,
  SLAVE_STATE_SEND_BULK,
  SLAVE_STATE_WAIT_BGSAVE_END,
} from "./constants";
import { addSlave, createClient, machineSend } from "./networking";
import { forkPid, newServer } from "./server";
import type { Server } from "./types";

export type DescReplState = "WAIT_BGSAVE_START" | "WAIT_BGSAVE_END" | "SEND_BULK" | "ONLINE";

export interface ServerDesc {
  /** rdbDelSyncFiles: 6.0 and later only (`rdb-del-sync-files`, default no); ignored by the 4.0.14 port. */
  config: { replDisklessSync: boolean; replDisklessSyncDelay: number; rdbDelSyncFiles?: boolean };
  role: "master" | "replica";
  /** master only */
  hasBacklog?: boolean;
  /** replica only */
  upstream?: "linked" | "cached" | "none";
  replid: string;
  masterReplOffset: number;
  slaveseldb: number;
  child: "none" | "rdb-disk" | "rdb-socket" | "aof";
  faults: { forkFails: boolean };
  replicas: {
    id: string;
    replstate: DescReplState;
    capa: { eof: boolean; psync2: boolean };
    oldSync: boolean;
    /** 7.0 and later only: the replica's `slave_req` (SLAVE_REQ_* bits); absent means 0. */
    req?: number;
  }[];
  /** Optional: SHA1s in the replication script cache. */
  scriptCache?: string[];
}

export function createServer(desc: ServerDesc): Server {
  const server = newServer({
    replDisklessSync: desc.config.replDisklessSync,
    replDisklessSyncDelay: desc.config.replDisklessSyncDelay,
    replTimeout: 60,
    role: desc.role,
    upstream: desc.upstream ?? "none",
    hasBacklog: desc.hasBacklog ?? false,
    replid: desc.replid,
    masterReplOffset: desc.masterReplOffset,
    slaveseldb: desc.slaveseldb,
    seed: 1,
    rdbBytes: 1 << 20,
    appendonly: desc.child === "aof",
    timing: { bgsaveMs: 2000, aofRewriteMs: 3000, transferBytesPerSec: 8 << 20 },
  });
  if (desc.role === "master") server.replBacklog = desc.hasBacklog ?? false;
  if (desc.faults.forkFails) server.faults.forkFails = "EAGAIN";
  if (desc.config.rdbDelSyncFiles !== undefined) {
    server.rdbDelSyncFiles = desc.config.rdbDelSyncFiles;
    server.rdbGeneratedByReplication = false;
  }
  server.replScriptCache = [...(desc.scriptCache ?? [])];

  if (desc.child !== "none") {
    const pid = forkPid(server);
    const kind = desc.child;
    server.child = {
      pid,
      kind,
      origin: "replication",
      startedAt: 0,
      doneAt: Number.POSITIVE_INFINITY,
      // A frozen instant: no connection is freed while it runs, so which sockets it holds does not matter.
      inheritsBelowCid: 0,
      exit: null,
      targets: [],
      eofMark: "",
      writesDuring: 0,
    };
    if (kind === "aof") server.aofChildPid = pid;
    else {
      server.rdbChildPid = pid;
      server.rdbChildType = kind === "rdb-disk" ? RDB_CHILD_TYPE_DISK : RDB_CHILD_TYPE_SOCKET;
    }
  }

  desc.replicas.forEach((r, i) => {
    const c = createClient(server, r.id, 1, r.oldSync ? null : 17001 + i);
    c.slaveCapa = (r.capa.eof ? SLAVE_CAPA_EOF : 0) | (r.capa.psync2 ? SLAVE_CAPA_PSYNC2 : 0);
    c.flags = CLIENT_SLAVE | (r.oldSync ? CLIENT_PRE_PSYNC : 0);
    c.replstate = REPLSTATE_BY_NAME[r.replstate];
    if (r.req !== undefined) c.slaveReq = r.req;
    addSlave(server, c);
    machineSend(c, { type: "SYNC_ACCEPTED" });
    if (c.replstate >= SLAVE_STATE_WAIT_BGSAVE_END) {
      c.psyncInitialOffset = desc.masterReplOffset;
      machineSend(c, { type: "FULLRESYNC_SETUP" });
      if (server.child?.kind === "rdb-socket" && c.replstate === SLAVE_STATE_WAIT_BGSAVE_END) {
        server.child.targets.push(c.cid);
      }
    }
    if (c.replstate === SLAVE_STATE_SEND_BULK) {
      c.repldbsize = server.rdbBytes;
      machineSend(c, { type: "BULK_START" });
    }
    if (c.replstate === SLAVE_STATE_ONLINE) {
      machineSend(c, { type: "STREAM_DONE" });
      machineSend(c, { type: "PUT_ONLINE" });
    }
  });
  return server;
}
