import { describe, expect, it } from "vitest";
import { runScenario } from "../model";
import { CATALOGUE, findScenario } from "../scenarios/catalogue";
import type { Scenario } from "../scenarios/schema";
import { deriveTrace, nextIndex, prevIndex, stepStart } from "./derive";

const traceOf = (id: string) => runScenario(findScenario(id) as Scenario);

describe("trace indexes for the view", () => {
  const trace = traceOf("disk-happy-path");
  const d = deriveTrace(trace);

  it("event stepping visits exactly the event frames, line stepping every frame", () => {
    const visited = [0];
    let i = 0;
    for (;;) {
      const n = nextIndex(d, trace.frames.length, i, "event");
      if (n === i) break;
      visited.push((i = n));
    }
    expect(visited.every((f) => trace.frames[f]?.kind === "event")).toBe(true);
    expect(visited).toEqual(d.eventFrames);
    expect(nextIndex(d, trace.frames.length, 3, "line")).toBe(4);
    expect(prevIndex(d, 3, "line")).toBe(2);
    expect(prevIndex(d, d.eventFrames[2] as number, "event")).toBe(d.eventFrames[1]);
  });

  it("an event step covers every frame since the previous event frame", () => {
    const e1 = d.eventFrames[1] as number;
    const e2 = d.eventFrames[2] as number;
    expect(stepStart(d, e2, "event")).toBe(e1 + 1);
    expect(stepStart(d, e2, "line")).toBe(e2);
  });

  it("remembers the target of the last call and the last child", () => {
    expect(d.lastTarget[0]).toBeNull();
    expect(d.lastTarget[trace.frames.length - 1]).toBe("disk");
    const last = d.lastChild[trace.frames.length - 1];
    expect(last?.kind).toBe("rdb-disk");
    expect(last?.reaped).toBe(true);
  });

  it("marks BGSAVE start and ONLINE on the timeline as data, at the event frame of the happening", () => {
    expect(d.markers.map(({ kind, target }) => ({ kind, target }))).toEqual([
      { kind: "bgsave-start", target: "disk" },
      { kind: "online", target: "r1" },
    ]);
    // The failure's note is made inside startBgsaveForReplication, on a line frame only.
    const fork = traceOf("fork-failure-disk");
    const markers = deriveTrace(fork).markers;
    expect(markers.map(({ kind, target }) => ({ kind, target }))).toEqual([
      { kind: "failure", target: "bgsave" },
      { kind: "bgsave-start", target: "disk" },
      { kind: "online", target: "r1" },
    ]);
    for (const m of markers) expect(fork.frames[m.frame]?.kind).toBe("event");
    const failedAt = fork.frames.findIndex((f) => f.notes.some((n) => n.key === "port.failed"));
    expect(fork.frames[failedAt]?.kind).toBe("line");
    expect(markers[0]?.frame).toBe(fork.frames.findIndex((f, i) => i > failedAt && f.kind === "event"));
  });
});

describe("the BGSAVE target status and the Decision box", () => {
  it.each(CATALOGUE.map((s) => [s.id, s] as const))("%s: agree on every frame of a call, from line 21 on", (_id, s) => {
    const trace = runScenario(s);
    const d = deriveTrace(trace);
    for (const f of trace.frames) {
      const chosen = f.locals?.socket_target;
      if (chosen === undefined) continue;
      // The status shows the running child's type first; within a call no child of its own runs yet.
      const running = f.server.rdbChildType;
      const shown = running !== "none" ? running : d.lastTarget[f.i];
      if (f.kind === "line" && (f.line === 21 || f.line === 25)) expect(shown, `frame ${f.i} line ${f.line}`).toBe(chosen ? "socket" : "disk");
      expect(d.lastTarget[f.i], `frame ${f.i}`).toBe(chosen ? "socket" : "disk");
    }
  });
});
