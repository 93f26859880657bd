import { describe, expect, it } from "vitest";
import { runScenario } from "../model";
import { findScenario } from "../scenarios/catalogue";
import type { Scenario } from "../scenarios/schema";
import { traceFor } from "./traceFor";
import { CACHE_BYTES, cacheUse, traceBytes } from "./traceCache";

/** A valid document with `writes` writes after the happy path: a long trace. */
function long(writes: number, n: number): Scenario {
  const base = findScenario("disk-happy-path")!;
  return {
    ...base,
    id: `long-${n}`,
    title: { en: `Long ${n}`, zh: `长 ${n}` },
    steps: [],
    events: [...base.events, ...Array.from({ length: writes }, (_, i) => ({ at: 10 + i / 50, type: "write" as const, count: 1 }))],
  };
}

describe("the trace cache", () => {
  it("no longer: keeps 48 traces whatever their size — it is bounded by estimated bytes, keeping the newest", () => {
    const one = traceBytes(runScenario(long(20_000, 0)));
    expect(one * 16).toBeGreaterThan(CACHE_BYTES);
    for (let n = 1; n <= 16; n++) traceFor(long(20_000, n));
    const use = cacheUse();
    expect(use.bytes).toBeLessThanOrEqual(CACHE_BYTES);
    expect(use.traces).toBeLessThan(16);
    expect(use.traces).toBeGreaterThan(0);
  });

  it("estimates a trace's weight from what it holds: more frames and messages weigh more", () => {
    const small = traceBytes(runScenario(long(10, 100)));
    const big = traceBytes(runScenario(long(2000, 101)));
    expect(big).toBeGreaterThan(small * 10);
  });
});
