import { describe, expect, it } from "vitest";
import { runScenario, type Frame, type Trace } from "../model/index";
import { CATALOGUE, findScenario } from "../scenarios/catalogue";
import { applyEdits, type Edit } from "../scenarios/edits";
import type { Scenario } from "../scenarios/schema";
import { childFault, disklessStart, nextForkFailure, secondsText, silenceTimer, upstreamLink, type ForkFailure } from "./faults";

const traceOf = (id: string, edits: Edit[] = []) => {
  const applied = applyEdits(findScenario(id) as Scenario, edits);
  if (!applied.ok) throw new Error(applied.errors.join("; "));
  return runScenario(applied.scenario);
};

/** The timer of replica `id`'s latest connection at frame f. */
const timerOf = (f: Frame, id: string) => {
  const r = f.replicas.filter((v) => v.id === id).at(-1);
  return r ? silenceTimer(f, r, f.agents.find((a) => a.id === id)) : null;
};

const forkFailures = (trace: Trace) => {
  const out: (ForkFailure | null)[] = [];
  let before: ForkFailure | null = null;
  for (const f of trace.frames) out.push((before = nextForkFailure(before, f)));
  return out;
};

describe("the repl-timeout of a replica a failed BGSAVE left in silence (docs/behaviour.md §8)", () => {
  it("in every catalogue scenario, each such replica times out exactly when the frame before said", () => {
    let checked = 0;
    for (const scenario of CATALOGUE) {
      const trace = runScenario(scenario);
      trace.frames.forEach((f, i) => {
        for (const n of f.notes) {
          if (n.key !== "replica.timeout") continue;
          const timer = timerOf(trace.frames[i - 1] as Frame, n.replica);
          if (!timer) continue;
          expect(timer, `${scenario.id} frame ${i}`).toMatchObject({ kind: "timeout", at: f.t });
          checked++;
        }
      });
    }
    // 08, 09, 10 and 11 each drop a replica that then times out.
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it("fork failure, disk: r1 last heard at 0 s, repl-timeout 60 — its cron gives up at 61.137 s, and the count goes down as writes arrive", () => {
    const writes: Edit[] = [20, 40].map((at) => ({ kind: "event", event: { at, type: "write" } }));
    const trace = traceOf("fork-failure-disk", writes);
    const silent = trace.frames.filter((f) => timerOf(f, "r1")?.kind === "timeout" && f.kind === "event");
    expect(silent.map((f) => [f.t, timerOf(f, "r1")])).toEqual([
      [250, { kind: "timeout", at: 61_137, left: 60_887, lastio: 0, replTimeout: 60 }],
      [20_000, { kind: "timeout", at: 61_137, left: 41_137, lastio: 0, replTimeout: 60 }],
      [40_000, { kind: "timeout", at: 61_137, left: 21_137, lastio: 0, replTimeout: 60 }],
    ]);
    // Before the failure r1 is not silent; after its timeout its new connection is not either.
    const first = trace.frames.findIndex((f) => timerOf(f, "r1") !== null);
    expect(trace.frames.slice(0, first).every((f) => f.replicas.every((r) => r.dropReason === null))).toBe(true);
    expect(timerOf(trace.frames.at(-1) as Frame, "r1")).toBeNull();
  });

  it("fork failure, socket: r1 had +FULLRESYNC and keep-alives until 6 s, so it gives up at 67.137 s", () => {
    const trace = traceOf("fork-failure-socket");
    const f = trace.frames.find((x) => x.kind === "event" && timerOf(x, "r1") !== null) as Frame;
    expect(timerOf(f, "r1")).toEqual({ kind: "timeout", at: 67_137, left: 67_137 - f.t, lastio: 6, replTimeout: 60 });
  });

  it("a failure sweeps bystanders: the SYNC client has no timeout at all, r1 gives up at 62.137 s", () => {
    const trace = traceOf("failure-sweeps-bystanders");
    const f = trace.frames.find((x) => x.kind === "event" && timerOf(x, "cli") !== null) as Frame;
    expect(timerOf(f, "cli")).toEqual({ kind: "none" });
    expect(timerOf(f, "r1")).toMatchObject({ kind: "timeout", at: 62_137 });
    // Long after r1 came back, the SYNC client still waits, with no timeout.
    expect(timerOf(trace.frames.at(-1) as Frame, "cli")).toEqual({ kind: "none" });
  });

  it("a replica that only waits, or is closed, has no such timer", () => {
    for (const id of ["disk-happy-path", "diskless-batching", "child-dies-disk", "child-dies-socket"]) {
      const trace = traceOf(id);
      for (const f of trace.frames) for (const r of f.replicas) expect(timerOf(f, r.id), `${id} frame ${f.i}`).toBeNull();
    }
  });
});

describe("the diskless delay's countdown (docs/behaviour.md §9)", () => {
  it("in every catalogue scenario, the cron run that starts a BGSAVE after the delay is the one the frame before named", () => {
    let checked = 0;
    for (const scenario of CATALOGUE) {
      const trace = runScenario(scenario);
      trace.frames.forEach((f, i) => {
        if (f.cause.type !== "replicationCron" || !f.notes.some((n) => n.key === "cron.check" && n.diskless && n.start)) return;
        const before = disklessStart(trace.frames[i - 1] as Frame);
        expect(before, `${scenario.id} frame ${i}`).not.toBeNull();
        expect(before?.at, `${scenario.id} frame ${i}`).toBe(f.t);
        checked++;
      });
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it("diskless batching: r1's PSYNC at 0.05 s starts the count at 5.95 s; it goes down a second a cron run; r2 shares r1's", () => {
    const trace = traceOf("diskless-batching");
    const counts = trace.frames.filter((f) => f.kind === "event" && disklessStart(f)).map((f) => [f.t, disklessStart(f)?.left, disklessStart(f)?.maxIdle, disklessStart(f)?.waiting]);
    expect(counts).toEqual([
      [50, 5950, 0, ["r1#1"]],
      [1000, 5000, 1, ["r1#1"]],
      [2000, 4000, 2, ["r1#1"]],
      [2050, 3950, 2, ["r1#1", "r2#1"]],
      [3000, 3000, 3, ["r1#1", "r2#1"]],
      [4000, 2000, 4, ["r1#1", "r2#1"]],
      [5000, 1000, 5, ["r1#1", "r2#1"]],
    ]);
  });

  it("delay 0: the BGSAVE starts at the next second; diskless off: no countdown at all", () => {
    const zero = traceOf("delay-zero");
    const first = zero.frames.find((f) => disklessStart(f)) as Frame;
    expect(disklessStart(first)).toMatchObject({ delay: 0, at: Math.floor(first.t / 1000) * 1000 + 1000 });
    for (const f of traceOf("disk-happy-path").frames) expect(disklessStart(f)).toBeNull();
  });

  it("no countdown while a child runs: the waiting replica waits for the child, not for the cron", () => {
    const trace = traceOf("socket-bgsave-in-flight");
    for (const f of trace.frames) if (f.server.child) expect(disklessStart(f)).toBeNull();
  });
});

describe("a failed fork, until the next attempt", () => {
  it("fork failure, disk: EAGAIN from the frame fork() returned -1 until the next call begins, never before", () => {
    const trace = traceOf("fork-failure-disk");
    const marks = forkFailures(trace);
    const from = marks.findIndex((m) => m !== null);
    const failing = trace.frames[from] as Frame;
    expect(failing.notes.map((n) => n.key)).toContain("rdb.forkFailed");
    expect(marks[from]).toEqual({ errno: "EAGAIN", by: "disk", frame: from });
    // Through the rest of the error path and the silence, up to the next call (r1's retry).
    const nextCall = trace.frames.findIndex((f, i) => i > from && f.kind === "line" && f.line === 21);
    expect(nextCall).toBeGreaterThan(from);
    expect(marks.slice(from, nextCall).every((m) => m?.errno === "EAGAIN")).toBe(true);
    expect(marks.slice(nextCall).every((m) => m === null)).toBe(true);
  });

  it("fork failure, socket: ENOMEM, by the socket BGSAVE", () => {
    const marks = forkFailures(traceOf("fork-failure-socket")).filter((m) => m !== null);
    expect(marks[0]).toMatchObject({ errno: "ENOMEM", by: "socket" });
  });

  it("a user's BGSAVE whose fork fails is told apart from replication's (sandbox edits)", () => {
    const trace = traceOf("disk-happy-path", [
      { kind: "event", event: { at: 0.01, type: "fork-fails", errno: "ENOMEM" } },
      { kind: "event", event: { at: 0.02, type: "bgsave" } },
    ]);
    expect(forkFailures(trace).find((m) => m !== null)).toMatchObject({ errno: "ENOMEM", by: "user" });
  });

  it("no fork failure in a scenario without one", () => {
    expect(forkFailures(traceOf("disk-happy-path")).every((m) => m === null)).toBe(true);
  });
});

describe("a child that ended badly", () => {
  it("child dies (disk): killed by signal 9 until it is reaped", () => {
    const trace = traceOf("child-dies-disk");
    const killed = trace.frames.filter((f) => f.server.child && childFault(f.server.child));
    expect(killed.length).toBeGreaterThan(0);
    for (const f of killed) expect(childFault(f.server.child!)).toEqual({ kind: "signal", signal: 9 });
  });

  it("a child that exits with an error (sandbox: kill-child, exit-error) shows its exit code", () => {
    const trace = traceOf("child-dies-disk", [{ kind: "event", event: { at: 1.5, type: "kill-child", mode: "exit-error" } }]);
    const failed = trace.frames.filter((f) => f.server.child && childFault(f.server.child));
    expect(failed.length).toBeGreaterThan(0);
    expect(childFault(failed[0]!.server.child!)).toEqual({ kind: "exit", code: 1 });
  });

  it("a child that exited 0, or still runs, has no fault", () => {
    expect(childFault({ exit: null })).toBeNull();
    expect(childFault({ exit: { code: 0, signal: 0 } })).toBeNull();
  });
});

describe("a chained primary's master link", () => {
  it("no replication info: linked until the upstream-lost event, lost with nothing cached from then to the end", () => {
    const trace = traceOf("no-replication-info");
    const lostAt = trace.frames.findIndex((f) => f.notes.some((n) => n.key === "event.upstreamLost"));
    expect(lostAt).toBeGreaterThan(0);
    expect(trace.frames.slice(0, lostAt).every((f) => upstreamLink(f.server) === "linked")).toBe(true);
    expect(trace.frames.slice(lostAt).every((f) => upstreamLink(f.server) === "lost")).toBe(true);
  });

  it("lost with the master cached (sandbox: upstream-lost, cached) is told apart", () => {
    const trace = traceOf("no-replication-info", [{ kind: "event", event: { at: 1.5, type: "upstream-lost", cached: true } }]);
    expect(upstreamLink(trace.frames.at(-1)!.server)).toBe("cached");
  });
});

describe("seconds as the page shows them", () => {
  it("has up to three decimals and no trailing zeros", () => {
    expect([5950, 60_887, 4000, 0, 63696.09375 - 63000].map(secondsText)).toEqual(["5.95", "60.887", "4", "0", "0.696"]);
  });
});
