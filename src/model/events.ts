/**
 * A scenario's events, applied to the running simulation at their virtual time: replicas
 * connecting and leaving, faults (a failing fork, a killed or failing child, a lost upstream
 * link), commands on the primary (writes, EVALSHA, BGSAVE, BGREWRITEAOF, CONFIG SET) and a
 * replica's changed settings. An event that cannot apply says why in a note instead.
 */
import type { ScenarioEvent } from "../scenarios/schema";
import { bgrewriteaofCommand } from "./aof";
import { failChild, killChild } from "./children";
import { bgsaveCommand } from "./rdb";
import { sha1 } from "@noble/hashes/legacy.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { applyWrite, evalshaCommand } from "./replicationStream";
import { upstreamConnectAttempt } from "./replication";
import { capaBits, closeConnection, markAgent, replicaPort, startReplicaCron, syncWithMaster, type Replicas } from "./replicaSide";
import { note, serverLog, slaveWord } from "./server";

/** The default body of an EVALSHA whose script the scenario does not give. */
const DEFAULT_SCRIPT = "return redis.call('INCR', 'counter')";

/** SHA1 of a script body, as SCRIPT LOAD returns it (lowercase hex). */
export function scriptSha(body: string): string {
  return bytesToHex(sha1(new TextEncoder().encode(body)));
}

/** What events remember between them: how many keys the writes have set so far. */
export interface EventState {
  writes: number;
}

export function applyEvent(w: Replicas, state: EventState, e: ScenarioEvent): void {
  const server = w.server;
  switch (e.type) {
    case "connect": {
      const a = w.byId.get(e.replica);
      if (!a) return;
      if (a.client && !a.client.closed) {
        note(server, { key: "event.alreadyConnected", replica: a.id });
        return;
      }
      startReplicaCron(w, a);
      syncWithMaster(w, a, e.pipelined ?? false);
      return;
    }
    case "disconnect": {
      const a = w.byId.get(e.replica);
      if (!a || !a.client) {
        note(server, { key: "event.notConnected", replica: e.replica });
        return;
      }
      note(server, { key: "event.disconnect", replica: a.id });
      closeConnection(w, a, "gone");
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
        // The observed recipe of docs/behaviour.md §5/§13 D: a protocol error from the master, so it is not cached.
        serverLog(
          server,
          "warning",
          `== CRITICAL == This ${slaveWord(server)} is sending an error to its master: 'Protocol error: invalid multibulk length' after processing the command '<unknown>'`,
        );
        // 7.0: then the protocol error itself, at warning level for a master (docs/versions.md §22).
        if (server.around.masterProtocolErrorLogged)
          serverLog(server, "warning", `Protocol error (invalid mbulk count) from client: addr=${server.masterhost}:6379 flags=M cmd=NULL. Query buffer during protocol error: '*x..'`);
        serverLog(server, "warning", "Connection with master lost.");
      }
      server.upstream.master = null;
      server.upstream.connected = false;
      note(server, { key: "event.upstreamLost", cached: !!e.cached });
      // 6.2 on: it reconnects at once rather than at its next cron run.
      if (server.around.replicaAtOnce) upstreamConnectAttempt(server, "linkLost");
      return;
    case "write": {
      const count = e.count ?? 1;
      for (let k = 0; k < count; k++) {
        state.writes++;
        applyWrite(server, ["SET", `key:${state.writes}`, String(state.writes)]);
      }
      note(server, { key: "event.write", count, offset: server.masterReplOffset });
      return;
    }
    case "evalsha": {
      // The primary has the script loaded (SCRIPT LOAD before the run); an EVALSHA of another
      // SHA1 finds nothing: -NOSCRIPT to the client, nothing propagated (docs/behaviour.md §10).
      const script = e.script ?? DEFAULT_SCRIPT;
      if (e.sha !== scriptSha(script)) {
        note(server, { key: "evalsha.noscript", sha: e.sha });
        return;
      }
      evalshaCommand(server, e.sha, script);
      return;
    }
    case "config-set":
      // CONFIG SET takes effect at once; the next syncCommand / replicationCron sees it (docs/behaviour.md §12).
      if (e.replDisklessSync !== undefined) server.replDisklessSync = e.replDisklessSync;
      if (e.replDisklessSyncDelay !== undefined) server.replDisklessSyncDelay = e.replDisklessSyncDelay;
      note(server, { key: "event.configSet", diskless: server.replDisklessSync, delay: server.replDisklessSyncDelay });
      return;
    case "replica-set": {
      const a = w.byId.get(e.replica);
      if (!a) return;
      markAgent(w, a);
      if (e.capa) {
        a.capaNames = [...e.capa];
        a.capa = capaBits(e.capa);
      }
      if (e.command) {
        a.command = e.command;
        a.port = replicaPort(e.command, a.index);
      }
      // Takes effect on its next connection: the capabilities of a live one are already set.
      note(server, { key: "event.replicaSet", replica: a.id, command: a.command, capa: a.capaNames.join(" ") || "none" });
      return;
    }
  }
}
