import { describe, expect, it } from "vitest";
import { runScenario } from "../../model";
import { CATALOGUE } from "../../scenarios/catalogue";
import { happeningsFrom } from "./nextHappenings";

const s8 = CATALOGUE.find((s) => s.id === "fork-failure-disk")!;

describe("what a run shows from a moment on", () => {
  it("scenario 8 from its failure: on 4.0.14 r1 hears nothing until its timeout; on 5.0.5 it reads the -ERR at once and is back a second later", () => {
    const old = runScenario(s8);
    const now = runScenario(s8, { redis: "5.0.5" });
    const failure = { t: old.log.find((l) => l.text === "BGSAVE for replication failed")!.t };
    const a = happeningsFrom(old, failure.t, 3);
    const b = happeningsFrom(now, failure.t, 3);
    expect(a[0]?.log).toContain("BGSAVE for replication failed");
    expect(b[0]?.log).toContain("BGSAVE for replication failed");
    expect(a[0]?.wire.map((w) => w.text)).not.toContain("-ERR BGSAVE failed, replication can't continue");
    expect(b[0]?.wire).toContainEqual({ key: "r1#1", text: "-ERR BGSAVE failed, replication can't continue" });
    expect(b[0]?.replicaLog.map((l) => l.text)).toContain("Retrying with SYNC...");
    // 4.0.14's next happening for r1 is its timeout, a minute later; 5.0.5's is its reconnection.
    const nextR1 = (h: typeof a) => h.slice(1).find((x) => x.replicaLog.some((l) => l.id === "r1"));
    expect(nextR1(a)?.t).toBeGreaterThan(failure.t + 60_000);
    expect(nextR1(b)?.t).toBeLessThan(failure.t + 1_000);
  });

  it("each log line and wire message shows once, in the happening that made it", () => {
    const trace = runScenario(CATALOGUE.find((s) => s.id === "diskless-batching")!);
    const all = happeningsFrom(trace, 0, Infinity);
    expect(all.flatMap((h) => h.log)).toEqual(trace.log.slice(trace.frames[0]!.logLen).map((l) => l.text));
    const wired = all.reduce((n, h) => n + h.wire.length, 0);
    const total = Object.values(trace.wires).reduce((n, io) => n + io.wire.length + (io.follows ? io.follows.to - io.follows.from : 0), 0);
    expect(wired).toBe(total);
  });
});
