import { describe, expect, it } from "vitest";
import { CATALOGUE } from "./catalogue";
import { parseScenarioText } from "./scenarioText";
import { validateScenario } from "./schema";

const good = CATALOGUE[0];

describe("scenario validation", () => {
  it("accepts every catalogue scenario", () => {
    expect(CATALOGUE).toHaveLength(16);
    for (const s of CATALOGUE) expect(validateScenario(s).ok).toBe(true);
  });

  it("names the field that is wrong", () => {
    const bad = structuredClone(good) as unknown as Record<string, unknown>;
    (bad.config as Record<string, unknown>).replDisklessSyncDelay = -1;
    const r = validateScenario(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^config\.replDisklessSyncDelay: /);
  });

  it("names the event and field of a bad event", () => {
    const bad = structuredClone(good) as unknown as { events: Record<string, unknown>[] };
    bad.events.push({ at: 99, type: "connect", replica: "nobody" });
    const r = validateScenario(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join("\n")).toMatch(/^events: an event names a replica that is not in 'replicas'/m);
    const bad2 = structuredClone(good) as unknown as { events: Record<string, unknown>[] };
    bad2.events.push({ at: 99, type: "explode" });
    const r2 = validateScenario(bad2);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.errors[0]).toMatch(/^events\[2\]\.type: /);
  });

  it("rejects unknown formats and fields", () => {
    const r = validateScenario({ ...good, format: "fullresync-lab/scenario@9" });
    expect(r.ok || r.errors[0]).toMatch(/^format: unknown scenario format/);
    const r2 = validateScenario({ ...good, extra: 1 });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.errors[0]).toMatch(/^extra: /);
  });

  it("reports JSON syntax errors with line and column", () => {
    const r = parseScenarioText('{\n  "format": "fullresync-lab/scenario@1",\n  "id": oops\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^JSON syntax error at line 3, column \d+/);
  });
});
