import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { happeningNotes, runScenario, type Trace } from "../model";
import { findScenario } from "../scenarios/catalogue";
import { ClaimSchema, type Claim } from "../scenarios/claims";
import type { Scenario } from "../scenarios/schema";
import { claimStateOf, holds, targetAt } from "./claims";

const traceOf = (id: string): Trace => runScenario(findScenario(id) as Scenario);
const eventWith = (t: Trace, key: string) => t.frames.findIndex((f) => f.kind === "event" && happeningNotes(t, f.i).some((n) => n.key === key));

describe("claims about a frame", () => {
  const disk = traceOf("fork-failure-disk");
  const failed = eventWith(disk, "port.failed");
  const last = disk.frames.length - 1;

  it("a replica's state, socket and output buffer, as its card shows them", () => {
    expect(claimStateOf(disk.frames[0]!, "r1")).toBe("not connected");
    expect(holds(disk, 0, { replica: "r1", state: "not connected" })).toBe(true);
    expect(holds(disk, failed, { replica: "r1", state: "dropped" })).toBe(true);
    expect(holds(disk, failed, { replica: "r1", queued: "-ERR BGSAVE failed" })).toBe(true);
    expect(holds(disk, failed, { replica: "r1", received: "-ERR" })).toBe(false);
    expect(holds(disk, failed, { replica: "r1", inSlaves: false })).toBe(true);
    // At the end r1's latest connection (its second) is ONLINE with the file received.
    expect(holds(disk, last, { replica: "r1", state: "ONLINE" })).toBe(true);
    expect(holds(disk, last, { replica: "r1", received: "$2097152" })).toBe(true);
  });

  it("keep-alive only: what a replica waiting on the socket path has seen", () => {
    const socket = traceOf("fork-failure-socket");
    const before = socket.frames.findIndex((f) => f.t >= 5000);
    expect(holds(socket, before, { replica: "r1", receivedOnly: "keep-alive" })).toBe(true);
    const failedAt = eventWith(socket, "port.failed");
    expect(holds(socket, failedAt, { replica: "r1", receivedOnly: "keep-alive" })).toBe(false);
    expect(holds(socket, failedAt, { replica: "r1", received: "+FULLRESYNC" })).toBe(true);
  });

  it("the BGSAVE target as the status shows it, and log lines within a window", () => {
    expect(targetAt(disk, 0)).toBe("none");
    expect(holds(disk, failed, { target: "disk" })).toBe(true);
    expect(holds(disk, failed, { logged: "BGSAVE for replication failed" })).toBe(true);
    // Since the failure frame itself, nothing new says so.
    expect(holds(disk, failed, { logged: "BGSAVE for replication failed" }, failed)).toBe(false);
    expect(holds(disk, last, { replica: "r1", replicaLogged: "Timeout connecting to the MASTER" }, failed)).toBe(true);
    expect(holds(disk, failed, { replica: "r1", replicaLogged: "Timeout connecting to the MASTER" })).toBe(false);
  });

  it("the longest wait the latest replicationCron check saw (what the panel shows as idle seconds)", () => {
    const batching = traceOf("diskless-batching");
    const checks = batching.frames.filter((f) => f.notes.some((n) => n.key === "cron.check"));
    const start = checks.find((f) => f.notes.some((n) => n.key === "cron.check" && n.start));
    expect(start).toBeDefined();
    const idle = start!.notes.find((n) => n.key === "cron.check")!;
    expect(idle.key === "cron.check" && holds(batching, start!.i, { cronIdle: idle.maxIdle })).toBe(true);
    expect(holds(batching, start!.i, { cronIdle: 999 })).toBe(false);
    expect(holds(batching, 0, { cronIdle: 0 })).toBe(false);
  });

  it("combines claims with not, all and any", () => {
    const dropped: Claim = { replica: "r1", state: "dropped" };
    const online: Claim = { replica: "r1", state: "ONLINE" };
    expect(holds(disk, failed, { not: online })).toBe(true);
    expect(holds(disk, failed, { all: [dropped, { not: online }] })).toBe(true);
    expect(holds(disk, failed, { all: [dropped, online] })).toBe(false);
    expect(holds(disk, failed, { any: [online, dropped] })).toBe(true);
  });

  it("the format accepts each form and names what is wrong with a bad one", () => {
    expect(v.safeParse(ClaimSchema, { all: [{ replica: "r1", state: "ONLINE" }, { not: { target: "socket" } }] }).success).toBe(true);
    const bad = v.safeParse(ClaimSchema, { replica: "r1", state: "LOADING" });
    expect(bad.success).toBe(false);
    expect(v.safeParse(ClaimSchema, { replica: "r1", received: "" }).success).toBe(false);
    expect(v.safeParse(ClaimSchema, { target: "disk", extra: 1 }).success).toBe(false);
  });
});
