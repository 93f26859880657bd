import { describe, expect, it } from "vitest";
import { runScenario } from "../model/index";
import { findScenario } from "../scenarios/catalogue";
import type { Scenario } from "../scenarios/schema";
import { MAX_HAPPENINGS, whatHappened } from "./recap";

const traceOf = (id: string) => runScenario(findScenario(id)!);

describe("what happened, read from the trace", () => {
  it("disk happy path: one BGSAVE to disk for r1 that succeeded, r1 ONLINE, the run settles", () => {
    const trace = traceOf("disk-happy-path");
    expect(whatHappened(trace)).toEqual([
      { kind: "child", t: 250, pid: expect.any(Number), child: "rdb-disk", origin: "replication", replicas: ["r1"], outcome: "ok" },
      { kind: "online", replicas: ["r1"] },
      { kind: "end", t: trace.endTime, endedBy: "quiescent" },
    ]);
  });

  it("fork failure, disk: the call fails (EAGAIN) and drops r1; r1 comes back, a later BGSAVE serves it, it ends ONLINE on a new connection", () => {
    const facts = whatHappened(traceOf("fork-failure-disk"));
    expect(facts.map((f) => f.kind)).toEqual(["callFailed", "child", "online", "resynced", "end"]);
    expect(facts[0]).toEqual({ kind: "callFailed", t: 250, cause: "fork", target: "disk", errno: "EAGAIN", dropped: ["r1"] });
    expect(facts[1]).toMatchObject({ kind: "child", child: "rdb-disk", replicas: ["r1"], outcome: "ok" });
    expect(facts[1]!.kind === "child" && facts[1]!.t).toBeGreaterThan(60_000);
    expect(facts[3]).toEqual({ kind: "resynced", replicas: [{ id: "r1", reason: "bgsave-failed" }] });
  });

  it("diskless batching: one socket BGSAVE serves both replicas, both end ONLINE", () => {
    const facts = whatHappened(traceOf("diskless-batching"));
    expect(facts.slice(0, 2)).toEqual([
      { kind: "child", t: 6000, pid: expect.any(Number), child: "rdb-socket", origin: "replication", replicas: ["r1", "r2"], outcome: "ok" },
      { kind: "online", replicas: ["r1", "r2"] },
    ]);
  });

  it("a killed child, a replica left dropped, a scenario stopped at its horizon", () => {
    expect(whatHappened(traceOf("child-dies-socket"))[0]).toMatchObject({ kind: "child", child: "rdb-socket", outcome: "killed" });
    expect(whatHappened(traceOf("failure-sweeps-bystanders"))).toContainEqual({ kind: "dropped", replicas: [{ id: "cli", reason: "bgsave-failed" }] });
    const noRsi = whatHappened(traceOf("no-replication-info"));
    expect(noRsi[0]).toMatchObject({ kind: "callFailed", cause: "noRsi", target: null, dropped: ["s1"] });
    expect(noRsi[noRsi.length - 1]).toMatchObject({ kind: "end", endedBy: "horizon" });
  });

  it("a replica still syncing at the end is named with its state; a child still running says so", () => {
    const doc: Scenario = { ...findScenario("disk-happy-path")!, until: 1 };
    const facts = whatHappened(runScenario(doc));
    expect(facts).toContainEqual({ kind: "waiting", replicas: [{ id: "r1", state: "WAIT_BGSAVE_END" }] });
    expect(facts[0]).toMatchObject({ kind: "child", outcome: "running" });
  });

  it("many BGSAVEs: the first few are listed and the rest counted, so the recap stays short", () => {
    const base = findScenario("disk-happy-path")!;
    const bgsaves = [5, 10, 15, 20, 25, 30].map((at) => ({ at, type: "bgsave" as const }));
    const facts = whatHappened(runScenario({ ...base, events: [...base.events, ...bgsaves] }));
    const listed = facts.filter((f) => f.kind === "child");
    expect(listed.length).toBe(MAX_HAPPENINGS - 1);
    expect(listed[1]).toMatchObject({ child: "rdb-disk", origin: "user", replicas: [] });
    expect(facts[MAX_HAPPENINGS - 1]).toEqual({ kind: "more", count: 1 + bgsaves.length - (MAX_HAPPENINGS - 1) });
  });
});
