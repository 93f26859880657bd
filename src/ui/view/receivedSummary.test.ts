/** What the diagram's replica box says it has received (src/ui/view/stepMessages.ts receivedSummary). */
import { describe, expect, it } from "vitest";
import { runScenario } from "../../model";
import { findScenario } from "../../scenarios/catalogue";
import { wireAt } from "../../model/trace";
import { receivedSummary } from "./stepMessages";

describe("receivedSummary", () => {
  it("names an error reply that reached the socket: on 5.0.5 r1 of scenario 8 received -ERR, on 4.0.14 nothing", () => {
    const scenario = findScenario("fork-failure-disk")!;
    for (const [redis, expected] of [["5.0.5", ["-ERR"]], ["4.0.14", []]] as const) {
      const trace = runScenario(scenario, { redis });
      // The frame after the failed call: r1's first connection has been handled.
      const i = trace.frames.findIndex((f) => f.notes.some((n) => n.key === "port.failed"));
      const f = trace.frames.find((g) => g.i > i && g.kind === "event")!;
      const r1 = f.replicas.find((r) => r.id === "r1");
      const wire = r1 ? wireAt(trace, f, r1) : [];
      expect(receivedSummary(wire), redis).toEqual(expected);
    }
  });

  it("keeps the order: +FULLRESYNC, an error, the payload's header, the payload, the stream", () => {
    expect(receivedSummary(["+FULLRESYNC abc 1", "-ERR BGSAVE failed, replication can't continue"])).toEqual(["+FULLRESYNC", "-ERR"]);
    expect(receivedSummary(["\n", "\n"])).toEqual(["\\n ×2"]);
  });
});
