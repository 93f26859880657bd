/**
 * The server around the function on each version the model runs (docs/versions.md): what 5.0.5
 * does differently from 4.0.14, read from whole runs of the catalogue. The golden timelines hold
 * every line of it; these tests say what matters to a learner.
 */
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../scenarios/catalogue";
import type { Scenario } from "../../scenarios/schema";
import { MODELLED_VERSIONS, runScenario, versionProblem } from "../sim";
import { wireEntries, type Trace } from "../trace";
import { PROFILES, REDIS_VERSIONS } from "./profiles";

const scenario = (id: string): Scenario => {
  const s = CATALOGUE.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s;
};
const wire = (trace: Trace, key: string) => {
  const io = trace.wires[key];
  return io ? wireEntries(trace, io).wire : [];
};
const replicaLog = (trace: Trace, id: string) => (trace.replicaLogs[id] ?? []).map((l) => l.text);
const log = (trace: Trace) => trace.log.map((l) => l.text);

describe("the failed BGSAVE's reply (docs/versions.md §4.1, §8, §20)", () => {
  it("4.0.14 queues the -ERR and never sends it: the replica hears nothing until its repl-timeout", () => {
    const t = runScenario(scenario("fork-failure-disk"));
    expect(t.redis).toBe("4.0.14");
    expect(wire(t, "r1#1")).not.toContain("-ERR BGSAVE failed, replication can't continue");
    expect(t.wires["r1#1"]?.reply).toContain("-ERR BGSAVE failed, replication can't continue");
    expect(replicaLog(t, "r1")).toContain("Timeout connecting to the MASTER...");
    // It tries again only after 60 s of silence.
    expect(t.wires["r1#2"]).toBeDefined();
    const second = t.frames.find((f) => f.replicas.some((r) => r.key === "r1#2"));
    expect(second?.t).toBeGreaterThan(60_000);
  });

  it("5.0.5 sends it and closes the connection at once; the replica retries with SYNC, finds it closed, and connects again a second later", () => {
    const t = runScenario(scenario("fork-failure-disk"), { redis: "5.0.5" });
    expect(t.redis).toBe("5.0.5");
    expect(wire(t, "r1#1")).toEqual(["-ERR BGSAVE failed, replication can't continue"]);
    // It reaches the socket at the error loop's addReplyError, and the connection is closed when
    // that happening ends (before the event loop sleeps): no other happening comes between.
    const written = t.wires["r1#1"]?.wireFrame[0] as number;
    const sent = t.frames.findIndex((f) => f.replicas.some((r) => r.key === "r1#1" && r.closed));
    expect(t.frames[written]?.kind).toBe("line");
    expect(t.frames.slice(written, sent).every((f) => f.kind === "line")).toBe(true);
    expect(t.frames[sent]?.kind).toBe("event");
    expect(t.frames[sent]?.replicas.find((r) => r.key === "r1#1")?.machine).toBe("dropped");
    const lines = replicaLog(t, "r1");
    const at = lines.indexOf("Master does not support PSYNC or is in error state (reply: -ERR BGSAVE failed, replication can't continue)");
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 3)).toEqual(["Retrying with SYNC...", "I/O error reading bulk count from MASTER: Resource temporarily unavailable"]);
    expect(lines).not.toContain("Timeout connecting to the MASTER...");
    // Still no "Connection with replica … lost." for it (CLIENT_SLAVE is cleared first) and no CRITICAL line.
    expect(log(t).filter((l) => l.startsWith("Connection with") || l.startsWith("== CRITICAL"))).toEqual([]);
    // Its next connection comes with its next cron run, within a second, and that BGSAVE succeeds.
    const second = t.frames.find((f) => f.replicas.some((r) => r.key === "r1#2"));
    expect(second!.t - t.frames[sent]!.t).toBeLessThanOrEqual(1000);
    expect(t.frames[t.frames.length - 1]?.replicas.find((r) => r.id === "r1")?.replstate).toBe("ONLINE");
  });

  it("5.0.5, socket target: the replica had +FULLRESYNC and logs that the master aborted", () => {
    const t = runScenario(scenario("fork-failure-socket"), { redis: "5.0.5" });
    const w = wire(t, "r1#1");
    expect(w[w.length - 1]).toBe("-ERR BGSAVE failed, replication can't continue");
    expect(w.some((m) => m.startsWith("+FULLRESYNC"))).toBe(true);
    expect(replicaLog(t, "r1")).toContain("MASTER aborted replication with an error: ERR BGSAVE failed, replication can't continue");
  });

  it("5.0.5: the old SYNC client swept in reads the error and exits; it does not come back", () => {
    const t = runScenario(scenario("failure-sweeps-bystanders"), { redis: "5.0.5" });
    expect(wire(t, "cli#1")).toContain("-ERR BGSAVE failed, replication can't continue");
    expect(replicaLog(t, "cli")).toContain("SYNC with master failed: -ERR BGSAVE failed, replication can't continue");
    expect(t.wires["cli#2"]).toBeUndefined();
  });
});

describe("wording (docs/versions.md §13)", () => {
  it("5.0.5 says replica where 4.0.14 says slave, keeps 'from slave' in the Streamed line, and dates carry the year", () => {
    const old = runScenario(scenario("diskless-batching"));
    const now = runScenario(scenario("diskless-batching"), { redis: "5.0.5" });
    expect(log(old)).toContain("Starting BGSAVE for SYNC with target: slaves sockets");
    expect(log(now)).toContain("Starting BGSAVE for SYNC with target: replicas sockets");
    expect(log(now).some((l) => /^Replica 127\.0\.0\.1:\d+ asks for synchronization$/.test(l))).toBe(true);
    expect(log(now).some((l) => /^Streamed RDB transfer with replica \S+ succeeded \(socket\)\. Waiting for REPLCONF ACK from slave to enable streaming$/.test(l))).toBe(true);
    expect(log(now).some((l) => l.startsWith("Synchronization with replica "))).toBe(true);
    expect(replicaLog(now, "r1")).toContain("MASTER <-> REPLICA sync started");
    // rdb.c was not reworded in 5.0.5: its per-replica report still says "Slave" (docs/versions.md §11.1).
    const kept = (l: string) => l.endsWith("from slave to enable streaming") || / correctly received the streamed RDB file\.$/.test(l) || l.startsWith("Closing slave ");
    expect(log(now).filter((l) => /\bslave\b/i.test(l) && !kept(l))).toEqual([]);
    expect(log(now)).toContain("Slave 127.0.0.1:17001 correctly received the streamed RDB file.");
  });
});

describe("the function each version runs", () => {
  it("every line frame of a run holds a line of that version's shipped text", () => {
    for (const redis of MODELLED_VERSIONS) {
      for (const s of CATALOGUE) {
        if (versionProblem(s, redis)) continue;
        const t = runScenario(s, { redis });
        const statements = PROFILES[redis].statements;
        for (const f of t.frames) if (f.kind === "line") expect(statements[f.line as number], `${s.id} on ${redis}, frame ${f.i}`).toBeDefined();
      }
    }
  });

  it("every version runs the server around the function; a scenario with scripts runs on 4.0.14 only, and says why elsewhere", () => {
    expect([...MODELLED_VERSIONS]).toEqual([...REDIS_VERSIONS]);
    for (const redis of REDIS_VERSIONS.filter((v) => v !== "4.0.14")) {
      expect(versionProblem(scenario("evalsha-full-sync"), redis)).toMatch(/replicates a script's effects/);
      expect(() => runScenario(scenario("evalsha-full-sync"), { redis })).toThrow(/replicates a script's effects/);
    }
    expect(versionProblem(scenario("evalsha-full-sync"), "4.0.14")).toBeNull();
  });
});
