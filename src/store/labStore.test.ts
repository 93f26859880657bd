import { beforeEach, describe, expect, it } from "vitest";
import { useLab } from "./labStore";

const s = () => useLab.getState();

describe("the lab store", () => {
  beforeEach(() => {
    s().loadScenario("disk-happy-path");
    s().setStepSize("event");
  });

  it("steps by event or by line, and never past either end", () => {
    s().stepBack();
    expect(s().cursor).toBe(0);
    s().stepForward();
    expect(s().trace.frames[s().cursor]?.kind).toBe("event");
    s().first();
    s().setStepSize("line");
    s().stepForward();
    expect(s().cursor).toBe(1);
    s().last();
    const end = s().cursor;
    s().stepForward();
    expect(s().cursor).toBe(end);
  });

  it("plays to the end and stops there", () => {
    s().togglePlay();
    expect(s().playing).toBe(true);
    for (let i = 0; i < 1000 && s().playing; i++) s().tick();
    expect(s().playing).toBe(false);
    expect(s().cursor).toBe(s().trace.frames.length - 1);
    s().togglePlay(); // at the end, Play starts over
    expect(s().cursor).toBe(0);
    s().pause();
  });

  it("computes each scenario's trace once", () => {
    const first = s().trace;
    s().loadScenario("fork-failure-disk");
    s().loadScenario("disk-happy-path");
    expect(s().trace).toBe(first);
  });

  it("falls back to the default scenario with a notice for an unknown id", () => {
    s().loadScenario("nope");
    expect(s().scenario.id).toBe("disk-happy-path");
    expect(s().notice).toEqual({ key: "unknownScenario", id: "nope" });
  });
});
