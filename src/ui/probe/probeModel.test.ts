import { describe, expect, it } from "vitest";
import { C_ERR, C_OK } from "../../model";
import { callersMincapa, DEFAULT_INPUTS, effectiveMincapa, rsiAvailable, runProbe, toDesc, type ProbeInputs } from "./probeModel";

const two: ProbeInputs = {
  ...DEFAULT_INPUTS,
  forkFails: true,
  replicas: [
    { id: "r1", replstate: "WAIT_BGSAVE_START", eof: true, psync2: true, oldSync: false },
    { id: "r2", replstate: "WAIT_BGSAVE_START", eof: false, psync2: true, oldSync: false },
  ],
};

describe("the what-if probe", () => {
  it("computes mincapa as the callers do", () => {
    expect(callersMincapa(two.replicas)).toBe(2);
    expect(callersMincapa([{ ...two.replicas[0]!, replstate: "ONLINE" }])).toBeNull();
    expect(effectiveMincapa({ ...two, mincapaOverride: { eof: true, psync2: false } })).toBe(1);
  });

  it("says when rdbPopulateSaveInfo will return NULL", () => {
    expect(rsiAvailable({ role: "master", backlog: false, upstream: "linked" })).toBe(false);
    expect(rsiAvailable({ role: "replica", backlog: false, upstream: "cached" })).toBe(true);
    expect(rsiAvailable({ role: "replica", backlog: true, upstream: "none" })).toBe(false);
  });

  it("records every line of a failed call, and both waiting replicas end with the queued -ERR", () => {
    const run = runProbe(toDesc(two, 5, 0), effectiveMincapa(two));
    expect(run.retval).toBe(C_ERR);
    const lines = run.steps.map((s) => s.line);
    expect(lines.slice(lines.indexOf(47), lines.indexOf(47) + 2)).toEqual([47, 48]);
    expect(lines.at(-1)).toBe(61);
    const end = run.steps.at(-1)!.snapshot;
    for (const r of end.replicas) {
      expect(r.outputBuffer).toContain("-ERR BGSAVE failed, replication can't continue");
      expect(r.inSlaves).toBe(false);
      expect(r.flags).toContain("CLOSE_AFTER_REPLY");
    }
    expect(run.before.replicas.every((r) => r.inSlaves)).toBe(true);
  });

  it("ends a successful disk call by flushing the script cache", () => {
    const run = runProbe(toDesc(DEFAULT_INPUTS, 5, 100), effectiveMincapa(DEFAULT_INPUTS));
    expect(run.retval).toBe(C_OK);
    expect(run.steps.map((s) => s.line)).toContain(73);
    expect(run.steps.at(-1)!.snapshot.replicas[0]!.wire[0]).toMatch(/^\+FULLRESYNC [0-9a-f]{40} 100$/);
  });
});

describe("the probe on the version the page runs", () => {
  it("calls that version's function: its own lines, and what its error loop does to the replicas", () => {
    const old = runProbe(toDesc(two, 5, 0), effectiveMincapa(two));
    expect(old.redis).toBe("4.0.14");
    expect(old.steps.map((s) => s.line)).not.toContain(52);
    const five = runProbe(toDesc(two, 5, 0), effectiveMincapa(two), "5.0.5");
    expect(five.redis).toBe("5.0.5");
    expect(five.steps.map((s) => s.line)).toContain(52);
    // 5.0.5 resets replstate first: the -ERR is written, no longer only queued.
    const r1 = five.steps[five.steps.length - 1]!.snapshot.replicas.find((r) => r.id === "r1")!;
    expect(r1.replstate).toBe("NONE");
    const seven = runProbe(toDesc({ ...two, forkFails: false }, 5, 0), effectiveMincapa(two), "7.0.15");
    expect(seven.retval).toBe(C_OK);
    expect(seven.steps.map((s) => s.line)).toEqual(expect.arrayContaining([28, 30, 94]));
    expect(seven.steps.some((s) => s.locals.req === 0)).toBe(true);
  });
});
