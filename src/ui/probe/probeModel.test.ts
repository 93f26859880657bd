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
