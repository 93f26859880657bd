/** The trace's vocabulary: every variant a type names is one the model produces, and shared data is read-only. */
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../scenarios/catalogue";
import { flagNames } from "./constants";
import { runScenario } from "./sim";
import { happeningNotes, type Cause, type Trace } from "./trace";

const traces: Trace[] = CATALOGUE.map((s) => runScenario(s));

describe("the trace's types", () => {
  it("every kind of cause is produced by some catalogue scenario", () => {
    // Listing the variants this way makes the compiler reject a Cause variant missing here.
    const all = { start: true, event: true, serverCron: true, replicationCron: true, childDone: true, bulk: true, replica: true } satisfies Record<Cause["type"], true>;
    const seen = new Set(traces.flatMap((t) => t.frames.map((f) => f.cause.type)));
    expect([...seen].sort()).toEqual(Object.keys(all).sort());
  });

  it("a happening's notes are those of its line frames and its event frame, each once", () => {
    const t = traces.find((x) => x.scenarioId === "fork-failure-disk") as Trace;
    const end = t.frames.findIndex((f) => f.kind === "event" && f.line === 61);
    const start = t.frames.findIndex((f) => f.kind === "line");
    const own = t.frames.slice(start, end + 1).flatMap((f) => f.notes);
    expect(happeningNotes(t, end)).toEqual(own);
    expect(happeningNotes(t, start)).toEqual(own);
    expect(own.filter((n) => n.key === "port.failed")).toHaveLength(1);
  });

  it("shared flag-name arrays are read-only", () => {
    const names = flagNames(1);
    // @ts-expect-error frames share this array: it must not be mutable through its type
    expect(() => names.push("PRE_PSYNC")).toThrow();
    expect(flagNames(1)).toEqual(["SLAVE"]);
  });
});
