/**
 * The 16 catalogue scenarios (docs/scenario-format.md §12) against the outcomes and log sequences of docs/behaviour.md §13
 * and docs/behaviour.md §18. Each test names the section of docs/behaviour.md it checks.
 */
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../scenarios/catalogue";
import { MODELLED_VERSIONS, expectedMachineState, happeningNotes, runScenario, versionProblem } from "./index";
import { bufferOf, conn, connAt, expectSubsequence, frameWithNote, lastFrame, logTexts, run, wireOf } from "./test/helpers";

const R1 = "127.0.0.1:17001";
const R2 = "127.0.0.1:17002";
const CLI = "127.0.0.1:<unknown-slave-port>";
const ERR = "-ERR BGSAVE failed, replication can't continue";
/** The child's pid as docs/behaviour.md §13 writes it (`<child>`): the log's own number is the model's choice. */
const childPids = (lines: string[]) => lines.map((l) => l.replace(/ started by pid [1-9]\d*$/, " started by pid <child>"));

describe("every catalogue scenario", () => {
  const runs = MODELLED_VERSIONS.flatMap((redis) => CATALOGUE.filter((s) => !versionProblem(s, redis)).map((s) => [`${s.id} on ${redis}`, s, redis] as const));
  it.each(runs)("%s: each replica's statechart equals the port's replstate on every frame", (_id, s, redis) => {
    const trace = runScenario(s, { redis });
    expect(trace.frames.length).toBeGreaterThan(3);
    for (const f of trace.frames) {
      for (const r of f.replicas) {
        expect(r.machine, `frame ${f.i} ${r.key}`).toBe(expectedMachineState(r));
      }
    }
  });
});

describe("§18.1 disk happy path", () => {
  const trace = run("disk-happy-path");
  it("logs §13 A in order", () => {
    expectSubsequence(childPids(logTexts(trace)), [
      `Slave ${R1} asks for synchronization`,
      `Full resync requested by slave ${R1}`,
      "Starting BGSAVE for SYNC with target: disk",
      "Background saving started by pid <child>",
    ]);
    expectSubsequence(logTexts(trace), [
      "Starting BGSAVE for SYNC with target: disk",
      "Background saving terminated with success",
      `Synchronization with slave ${R1} succeeded`,
    ]);
    expect(trace.log.filter((l) => l.role === "C").map((l) => l.text)).toEqual([
      "DB saved on disk",
      "RDB: 0 MB of memory used by copy-on-write",
    ]);
  });
  it("goes 6 → 7 → 8 → 9 and receives +FULLRESYNC, keep-alives, $len, the file, then the stream", () => {
    const seen = trace.frames.map((f) => f.replicas.find((r) => r.key === "r1#1")?.replstate).filter(Boolean);
    expect([...new Set(seen)]).toEqual(["WAIT_BGSAVE_START", "WAIT_BGSAVE_END", "SEND_BULK", "ONLINE"]);
    const wire = wireOf(trace, lastFrame(trace), "r1#1");
    expect(wire[0]).toMatch(/^\+FULLRESYNC [0-9a-f]{40} 0$/);
    expect(wire).toContain("\n");
    const len = wire.indexOf("$2097152");
    expect(len).toBeGreaterThan(0);
    expect(wire[len + 1]).toBe("<RDB payload: 2097152 bytes>");
    // The writes made during the BGSAVE arrive after the RDB, starting with SELECT (docs/behaviour.md §7, §16).
    expect(wire.slice(len + 2)).toEqual(["SELECT 0", "SET key:1 1", "SET key:2 2"]);
    expect(bufferOf(trace, lastFrame(trace), "r1#1")).toEqual([]);
  });
  it("sends the file in 16 KiB chunks (128 writes for 2 MiB)", () => {
    expect(trace.frames.filter((f) => f.cause.type === "bulk").length).toBeGreaterThanOrEqual(2);
    const during = trace.frames.find((f) => f.replicas.some((r) => r.key === "r1#1" && r.replstate === "SEND_BULK" && r.repldboff > 0));
    expect(during).toBeDefined();
    expect(conn(during!, "r1#1").repldboff % 16384).toBe(0);
  });
});

describe("§18.2 diskless batching", () => {
  const trace = run("diskless-batching");
  it("logs §13 B: two Delay lines, one socket BGSAVE about 6 s after r1, then ONLINE on ACK", () => {
    expectSubsequence(childPids(logTexts(trace)), [
      `Slave ${R1} asks for synchronization`,
      `Full resync requested by slave ${R1}`,
      "Delay next BGSAVE for diskless SYNC",
      `Slave ${R2} asks for synchronization`,
      `Full resync requested by slave ${R2}`,
      "Delay next BGSAVE for diskless SYNC",
      "Starting BGSAVE for SYNC with target: slaves sockets",
      "Background RDB transfer started by pid <child>",
    ]);
    expectSubsequence(logTexts(trace), [
      "Background RDB transfer terminated with success",
      `Slave ${R1} correctly received the streamed RDB file.`,
      `Slave ${R2} correctly received the streamed RDB file.`,
      `Streamed RDB transfer with slave ${R1} succeeded (socket). Waiting for REPLCONF ACK from slave to enable streaming`,
      `Streamed RDB transfer with slave ${R2} succeeded (socket). Waiting for REPLCONF ACK from slave to enable streaming`,
    ]);
    const start = trace.log.find((l) => l.text.startsWith("Starting BGSAVE"));
    expect(start?.t).toBe(6000);
    expect(trace.log.find((l) => l.text === "Slave 127.0.0.1:17001 correctly received the streamed RDB file.")?.level).toBe("warning");
  });
  it("mincapa = 3, same offset for both, $EOF: stream, ONLINE waiting for the first ACK", () => {
    const f = frameWithNote(trace, "port.target");
    expect(happeningNotes(trace, f.i).find((n) => n.key === "port.target")).toMatchObject({ socketTarget: 1, mincapa: 3 });
    const end = lastFrame(trace);
    expect(conn(end, "r1#1").psyncInitialOffset).toBe(conn(end, "r2#1").psyncInitialOffset);
    for (const k of ["r1#1", "r2#1"]) {
      const w = wireOf(trace, end, k);
      expect(w.find((m) => m.startsWith("$EOF:"))).toMatch(/^\$EOF:[0-9a-f]{40}$/);
      expect(w).not.toContain("$2097152");
    }
    const waiting = frameWithNote(trace, "update.streamDone");
    expect(conn(waiting, "r1#1").machine).toBe("ONLINE.waitingForAck");
    // The write made during the transfer waits in the buffer until the ACK (docs/behaviour.md §11).
    expect(bufferOf(trace, waiting, "r1#1")).toEqual(["SELECT 0", "SET key:1 1"]);
    const online = frameWithNote(trace, "online", { replica: "r1" });
    expect(online.t).toBeGreaterThan(waiting.t);
    expect(online.t - waiting.t).toBeLessThanOrEqual(1000);
  });
});

describe("§18.3 one non-EOF client on a diskless primary", () => {
  const trace = run("non-eof-client-diskless");
  it("the SYNC client starts a disk BGSAVE at once and r1 is swept onto it", () => {
    expectSubsequence(logTexts(trace), [
      "Delay next BGSAVE for diskless SYNC",
      `Slave ${CLI} asks for synchronization`,
      "Starting BGSAVE for SYNC with target: disk",
    ]);
    expect(logTexts(trace)).not.toContain(`Full resync requested by slave ${CLI}`);
    const end = lastFrame(trace);
    expect(wireOf(trace, end, "r1#1").filter((m) => m !== "\n")[0]).toMatch(/^\+FULLRESYNC /);
    expect(wireOf(trace, end, "cli#1").some((m) => m.startsWith("+FULLRESYNC"))).toBe(false);
    expect(wireOf(trace, end, "cli#1")).toContain("$2097152");
    expect(conn(end, "r1#1").replstate).toBe("ONLINE");
    expect(conn(end, "cli#1").replstate).toBe("ONLINE");
  });
});

describe("§18.4 attach to a running disk BGSAVE", () => {
  const trace = run("attach-disk-bgsave");
  it("r2 attaches: same offset, a copy of r1's buffer, one BGSAVE", () => {
    expectSubsequence(logTexts(trace), [`Slave ${R2} asks for synchronization`, "Waiting for end of BGSAVE for SYNC"]);
    expect(logTexts(trace).filter((t) => t.startsWith("Starting BGSAVE")).length).toBe(1);
    const f = frameWithNote(trace, "sync.attach");
    expect(conn(f, "r2#1").psyncInitialOffset).toBe(conn(f, "r1#1").psyncInitialOffset);
    expect(bufferOf(trace, f, "r2#1")).toEqual(bufferOf(trace, f, "r1#1"));
    expect(bufferOf(trace, f, "r2#1")).toEqual(["SELECT 0", "SET key:1 1", "SET key:2 2"]);
    const end = lastFrame(trace);
    // Both replicas end with the same stream after their RDB.
    const after = (k: string) => { const w = wireOf(trace, end, k); return w.slice(w.indexOf("<RDB payload: 2097152 bytes>") + 1); };
    expect(after("r2#1")).toEqual(after("r1#1"));
  });
});

describe("§18.5 cannot attach", () => {
  const trace = run("cannot-attach");
  it("the capa-0 client waits in 6, then a new disk BGSAVE starts the moment the child ends", () => {
    expectSubsequence(logTexts(trace), [
      `Slave ${CLI} asks for synchronization`,
      "Can't attach the slave to the current BGSAVE. Waiting for next BGSAVE for SYNC",
      "Background saving terminated with success",
      "Starting BGSAVE for SYNC with target: disk",
    ]);
    const reaped = trace.log.find((l) => l.text === "Background saving terminated with success");
    const second = trace.log.filter((l) => l.text.startsWith("Starting BGSAVE"))[1];
    expect(second?.t).toBe(reaped?.t);
    const f = frameWithNote(trace, "sync.cantAttach");
    expect(conn(f, "cli#1").replstate).toBe("WAIT_BGSAVE_START");
    expect(conn(lastFrame(trace), "cli#1").replstate).toBe("ONLINE");
  });
});

describe("§18.6 socket BGSAVE in flight", () => {
  const trace = run("socket-bgsave-in-flight");
  it("r2 waits, then a new socket BGSAVE starts immediately when the child ends (no delay in 4.0)", () => {
    expectSubsequence(logTexts(trace), [
      "Starting BGSAVE for SYNC with target: slaves sockets",
      `Slave ${R2} asks for synchronization`,
      "Current BGSAVE has socket target. Waiting for next BGSAVE for SYNC",
      "Background RDB transfer terminated with success",
      "Starting BGSAVE for SYNC with target: slaves sockets",
    ]);
    const done = trace.log.find((l) => l.text === "Background RDB transfer terminated with success");
    const second = trace.log.filter((l) => l.text.startsWith("Starting BGSAVE"))[1];
    expect(second?.t).toBe(done?.t);
    const end = lastFrame(trace);
    expect(conn(end, "r1#1").replstate).toBe("ONLINE");
    expect(conn(end, "r2#1").replstate).toBe("ONLINE");
  });
});

describe("§18.7 AOF rewrite active", () => {
  const trace = run("aof-rewrite-active");
  it("the BGSAVE is delayed, then started by the next replicationCron after the rewrite", () => {
    expectSubsequence(logTexts(trace), [
      `Slave ${R1} asks for synchronization`,
      "No BGSAVE in progress, but an AOF rewrite is active. BGSAVE for replication delayed",
      "Background AOF rewrite finished successfully",
      "Starting BGSAVE for SYNC with target: disk",
    ]);
    const start = trace.log.find((l) => l.text.startsWith("Starting BGSAVE"));
    expect((start?.t ?? 0) % 1000).toBe(0);
    expect(frameWithNote(trace, "cron.check", { start: true }).t).toBe(start?.t);
  });
});

describe("§18.8 fork failure, disk", () => {
  const trace = run("fork-failure-disk");
  it("logs §13 C; r1 leaves server.slaves with replstate 6 and an -ERR that is never sent", () => {
    expectSubsequence(logTexts(trace), [
      `Slave ${R1} asks for synchronization`,
      `Full resync requested by slave ${R1}`,
      "Starting BGSAVE for SYNC with target: disk",
      "Can't save in background: fork: Resource temporarily unavailable",
      "BGSAVE for replication failed",
    ]);
    const f = frameWithNote(trace, "port.failed");
    const r = conn(f, "r1#1");
    expect(r).toMatchObject({ replstate: "WAIT_BGSAVE_START", inSlaves: false, flags: ["CLOSE_AFTER_REPLY"], machine: "dropped", dropReason: "bgsave-failed" });
    expect(bufferOf(trace, f, "r1#1")).toEqual([ERR]);
    expect(wireOf(trace, f, "r1#1")).toEqual([]);
    expect(logTexts(trace).some((t) => t.includes("CRITICAL"))).toBe(false);
  });
  it("the replica hears nothing until repl-timeout, then retries and succeeds", () => {
    const timeout = trace.replicaLogs.r1?.find((l) => l.text === "Timeout connecting to the MASTER...");
    expect(timeout).toBeDefined();
    expect(timeout?.t).toBeGreaterThan(60_000);
    expect(timeout?.t).toBeLessThan(62_500);
    // No keep-alive newline either: it left server.slaves (docs/behaviour.md §8).
    const before = trace.frames.filter((fr) => fr.t < (timeout?.t ?? 0)).at(-1);
    expect(before && wireOf(trace, before, "r1#1")).toEqual([]);
    expect(conn(lastFrame(trace), "r1#2").replstate).toBe("ONLINE");
  });
});

describe("§18.9 fork failure, socket", () => {
  const trace = run("fork-failure-socket");
  it("+FULLRESYNC was already sent; the undo puts r1 back to 6 and the error loop drops it", () => {
    expectSubsequence(logTexts(trace), [
      "Delay next BGSAVE for diskless SYNC",
      "Starting BGSAVE for SYNC with target: slaves sockets",
      "Can't save in background: fork: Cannot allocate memory",
      "BGSAVE for replication failed",
    ]);
    const f = frameWithNote(trace, "port.failed");
    // Keep-alive newlines while it waited, then +FULLRESYNC before the fork (docs/behaviour.md §6, §16).
    expect(wireOf(trace, f, "r1#1").filter((m) => m !== "\n")).toEqual([expect.stringMatching(/^\+FULLRESYNC /)]);
    expect(conn(f, "r1#1")).toMatchObject({ replstate: "WAIT_BGSAVE_START", inSlaves: false, machine: "dropped" });
    const undo = trace.frames.find((fr) => fr.replicas.some((r) => r.lastTransition?.event === "SETUP_UNDONE"));
    expect(undo).toBeDefined();
    expect(bufferOf(trace, f, "r1#1")).toEqual([ERR]);
    expect(trace.replicaLogs.r1?.some((l) => l.text.startsWith("Timeout receiving bulk data from MASTER..."))).toBe(true);
  });
});

describe("§18.10 a failure sweeps bystanders", () => {
  const trace = run("failure-sweeps-bystanders");
  it("both the waiting EOF replica and the SYNC client are dropped with the same error", () => {
    const f = frameWithNote(trace, "port.failed");
    for (const k of ["r1#1", "cli#1"]) {
      expect(conn(f, k)).toMatchObject({ inSlaves: false, machine: "dropped", dropReason: "bgsave-failed" });
      expect(bufferOf(trace, f, k)).toEqual([ERR]);
    }
    expect(happeningNotes(trace, f.i).flatMap((n) => (n.key === "port.dropped" ? [n.replica] : []))).toEqual(["r1", "cli"]);
  });
});

describe("§18.11 no replication info", () => {
  const trace = run("no-replication-info");
  it("logs §13 D and drops s1; afterwards new syncs get -NOMASTERLINK with nothing logged", () => {
    expectSubsequence(logTexts(trace), [
      `Slave ${R1} asks for synchronization`,
      `Full resync requested by slave ${R1}`,
      "Delay next BGSAVE for diskless SYNC",
      "== CRITICAL == This slave is sending an error to its master: 'Protocol error: invalid multibulk length' after processing the command '<unknown>'",
      "Connection with master lost.",
      "Starting BGSAVE for SYNC with target: slaves sockets",
      "BGSAVE for replication: replication information not available, can't generate the RDB file right now. Try later.",
      "BGSAVE for replication failed",
    ]);
    expect(trace.log.every((l) => l.role !== "M")).toBe(true);
    const f = frameWithNote(trace, "port.failed");
    expect(f.locals?.rsiptr).toBe("NULL");
    const retried = frameWithNote(trace, "sync.nomasterlink");
    expect(wireOf(trace, retried, "s1#2")).toEqual(["-NOMASTERLINK Can't SYNC while not connected with my master"]);
    const asks = logTexts(trace).filter((t) => t.endsWith("asks for synchronization"));
    expect(asks.length).toBe(1);
  });
});

describe("§18.12 child dies (disk)", () => {
  const trace = run("child-dies-disk");
  it("logs §13 E: r1 freed, SYNC failed, a new BGSAVE at once for the waiter, r1 re-attaches", () => {
    expectSubsequence(childPids(logTexts(trace)), [
      "Background saving terminated by signal 9",
      `Connection with slave ${R1} lost.`,
      "SYNC failed. BGSAVE child returned an error",
      "Starting BGSAVE for SYNC with target: disk",
      "Background saving started by pid <child>",
    ]);
    expectSubsequence(logTexts(trace), [`Slave ${R1} asks for synchronization`, "Waiting for end of BGSAVE for SYNC"]);
    // r1 had +FULLRESYNC but no $<len> yet: it fails reading the bulk count (replication.c 1122).
    expect(trace.replicaLogs.r1?.map((l) => l.text)).toContain("I/O error reading bulk count from MASTER: Resource temporarily unavailable");
    const end = lastFrame(trace);
    expect(connAt(trace, end, "r1#1")).toMatchObject({ machine: "dropped", dropReason: "child-error", closed: true });
    expect(conn(end, "r1#2").replstate).toBe("ONLINE");
    expect(conn(end, "cli#1").replstate).toBe("ONLINE");
  });
});

describe("§18.13 child dies (socket)", () => {
  const trace = run("child-dies-socket");
  it("closes r1 with 'RDB transfer child aborted'; r1 sees the connection drop and retries", () => {
    expectSubsequence(logTexts(trace), [
      "Background transfer terminated by signal 9",
      `Closing slave ${R1}: child->slave RDB transfer failed: RDB transfer child aborted`,
      `Connection with slave ${R1} lost.`,
    ]);
    expect(trace.replicaLogs.r1?.some((l) => l.text === "I/O error trying to sync with MASTER: connection lost")).toBe(true);
    expect(conn(lastFrame(trace), "r1#2").replstate).toBe("ONLINE");
  });
});

describe("§18.16 delay 0", () => {
  const trace = run("delay-zero");
  it("no Delay line; the socket BGSAVE starts at the next whole second", () => {
    expect(logTexts(trace)).not.toContain("Delay next BGSAVE for diskless SYNC");
    const start = trace.log.find((l) => l.text === "Starting BGSAVE for SYNC with target: slaves sockets");
    expect(start?.t).toBe(1000);
  });
});

describe("§10 EVALSHA across a full sync", () => {
  const trace = run("evalsha-full-sync");
  it("EVAL first, EVALSHA once cached, EVAL again after the BGSAVE flushed the cache", () => {
    const sent = trace.frames.flatMap((f) => f.notes.filter((n) => n.key === "evalsha").map((n) => n.sent));
    expect(sent).toEqual(["EVAL", "EVALSHA", "EVAL"]);
    expect(frameWithNote(trace, "port.scriptCacheFlush")).toBeDefined();
    const end = lastFrame(trace);
    const r1 = wireOf(trace, end, "r1#1").filter((m) => m.startsWith("EVAL"));
    expect(r1.map((m) => m.split(" ")[0])).toEqual(["EVAL", "EVALSHA", "EVAL"]);
    const r2 = wireOf(trace, end, "r2#1").filter((m) => m.startsWith("EVAL"));
    expect(r2.map((m) => m.split(" ")[0])).toEqual(["EVAL"]);
  });
});

describe("§16 old SYNC client", () => {
  const trace = run("old-sync-client");
  it("no Full resync line, no +FULLRESYNC: just $len and the RDB, then the stream", () => {
    expect(logTexts(trace)).not.toContain(`Full resync requested by slave ${CLI}`);
    const w = wireOf(trace, lastFrame(trace), "cli#1");
    expect(w.filter((m) => m !== "\n")).toEqual(["$2097152", "<RDB payload: 2097152 bytes>", "SELECT 0", "SET key:1 1"]);
    expect(conn(lastFrame(trace), "cli#1").flags).toEqual(["SLAVE", "PRE_PSYNC"]);
  });
});

describe("§20 a replica's reconnection, as a real 4.0.14 replica does it", () => {
  it.each(["fork-failure-disk", "fork-failure-socket", "failure-sweeps-bystanders", "no-replication-info"])(
    "%s: it reconnects in the same cron run as its timeout and logs the handshake without a cached master",
    (id) => {
      const trace = run(id);
      const timeout = trace.frames.find((f) => f.notes.some((n) => n.key === "replica.timeout"));
      const reconnect = trace.frames.find((f) => f.notes.some((n) => n.key === "replica.reconnect"));
      expect(timeout).toBeDefined();
      expect(reconnect?.t).toBe(timeout?.t);
      const texts = Object.values(trace.replicaLogs).flatMap((l) => l.map((x) => x.text));
      expectSubsequence(texts, [
        "Connecting to MASTER 127.0.0.1:6379",
        "MASTER <-> SLAVE sync started",
        "Non blocking connect for SYNC fired the event.",
        "Master replied to PING, replication can continue...",
        "Partial resynchronization not possible (no cached master)",
      ]);
      expect(texts.some((t) => t.startsWith("Trying a partial resynchronization"))).toBe(false);
    },
  );
});
