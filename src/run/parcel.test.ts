import { describe, expect, it } from "vitest";
import { runScenario } from "../model/sim";
import { findScenario } from "../scenarios/catalogue";
import { benchScenario, churnScenario } from "../../scripts/benchScenarios";
import { deriveTrace } from "../store/derive";
import { traceBytes } from "../store/traceBytes";
import type { LoadedTrace } from "./runner";
import { splitTrace, TraceAssembler, type TracePart } from "./parcel";

function loaded(scenario: Parameters<typeof runScenario>[0], shareStream = true): LoadedTrace {
  const trace = runScenario(scenario, { shareStream });
  return { trace, derived: deriveTrace(trace), bytes: traceBytes(trace) };
}

/** Send a trace in parts through structured clone, as the worker does, and put it together again. */
function roundTrip(result: LoadedTrace, weight?: number) {
  const parts: TracePart[] = [];
  const rest = splitTrace(result, (p) => parts.push(structuredClone(p)), weight);
  const assembler = new TraceAssembler();
  for (const p of parts) assembler.add(p);
  return { parts, back: assembler.finish(structuredClone(rest)) };
}

describe("a trace sent from the worker in parts", () => {
  it("comes back equal, key order included, for every catalogue scenario and tiny parts", () => {
    for (const id of ["disk-happy-path", "fork-failure-socket", "child-dies-socket", "evalsha-across-sync"]) {
      const s = findScenario(id);
      if (!s) continue;
      const result = loaded(s);
      const { back } = roundTrip(result, 50);
      expect(JSON.stringify(back.trace)).toBe(JSON.stringify(result.trace));
      expect(back.derived).toEqual(result.derived);
      expect(back.bytes).toBe(result.bytes);
    }
  });

  it("bounds every part: a long run is many parts, none much heavier than the weight", () => {
    const result = loaded(churnScenario(20, 200));
    const { parts, back } = roundTrip(result);
    expect(back.trace.frames.length).toBe(result.trace.frames.length);
    expect(JSON.stringify(back.trace.frames[back.trace.frames.length - 1])).toBe(JSON.stringify(result.trace.frames.at(-1)));
    expect(parts.length).toBeGreaterThan(5);
    // Frame parts are of about one weight: none is more than twice the median (the last one is what is left).
    const sizes = parts.filter((p) => p.kind === "frames").map((p) => JSON.stringify(p).length);
    expect(sizes.length).toBeGreaterThan(2);
    const median = [...sizes].sort((a, b) => a - b)[sizes.length >> 1] as number;
    expect(Math.max(...sizes.slice(0, -1))).toBeLessThan(2 * median);
  });

  it("slices a connection's logs that are longer than a part, and the shared stream", () => {
    // Every connection with a whole wire of its own: long logs to slice.
    const own = loaded(benchScenario(3, 3000), false);
    const one = roundTrip(own, 600);
    expect(one.parts.filter((p) => p.kind === "wires" && p.slices.some((x) => x.key === "r1#1")).length).toBeGreaterThan(3);
    expect(one.back.trace.wires).toEqual(own.trace.wires);
    // The followers of the stream: the stream in slices, each follower's run with its first slice.
    const shared = loaded(benchScenario(3, 3000));
    const two = roundTrip(shared, 600);
    expect(two.parts.filter((p) => p.kind === "stream").length).toBeGreaterThan(3);
    expect(two.back.trace.stream).toEqual(shared.trace.stream);
    expect(two.back.trace.wires).toEqual(shared.trace.wires);
    expect(Object.values(two.back.trace.wires).some((io) => io.follows)).toBe(true);
  });
});
