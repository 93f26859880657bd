/**
 * The work bound (docs/scenario-format.md §10): a scenario that would ask too much of the
 * simulation is refused by the validator before anything runs, by the page, a link and the CLI
 * alike, with a message naming the field and what to reduce; everything the lab ships and
 * measures stays within it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { benchScenario, churnScenario } from "../../scripts/benchScenarios";
import { runScenario } from "../model";
import { arbScenario } from "../model/test/arbitraries";
import { decodeLink, encodePayload } from "../share/codec";
import { MAX_EVENT_REPLICA_STEPS } from "../share/limits";
import { CATALOGUE } from "./catalogue";
import { applyEdits } from "./edits";
import { validateScenario, type Scenario } from "./schema";
import { horizon, horizonMs } from "./work";

const errors = (doc: unknown) => {
  const r = validateScenario(doc);
  return r.ok ? [] : r.errors;
};

const replicas = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i + 1}` }));
const doc = (extra: Record<string, unknown>) => ({ format: "fullresync-lab/scenario@1", title: "Heavy", summary: "Too much work.", replicas: replicas(1), events: [], ...extra });

describe("the work bound", () => {
  it("allows every catalogue scenario and every scenario the benchmark measures", () => {
    for (const s of CATALOGUE) expect(errors(s), s.id).toEqual([]);
    const rows = [
      ...[10, 50, 200].map((n) => benchScenario(n)),
      benchScenario(500, 20_000),
      churnScenario(20, 5000),
      ...[10, 100, 500].map((n) => benchScenario(n, 5000)),
      benchScenario(50, 400),
    ];
    for (const s of rows) expect(errors(s), s.id).toEqual([]);
    // The largest row is the bound itself: one more event is past it.
    const big = benchScenario(500, 20_000);
    expect(big.events.length * big.replicas.length).toBe(MAX_EVENT_REPLICA_STEPS);
  });

  it("refuses too many events × replicas, counting a write as its count, and says what to reduce", () => {
    const writes = Array.from({ length: 100 }, (_, i) => ({ at: i / 10, type: "write", count: 1000 }));
    expect(errors(doc({ replicas: replicas(500), events: writes }))).toEqual([
      "events: 100,000 events (a write counts its count) × 500 replicas = 50,000,000 event×replica steps; the lab runs at most 10,000,000: reduce the events or the replicas",
    ]);
    // 20,000 events with 500 replicas, the most a document may list, are within it (the benchmark's row).
    expect(errors(doc({ replicas: replicas(500), events: Array.from({ length: 20_000 }, () => ({ at: 0, type: "bgsave" })) }))).toEqual([]);
  });

  it("refuses too long a run × replicas, naming until or the last event's time", () => {
    expect(errors(doc({ until: 86_400, replicas: replicas(20) }))).toEqual([
      "until: 86,400 s of virtual time × 20 replicas = 1,728,000 replica-seconds; the lab runs at most 1,000,000: reduce until or the replicas",
    ]);
    const late = [{ at: 86_000, type: "write" }];
    expect(errors(doc({ replicas: replicas(20), events: late }))[0]).toMatch(/^events: 86,150 s of virtual time × 20 replicas = .*: reduce the last event's time or the replicas$/);
    expect(errors(doc({ replicas: replicas(11), events: late }))).toEqual([]);
  });

  it("refuses a file sent in too many chunks, naming rdbBytes", () => {
    const connect = [{ at: 0, type: "connect", replica: "r1" }];
    const tib = 2 ** 40;
    expect(errors(doc({ primary: { rdbBytes: tib, transferBytesPerSecond: tib }, events: connect }))).toEqual([
      "primary.rdbBytes: 67,108,864 chunks of 16 KiB × 1 connect events = 67,108,864 chunk sends; the lab runs at most 500,000: reduce rdbBytes, transferBytesPerSecond or the connect events",
    ]);
    // The same file at 4 MiB/s: what the rate sends by the horizon (150 s) is the most one connection gets.
    expect(errors(doc({ primary: { rdbBytes: tib }, events: connect }))).toEqual([]);
  });

  it("holds after sandbox edits and in a link", () => {
    const base = validateScenario(doc({ replicas: replicas(500), events: [{ at: 0, type: "write", count: 1000 }] }));
    if (!base.ok) throw new Error(base.errors.join("\n"));
    const edits = Array.from({ length: 20 }, (_, i) => ({ kind: "event" as const, event: { at: 1 + i, type: "write" as const, count: 1000 } }));
    const r = applyEdits(base.scenario, edits);
    expect(!r.ok && r.errors[0]).toMatch(/^after the edits, events: 21,000 events .* × 500 replicas = 10,500,000 event×replica steps/);
    const link = decodeLink(encodePayload({ v: 1, s: doc({ until: 86_400, replicas: replicas(20) }) }));
    expect(!link.ok && link.problem).toMatchObject({ code: "scenario", detail: expect.stringMatching(/^until: .* replica-seconds/) });
  });

  it("the CLI refuses the same way: one line, exit code 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "frl-work-"));
    const file = join(dir, "heavy.json");
    writeFileSync(file, JSON.stringify(doc({ until: 86_400, replicas: replicas(20) })));
    const r = spawnSync(join(import.meta.dirname, "../../node_modules/.bin/tsx"), ["scripts/trace.ts", "--summary", file], { cwd: join(import.meta.dirname, "../.."), encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`trace: ${file}: until: 86,400 s of virtual time × 20 replicas = 1,728,000 replica-seconds; the lab runs at most 1,000,000: reduce until or the replicas\n`);
  });

  it("no longer: an `until` that is not a whole number of ms (1.2999999999999998 s) gave a horizon a hair before where the run stops (found by the property below)", () => {
    const s = CATALOGUE.find((x) => x.id === "disk-happy-path")!;
    const scenario = { ...s, until: 1.2999999999999998 };
    expect(horizonMs(scenario)).toBe(1300);
    expect(horizon(scenario)).toBe(1.3);
    expect(runScenario(scenario).endTime).toBeLessThanOrEqual(horizonMs(scenario));
  });

  it("its horizon is where runScenario stops at the latest", () => {
    fc.assert(
      fc.property(arbScenario, fc.boolean(), (s: Scenario, own) => {
        const { until: _, ...rest } = s;
        const scenario = own ? s : rest;
        expect(runScenario(scenario).endTime).toBeLessThanOrEqual(horizonMs(scenario));
      }),
      { numRuns: 60 },
    );
  });
});
