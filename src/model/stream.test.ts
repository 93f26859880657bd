/**
 * The shared stream log (Trace.stream, docs/architecture.md §6): ONLINE replicas follow one log of
 * the replication stream instead of each copying every command. It is a way of keeping the trace,
 * not a change of behaviour: with it and without it, every frame, log line and wire entry is the same.
 */
import { describe, expect, it } from "vitest";
import { benchScenario, churnScenario } from "../../scripts/benchScenarios";
import { CATALOGUE } from "../scenarios/catalogue";
import type { Scenario } from "../scenarios/schema";
import { runScenario } from "./sim";
import { wireEntries, wireLengthAt, wireSlice, type Trace } from "./trace";

/** A trace with every connection's wire whole (as without the shared log), for comparison. */
function whole(trace: Trace) {
  const wires: Record<string, unknown> = {};
  for (const [key, io] of Object.entries(trace.wires)) {
    const { wire, wireFrame } = wireEntries(trace, io);
    wires[key] = { wire, wireFrame, reply: io.reply, queuedFrame: io.queuedFrame, sentFrame: io.sentFrame };
  }
  const { stream: _stream, wires: _wires, ...rest } = trace;
  return { ...rest, wires };
}

const scenarios: Scenario[] = [...CATALOGUE, benchScenario(12, 600), benchScenario(30, 900, false), churnScenario(6, 20)];

describe("the shared stream log", () => {
  it("changes nothing: every scenario's trace is the same with it and without it (and with the recorder looking at everything every frame)", () => {
    for (const s of scenarios) {
      const shared = runScenario(s);
      // Every connection with its own whole wire, and every connection and replica looked at every frame.
      const own = runScenario(s, { shareStream: false, trackChanges: false });
      expect(own.stream.text, s.id).toEqual([]);
      expect(JSON.stringify(whole(shared)), s.id).toBe(JSON.stringify(whole(own)));
    }
  });

  it("keeps each command once: 40 ONLINE replicas × 1,500 writes hold about 1,500 stream entries, not 60,000 copies", () => {
    const s = benchScenario(40, 1600);
    const shared = runScenario(s);
    const own = runScenario(s, { shareStream: false });
    const entries = (t: Trace) => Object.values(t.wires).reduce((n, io) => n + io.wire.length, 0) + t.stream.text.length;
    expect(entries(own)).toBeGreaterThan(40 * 1000);
    expect(entries(shared)).toBeLessThan(entries(own) / 10);
    expect(Object.values(shared.wires).filter((io) => io.follows).length).toBeGreaterThanOrEqual(35);
  });

  it("reads a follower's wire at any frame as the whole one: lengths and slices agree", () => {
    const s = benchScenario(8, 400);
    const shared = runScenario(s);
    const own = runScenario(s, { shareStream: false });
    for (const [key, io] of Object.entries(shared.wires)) {
      const ref = own.wires[key]!;
      for (const i of [0, 50, 120, 200, 399, shared.frames.length - 1]) {
        const n = wireLengthAt(shared, io, i);
        expect(n, `${key}@${i}`).toBe(wireLengthAt(own, ref, i));
        expect(wireSlice(shared, io, Math.max(0, n - 7), n)).toEqual(ref.wire.slice(Math.max(0, n - 7), n));
      }
    }
  });
});
