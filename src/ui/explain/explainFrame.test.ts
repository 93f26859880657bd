import { describe, expect, it } from "vitest";
import { runScenario } from "../../model";
import { findScenario } from "../../scenarios/catalogue";
import type { Scenario } from "../../scenarios/schema";
import { deriveTrace } from "../../store/derive";
import { en } from "../i18n/en";
import { explainStep } from "./explainFrame";

function load(id: string) {
  const trace = runScenario(findScenario(id) as Scenario);
  return { trace, derived: deriveTrace(trace) };
}

describe("explaining a step", () => {
  it("says what a condition evaluated to, as the port recorded it", () => {
    for (const [id, expected] of [
      ["disk-happy-path", false],
      ["fork-failure-disk", true],
    ] as const) {
      const { trace, derived } = load(id);
      const i = trace.frames.findIndex((f) => f.kind === "line" && f.line === 47);
      expect(trace.frames[i]!.condition).toBe(expected);
      expect(explainStep(trace, derived, i, "line", en).line?.text).toContain(en.ui.condition(expected));
    }
  });

  it("gathers every note since the previous event frame when stepping by event", () => {
    const { trace, derived } = load("fork-failure-disk");
    const failed = trace.frames.findIndex((f, i) => f.kind === "event" && trace.frames.slice(0, i + 1).some((g) => g.notes.some((n) => n.key === "port.failed")));
    const ex = explainStep(trace, derived, failed, "event", en);
    const keys = ex.items.map((it) => it.key);
    expect(keys).toEqual(expect.arrayContaining(["sync.accepted", "port.target", "rdb.forkFailed", "port.failed", "port.dropped"]));
    expect(ex.items.find((it) => it.key === "port.dropped")?.tone).toBe("error");
    // Each note sits on one frame only, so each is explained once.
    expect(keys.filter((k) => k === "port.dropped")).toHaveLength(1);
    expect(keys.filter((k) => k === "sync.accepted")).toHaveLength(1);
    // Line stepping explains only the frame itself.
    const line = explainStep(trace, derived, failed - 1, "line", en);
    expect(line.line).not.toBeNull();
  });
});
