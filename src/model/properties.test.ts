/** Invariants over generated primaries and generated scenarios (fast-check). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateScenario } from "../scenarios/schema";
import { C_OK, createServer, expectedMachineState, runScenario, snapshotServer, startBgsaveForReplication } from "./index";
import { arbDesc, arbScenario, callerMincapa } from "./test/arbitraries";

describe("startBgsaveForReplication invariants", () => {
  it("after a failed start no replica in WAIT_BGSAVE_START remains in server.slaves", () => {
    fc.assert(
      fc.property(arbDesc, fc.integer({ min: -1, max: 3 }), (desc, m) => {
        const s = createServer(desc);
        const ret = startBgsaveForReplication(s, m);
        fc.pre(ret !== C_OK);
        const snap = snapshotServer(s);
        expect(snap.replicas.filter((r) => r.inSlaves && r.replstate === "WAIT_BGSAVE_START")).toEqual([]);
        for (const r of snap.replicas.filter((x) => !x.inSlaves)) {
          expect(r.outputBuffer).toContain("-ERR BGSAVE failed, replication can't continue");
          expect(r.flags).toContain("CLOSE_AFTER_REPLY");
        }
      }),
      { numRuns: 400 },
    );
  });

  it("the script cache is flushed if and only if the start succeeded", () => {
    fc.assert(
      fc.property(arbDesc, fc.integer({ min: -1, max: 3 }), (desc, m) => {
        const s = createServer(desc);
        const ret = startBgsaveForReplication(s, m);
        expect(snapshotServer(s).scriptCacheFlushed).toBe(ret === C_OK);
      }),
      { numRuns: 400 },
    );
  });

  it("socket target ⇔ diskless on and every served replica has EOF (mincapa as callers compute it)", () => {
    fc.assert(
      fc.property(arbDesc, (desc) => {
        const waiting = desc.replicas.filter((r) => r.replstate === "WAIT_BGSAVE_START");
        fc.pre(waiting.length > 0);
        const s = createServer(desc);
        const ret = startBgsaveForReplication(s, callerMincapa(desc));
        fc.pre(ret === C_OK);
        const snap = snapshotServer(s);
        const expectSocket = desc.config.replDisklessSync && waiting.every((r) => r.capa.eof);
        expect(snap.rdbChildType).toBe(expectSocket ? "socket" : "disk");
        // Every replica served by this BGSAVE got the same offset.
        const served = snap.replicas.filter((r) => waiting.some((w) => w.id === r.id));
        expect(new Set(served.map((r) => r.psyncInitialOffset)).size).toBe(1);
        expect(served.every((r) => r.replstate === "WAIT_BGSAVE_END")).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe("runScenario invariants (generated scenarios)", () => {
  it("generated scenarios are valid documents", () => {
    fc.assert(fc.property(arbScenario, (s) => validateScenario(s).ok), { numRuns: 100 });
  });

  it("is deterministic: the same scenario gives the same trace, bit for bit", () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        expect(JSON.stringify(runScenario(s))).toBe(JSON.stringify(runScenario(s)));
      }),
      { numRuns: 60 },
    );
  });

  it("on every frame, each replica's statechart equals the port's replstate", () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const trace = runScenario(s);
        for (const f of trace.frames) {
          for (const r of f.replicas) expect(r.machine, `frame ${f.i} ${r.key}`).toBe(expectedMachineState(r));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("on 5.0.5 too, where the error loop makes a dropped replica a normal client first (docs/versions.md §4.1)", () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const scenario = { ...s, events: s.events.filter((e) => e.type !== "evalsha") };
        const trace = runScenario(scenario, { redis: "5.0.5" });
        for (const f of trace.frames) {
          for (const r of f.replicas) expect(r.machine, `frame ${f.i} ${r.key}`).toBe(expectedMachineState(r));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("when the function returns C_ERR no WAIT_BGSAVE_START replica is left in server.slaves", () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const trace = runScenario(s);
        for (const f of trace.frames) {
          if (f.kind !== "line" || f.line !== 61) continue;
          expect(f.replicas.filter((r) => r.inSlaves && r.replstate === "WAIT_BGSAVE_START")).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("replicas accumulating for one BGSAVE share psyncInitialOffset", () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const trace = runScenario(s);
        for (const f of trace.frames) {
          const waiting = f.replicas.filter((r) => r.inSlaves && r.replstate === "WAIT_BGSAVE_END");
          expect(new Set(waiting.map((r) => r.psyncInitialOffset)).size, `frame ${f.i}`).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("every successful start flushes the script cache; a failed one does not", () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const trace = runScenario(s);
        for (const f of trace.frames) {
          if (f.kind !== "line") continue;
          if (f.line === 82) expect(f.notes.some((n) => n.key === "port.scriptCacheFlush") || trace.frames[f.i - 1]?.notes.some((n) => n.key === "port.scriptCacheFlush")).toBe(true);
          if (f.line === 61) expect(f.server.scriptCacheFlushes).toBe(trace.frames[f.i - 1]?.server.scriptCacheFlushes);
        }
      }),
      { numRuns: 100 },
    );
  });
});
