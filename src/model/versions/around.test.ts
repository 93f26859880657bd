/**
 * The server around the function on Redis 6.2.14 and 7.0.15 (src/model/versions/around.ts,
 * docs/versions.md): each modelled difference from 5.0.5, read from whole runs of the catalogue
 * and of small hand-written scenarios. The golden timelines hold every line; these tests say what
 * differs and where the source shows it.
 */
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../scenarios/catalogue";
import { validateScenario, type Scenario } from "../../scenarios/schema";
import { runScenario } from "../sim";
import { wireEntries, type Trace } from "../trace";
import type { RedisVersion } from "./names";

const scenario = (id: string): Scenario => {
  const s = CATALOGUE.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s;
};
const on = (id: string, redis: RedisVersion) => runScenario(scenario(id), { redis });
const log = (t: Trace) => t.log.map((l) => l.text);
const replicaLog = (t: Trace, id: string) => (t.replicaLogs[id] ?? []).map((l) => l.text);
const at = (t: Trace, text: string) => t.log.find((l) => l.text === text)?.t;
const replicaAt = (t: Trace, id: string, text: string) => (t.replicaLogs[id] ?? []).find((l) => l.text === text)?.t;
const wire = (t: Trace, key: string) => {
  const io = t.wires[key];
  return io ? wireEntries(t, io).wire : [];
};
/** The order of the given lines in the primary's log (each must be there). */
const order = (t: Trace, ...texts: string[]) => texts.map((x) => {
  const i = log(t).indexOf(x);
  expect(i, x).toBeGreaterThanOrEqual(0);
  return i;
});
const doc = (extra: Record<string, unknown>): Scenario => {
  const r = validateScenario({ format: "fullresync-lab/scenario@1", title: "t", summary: "s", replicas: [{ id: "r1" }, { id: "r2" }], events: [], ...extra });
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.scenario;
};
const R1 = "127.0.0.1:17001";
const R2 = "127.0.0.1:17002";

describe("the diskless transfer through a pipe (6.0 on, docs/versions.md §6.2–§6.3, §11.2)", () => {
  it("6.2.14: the parent reads the pipe to its end, then reaps the child; no report per replica", () => {
    const t = on("diskless-batching", "6.2.14");
    const [eof, done] = order(t, "Diskless rdb transfer, done reading from pipe, 2 replicas still up.", "Background RDB transfer terminated with success");
    expect(eof).toBeLessThan(done as number);
    expect(log(t).filter((l) => l.includes("correctly received") || l.startsWith("Closing slave"))).toEqual([]);
    // The parent forwards `$EOF:<mark>` as the child starts, the payload and the mark at its end.
    const w = wire(t, "r1#1");
    const eofAt = w.findIndex((m) => m.startsWith("$EOF:"));
    expect(w.slice(eofAt + 1, eofAt + 3)).toEqual([expect.stringMatching(/^<RDB payload/), w[eofAt]?.slice(5)]);
  });

  it("4.0.14 and 5.0.5 have the child's own report instead", () => {
    for (const redis of ["4.0.14", "5.0.5"] as const) {
      const t = on("diskless-batching", redis);
      expect(log(t).some((l) => l.startsWith("Diskless rdb transfer"))).toBe(false);
      expect(log(t).filter((l) => l.endsWith("correctly received the streamed RDB file."))).toHaveLength(2);
    }
  });

  it("6.2.14: when the last replica of the transfer disconnects, the parent kills the child (SIGUSR1); 5.0.5's child runs on", () => {
    const s = doc({ config: { replDisklessSync: true, replDisklessSyncDelay: 1 }, replicas: [{ id: "r1" }], events: [{ at: 0.1, type: "connect", replica: "r1" }, { at: 2.5, type: "disconnect", replica: "r1" }] });
    const t = runScenario(s, { redis: "6.2.14" });
    const [lost, killed, reaped] = order(t, `Connection with replica ${R1} lost.`, "Diskless rdb transfer, last replica dropped, killing fork child.", "Background transfer terminated by signal 10");
    expect(lost).toBeLessThan(killed as number);
    expect(killed).toBeLessThan(reaped as number);
    expect(at(t, "Background transfer terminated by signal 10")! - at(t, "Diskless rdb transfer, last replica dropped, killing fork child.")!).toBeLessThanOrEqual(100);
    const old = runScenario(s, { redis: "5.0.5" });
    expect(log(old)).not.toContain("Diskless rdb transfer, last replica dropped, killing fork child.");
    expect(log(old)).toContain("Background transfer error");
  });

  it("6.2.14: a killed socket child — the pipe's end, the signal, then `SYNC failed` for its replica, freed after (async)", () => {
    const t = on("child-dies-socket", "6.2.14");
    const seq = order(
      t,
      "Diskless rdb transfer, done reading from pipe, 1 replicas still up.",
      "Background transfer terminated by signal 9",
      "SYNC failed. BGSAVE child returned an error",
      `Connection with replica ${R1} lost.`,
    );
    expect(seq).toEqual([...seq].sort((a, b) => a - b));
    expect(log(t).some((l) => l.startsWith("Closing slave"))).toBe(false);
    const old = on("child-dies-socket", "5.0.5");
    expect(log(old)).toContain(`Closing slave ${R1}: child->slave RDB transfer failed: RDB transfer child aborted`);
  });
});

describe("replicationStartPendingFork (6.2 on, docs/versions.md §9.2)", () => {
  it("the delay is met with >=: scenario 2 starts at t = 5 s on 6.2.14 and 7.0.15, 6 s on 4.0.14 and 5.0.5", () => {
    const start = (redis: RedisVersion) => on("diskless-batching", redis).log.find((l) => l.text.startsWith("Starting BGSAVE"))?.t;
    expect(["4.0.14", "5.0.5", "6.2.14", "7.0.15"].map((r) => start(r as RedisVersion))).toEqual([6000, 6000, 5000, 5000]);
  });

  it("after the AOF rewrite child is reaped, at once (6.2.14); at the next replicationCron run before (4.0.14)", () => {
    const t = on("aof-rewrite-active", "6.2.14");
    expect(log(t)).toContain("No BGSAVE in progress, but another BG operation is active. BGSAVE for replication delayed");
    expect(at(t, "Starting BGSAVE for SYNC with target: disk")).toBe(at(t, "Background AOF rewrite finished successfully"));
    const old = on("aof-rewrite-active", "4.0.14");
    expect(log(old)).toContain("No BGSAVE in progress, but an AOF rewrite is active. BGSAVE for replication delayed");
    expect(at(old, "Starting BGSAVE for SYNC with target: disk")! % 1000).toBe(0);
    expect(at(old, "Starting BGSAVE for SYNC with target: disk")).toBeGreaterThan(at(old, "Background AOF rewrite finished successfully")!);
  });

  it("a waiter that has not waited the delay when the child is reaped waits for the cron (scenario 6 on 6.2.14 honours r2's delay)", () => {
    const t = on("socket-bgsave-in-flight", "6.2.14");
    const starts = t.log.filter((l) => l.text.startsWith("Starting BGSAVE")).map((l) => l.t);
    // r2 asked at t = 4 s with delay 2: the first child is reaped at 6 s, exactly when r2 has waited 2 s.
    expect(starts).toEqual([2000, 6000]);
    const note = t.frames.flatMap((f) => f.notes).find((n) => n.key === "cron.check" && n.origin === "reaped");
    expect(note).toMatchObject({ rule: ">=", maxIdle: 2, delay: 2, start: true });
  });

  it("delay 0: syncCommand starts the socket BGSAVE itself (6.2 on); 4.0.14 waits for a cron run", () => {
    const t = on("delay-zero", "6.2.14");
    expect(at(t, "Starting BGSAVE for SYNC with target: replicas sockets")).toBe(300);
    expect(log(t)).not.toContain("Delay next BGSAVE for diskless SYNC");
    const old = on("delay-zero", "4.0.14");
    expect(at(old, "Starting BGSAVE for SYNC with target: slaves sockets")).toBe(1000);
  });

  it("7.0.15: repl-diskless-sync-max-replicas starts without waiting out the delay once that many wait", () => {
    const s = doc({
      redis: "7.0.15",
      config: { replDisklessSyncDelay: 30, replDisklessSyncMaxReplicas: 2 },
      events: [{ at: 0.1, type: "connect", replica: "r1" }, { at: 1.5, type: "connect", replica: "r2" }],
    });
    expect(s.config.replDisklessSync).toBe(true);
    const t = runScenario(s);
    expect(at(t, "Starting BGSAVE for SYNC with target: replicas sockets")).toBe(2000);
    const off = runScenario({ ...s, config: { ...s.config, replDisklessSyncMaxReplicas: 0 } });
    expect(at(off, "Starting BGSAVE for SYNC with target: replicas sockets")).toBe(30_000);
  });
});

describe("after the child (docs/versions.md §11)", () => {
  it("6.2.14: a failed disk child's replica is freed after the next BGSAVE started (async free)", () => {
    const t = on("child-dies-disk", "6.2.14");
    const [failed, started, lost] = order(t, "SYNC failed. BGSAVE child returned an error", "Background saving started by pid 4600", `Connection with replica ${R1} lost.`);
    expect(failed).toBeLessThan(started as number);
    expect(started).toBeLessThan(lost as number);
    const old = on("child-dies-disk", "5.0.5");
    expect(log(old).indexOf(`Connection with replica ${R1} lost.`)).toBeLessThan(log(old).indexOf("SYNC failed. BGSAVE child returned an error"));
  });

  it("6.2.14: a socket replica ACKs right after loading, so it is online at the transfer's end; 5.0.5 waits for its cron", () => {
    const t = on("diskless-batching", "6.2.14");
    const end = at(t, "Background RDB transfer terminated with success");
    expect(at(t, `Synchronization with replica ${R1} succeeded`)).toBe(end);
    expect(replicaAt(t, "r1", "MASTER <-> REPLICA sync: Finished with success")).toBe(end);
    const old = on("diskless-batching", "5.0.5");
    expect(at(old, `Synchronization with replica ${R1} succeeded`)).toBeGreaterThan(at(old, "Background RDB transfer terminated with success")!);
  });

  it("7.0.15: each replica is logged as succeeded right after its Streamed line [observed on Debian's 7.0.15]", () => {
    const t = on("diskless-batching", "7.0.15");
    const streamed = (r: string) => `Streamed RDB transfer with replica ${r} succeeded (socket). Waiting for REPLCONF ACK from slave to enable streaming`;
    const seq = order(t, streamed(R1), `Synchronization with replica ${R1} succeeded`, streamed(R2), `Synchronization with replica ${R2} succeeded`);
    expect(seq).toEqual([seq[0], (seq[0] as number) + 1, (seq[0] as number) + 2, (seq[0] as number) + 3]);
    // On 6.2.14 both Streamed lines come first, then each replica's ACK puts it online.
    const six = on("diskless-batching", "6.2.14");
    const s6 = order(six, streamed(R1), streamed(R2), `Synchronization with replica ${R1} succeeded`, `Synchronization with replica ${R2} succeeded`);
    expect(s6).toEqual([...s6].sort((a, b) => a - b));
    // Either way the stream waits for the ACK: the write after the transfer reaches r1 after its payload.
    const w = wire(t, "r1#1");
    expect(w.indexOf("SELECT 0")).toBeGreaterThan(w.findIndex((m) => m.startsWith("<RDB payload")));
  });
});

describe("the replica reconnects at once after a failure (6.2 on, docs/versions.md §20)", () => {
  it("scenario 8 on 6.2.14: `Reconnecting to MASTER … after failure` in the same millisecond, then a BGSAVE that works", () => {
    const t = on("fork-failure-disk", "6.2.14");
    const lines = replicaLog(t, "r1");
    const i = lines.indexOf("I/O error reading bulk count from MASTER: Resource temporarily unavailable");
    expect(lines.slice(i + 1, i + 3)).toEqual(["Reconnecting to MASTER 127.0.0.1:6379 after failure", "MASTER <-> REPLICA sync started"]);
    expect(replicaAt(t, "r1", "Reconnecting to MASTER 127.0.0.1:6379 after failure")).toBe(250);
    expect(t.log.filter((l) => l.text === `Replica ${R1} asks for synchronization`).map((l) => l.t)).toEqual([250, 250]);
    // 5.0.5 comes back at its next cron run.
    const old = on("fork-failure-disk", "5.0.5");
    const asks = old.log.filter((l) => l.text === `Replica ${R1} asks for synchronization`).map((l) => l.t);
    expect(asks[1]! - asks[0]!).toBeGreaterThan(0);
    expect(replicaLog(old, "r1")).not.toContain("Reconnecting to MASTER 127.0.0.1:6379 after failure");
  });

  it("-NOMASTERLINK still waits for the next cron run (scenario 11 on 6.2.14)", () => {
    const t = on("no-replication-info", "6.2.14");
    const tries = (t.replicaLogs.s1 ?? []).filter((l) => l.text.startsWith("Master is currently unable to PSYNC")).map((l) => l.t);
    expect(tries.length).toBeGreaterThan(3);
    for (let k = 2; k < tries.length; k++) expect(tries[k]! - tries[k - 1]!).toBe(1000);
  });
});

describe("what else 6.2 and 7.0 log (docs/versions.md §3.2, §13)", () => {
  it("the backlog's creation, and the replica's `… to disk` lines", () => {
    for (const redis of ["6.2.14", "7.0.15"] as const) {
      const t = on("disk-happy-path", redis);
      expect(log(t).some((l) => /^Replication backlog created, my new replication IDs are '[0-9a-f]{40}' and '0{40}'$/.test(l))).toBe(true);
      expect(replicaLog(t, "r1")).toContain("MASTER <-> REPLICA sync: receiving 2097152 bytes from master to disk");
    }
    expect(log(on("disk-happy-path", "5.0.5")).some((l) => l.startsWith("Replication backlog created"))).toBe(false);
  });

  it("7.0.15: the child's `Fork CoW` line and the multi-part AOF's files [observed on Debian's 7.0.15]", () => {
    const t = on("aof-rewrite-active", "7.0.15");
    const child = t.log.filter((l) => l.role === "C").map((l) => l.text);
    expect(child).toContain("Fork CoW for RDB: current 0 MB, peak 0 MB, average 0 MB");
    expect(child.some((l) => /^Successfully created the temporary AOF base file temp-rewriteaof-bg-\d+\.aof$/.test(l))).toBe(true);
    const pid = /temp-rewriteaof-bg-(\d+)/.exec(child.join(" "))?.[1];
    const seq = order(
      t,
      "Creating AOF incr file appendonly.aof.2.incr.aof on background rewrite",
      "Background AOF rewrite terminated with success",
      `Successfully renamed the temporary AOF base file temp-rewriteaof-bg-${pid}.aof into appendonly.aof.2.base.rdb`,
      "Removing the history file appendonly.aof.1.incr.aof in the background",
      "Removing the history file appendonly.aof.1.base.rdb in the background",
      "Background AOF rewrite finished successfully",
    );
    expect(seq).toEqual([...seq].sort((a, b) => a - b));
    expect(log(t)).not.toContain("Residual parent diff successfully flushed to the rewritten AOF (0.00 MB)");
  });

  it("7.0.15: a replica freed after the next fork reads its close only when that child exits [observed on Debian's 7.0.15]", () => {
    // Scenario 12: the killed child's replica r1 is freed asynchronously, after the next BGSAVE's
    // fork (docs/versions.md §22); the new child holds a copy of its socket until it exits at 7 s.
    const t = on("child-dies-disk", "7.0.15");
    expect(order(t, "SYNC failed. BGSAVE child returned an error", "Background saving started by pid 4600", `Connection with replica ${R1} lost.`)).toEqual([8, 10, 11]);
    expect(at(t, `Connection with replica ${R1} lost.`)).toBe(2000);
    const second = t.frames.find((f) => f.replicas.some((r) => r.key === "r1#2"));
    expect(second?.t).toBe(7000);
    expect(wire(t, "r1#2")[0]).toMatch(/^\+FULLRESYNC \S+ 0$/);
    // 4.0.14 frees the dropped replica before it forks again: nothing holds the socket.
    const old = on("child-dies-disk", "4.0.14");
    expect(old.frames.find((f) => f.replicas.some((r) => r.key === "r1#2"))?.t ?? Infinity).toBeLessThan(7000);
  });

  it("7.0.15: the upstream's refusal is read after the rest of the cron run, and a master's protocol error is a warning [observed on Debian's 7.0.15]", () => {
    const t = on("no-replication-info", "7.0.15");
    const at10 = t.log.filter((l) => l.t === 10_000).map((l) => l.text);
    expect(at10.slice(0, 6)).toEqual([
      "Connecting to MASTER 10.0.0.1:6379",
      "MASTER <-> REPLICA sync started",
      "Starting BGSAVE for SYNC with target: replicas sockets",
      "BGSAVE for replication: replication information not available, can't generate the RDB file right now. Try later.",
      "BGSAVE for replication failed",
      "Error condition on socket for SYNC: Connection refused",
    ]);
    const lost = order(t, "== CRITICAL == This replica is sending an error to its master: 'Protocol error: invalid multibulk length' after processing the command '<unknown>'", "Connection with master lost.");
    expect(log(t)[(lost[0] as number) + 1]).toMatch(/^Protocol error \(invalid mbulk count\) from client: .*flags=M.*\. Query buffer during protocol error: '\*x\.\.'$/);
    expect(log(on("no-replication-info", "4.0.14")).some((l) => l.startsWith("Protocol error"))).toBe(false);
  });

  it("7.0.15: the stream's PING is the shared lower-case `ping` [observed on Debian's 7.0.15]; runUntil and frameOnWrite time it", () => {
    const s = doc({ replicas: [{ id: "r1" }], events: [{ at: 0.25, type: "connect", replica: "r1" }] });
    const t7 = runScenario(s, { redis: "7.0.15", runUntil: 12_000, frameOnWrite: true });
    const w = wireEntries(t7, t7.wires["r1#1"] ?? { wire: [], reply: [], wireFrame: [], queuedFrame: [], sentFrame: [] });
    const k = w.wire.indexOf("ping");
    expect(k).toBeGreaterThan(0);
    expect(t7.frames[w.wireFrame[k] as number]?.t).toBe(10_000);
    expect(t7.endTime).toBeGreaterThanOrEqual(12_000);
    const t4 = runScenario(s, { redis: "4.0.14", runUntil: 12_000 });
    expect(wire(t4, "r1#1")).toContain("PING");
    expect(wire(t4, "r1#1")).not.toContain("ping");
    // Without runUntil the run stops once quiescent, before any PING.
    expect(wire(runScenario(s, { redis: "7.0.15" }), "r1#1")).not.toContain("ping");
  });

  it("7.0.15's repl-diskless-sync defaults to yes: a document that does not say goes diskless", () => {
    const s = doc({ redis: "7.0.15", replicas: [{ id: "r1" }], events: [{ at: 0.1, type: "connect", replica: "r1" }] });
    expect(log(runScenario(s))).toContain("Starting BGSAVE for SYNC with target: replicas sockets");
    const old = doc({ replicas: [{ id: "r1" }], events: [{ at: 0.1, type: "connect", replica: "r1" }] });
    expect(log(runScenario(old))).toContain("Starting BGSAVE for SYNC with target: disk");
  });
});
