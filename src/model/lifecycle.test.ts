/** Branches around the function that no catalogue scenario takes (docs/behaviour.md §3, §11, §17). */
import { describe, expect, it } from "vitest";
import type { Scenario } from "../scenarios/schema";
import { runScenario } from "./index";
import { bufferOf, conn, connAt, expectSubsequence, lastFrame, logTexts, scenario, wireOf } from "./test/helpers";

function variant(id: string, patch: Partial<Scenario>): Scenario {
  return { ...structuredClone(scenario(id)), ...patch };
}

describe("syncCommand checks", () => {
  it("pipelined PING + PSYNC: +PONG then -ERR ... pending output, no state change, nothing logged (§3 step 3)", () => {
    const s = variant("disk-happy-path", { events: [{ at: 0.25, type: "connect", replica: "r1", pipelined: true }] });
    const trace = runScenario(s);
    const end = lastFrame(trace);
    expect(wireOf(trace, end, "r1#1")).toEqual(["+PONG", "-ERR SYNC and PSYNC are invalid with pending output"]);
    expect(conn(end, "r1#1").replstate).toBe("NONE");
    expect(logTexts(trace)).toEqual([]);
  });

  it("a second sync command on a replica connection is ignored silently (§3 step 1)", () => {
    const s = variant("disk-happy-path", {
      events: [
        { at: 0.25, type: "connect", replica: "r1" },
        { at: 0.5, type: "connect", replica: "r1" },
      ],
    });
    const trace = runScenario(s);
    expect(logTexts(trace).filter((t) => t.endsWith("asks for synchronization"))).toHaveLength(1);
  });
});

describe("child end", () => {
  it("a disk child that fails on its own: 'Background saving error', the waiting replica is freed", () => {
    const s = variant("disk-happy-path", {
      events: [
        { at: 0.25, type: "connect", replica: "r1" },
        { at: 1, type: "kill-child", mode: "exit-error" },
      ],
      until: 3,
    });
    const trace = runScenario(s);
    expectSubsequence(logTexts(trace), [
      "Background saving error",
      "Connection with slave 127.0.0.1:17001 lost.",
      "SYNC failed. BGSAVE child returned an error",
    ]);
    expect(trace.log.find((l) => l.role === "C")?.text).toBe("Write error saving DB on disk: No space left on device");
  });

  it("a socket child whose every target disconnected exits with an error", () => {
    const s = variant("delay-zero", {
      primary: { ...scenario("delay-zero").primary, bgsaveSeconds: 4 },
      events: [
        { at: 0.3, type: "connect", replica: "r1" },
        { at: 2, type: "disconnect", replica: "r1" },
      ],
    });
    const trace = runScenario(s);
    expectSubsequence(logTexts(trace), ["Connection with slave 127.0.0.1:17001 lost.", "Background transfer error"]);
  });
});

describe("the 4.0.14 error reply", () => {
  it("stays in the output buffer while writes keep flowing to other replicas", () => {
    const s = variant("fork-failure-disk", {
      replicas: [...scenario("fork-failure-disk").replicas, { id: "r2", capa: ["eof", "psync2"], command: "PSYNC" }],
      events: [
        { at: 0.05, type: "connect", replica: "r2" },
        { at: 3, type: "fork-fails", errno: "EAGAIN" },
        { at: 3.25, type: "connect", replica: "r1" },
        { at: 4, type: "write", count: 1 },
      ],
      until: 10,
    });
    const trace = runScenario(s);
    const f = trace.frames.find((fr) => fr.t === 4000 && fr.kind === "event");
    expect(f).toBeDefined();
    expect(bufferOf(trace, f!, "r1#1")).toEqual(["-ERR BGSAVE failed, replication can't continue"]);
    expect(wireOf(trace, f!, "r2#1")).toContain("SET key:1 1");
  });
});

describe("a replica's settings changed while it is connected", () => {
  it("leave the live connection as it announced itself; the next connection announces the new ones", () => {
    const s = variant("disk-happy-path", {
      events: [
        { at: 0.25, type: "connect", replica: "r1" },
        { at: 1, type: "replica-set", replica: "r1", command: "SYNC", capa: [] },
        { at: 5, type: "disconnect", replica: "r1" },
        { at: 6, type: "connect", replica: "r1" },
      ],
      until: 12,
    });
    const trace = runScenario(s);
    const afterSet = trace.frames.find((f) => f.t >= 1000 && f.kind === "event");
    expect(afterSet).toBeDefined();
    expect(conn(afterSet!, "r1#1")).toMatchObject({ command: "PSYNC", capa: ["eof", "psync2"] });
    const end = lastFrame(trace);
    expect(connAt(trace, end, "r1#1")).toMatchObject({ command: "PSYNC", capa: ["eof", "psync2"] });
    expect(conn(end, "r1#2")).toMatchObject({ command: "SYNC", capa: [] });
    expect(conn(end, "r1#2").flags).toContain("PRE_PSYNC");
  });

  it("a SYNC refused before it sets any flag (pending output) still shows the command it sent", () => {
    const s = variant("disk-happy-path", {
      replicas: [{ id: "r1", capa: [], command: "SYNC" }],
      events: [{ at: 0.25, type: "connect", replica: "r1", pipelined: true }],
    });
    const end = lastFrame(runScenario(s));
    expect(conn(end, "r1#1").flags).not.toContain("PRE_PSYNC");
    expect(conn(end, "r1#1")).toMatchObject({ command: "SYNC", capa: [] });
  });
});
