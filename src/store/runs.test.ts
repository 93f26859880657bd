/**
 * The store with a runner that answers later, as the page's simulation worker does
 * (docs/architecture.md §17): the first trace, progress, newer loads, Cancel.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { manualRunner } from "../run/manualRunner.test-util";
import { DEFAULT_SCENARIO_ID, findScenario } from "../scenarios/catalogue";
import { createLabStore, memoryStorage } from "./labStore";
import { forgetTraces } from "./traceCache";

beforeEach(forgetTraces);

const page = () => {
  const m = manualRunner();
  const store = createLabStore({ storage: memoryStorage(), runner: m.runner, openDefault: false });
  return { ...m, store, s: () => store.getState() };
};

describe("loading a scenario whose trace is computed elsewhere", () => {
  it("is not ready until the first trace arrives, then shows it at the asked frame", () => {
    const { s, finish, runs } = page();
    expect(s().ready).toBe(false);
    s().loadScenario("fork-failure-disk", 5);
    expect(runs).toHaveLength(1);
    expect(s().ready).toBe(false);
    expect(s().computing?.title.en).toBe(findScenario("fork-failure-disk")!.title.en);
    finish();
    expect(s()).toMatchObject({ ready: true, computing: null, cursor: 5 });
    expect(s().baseScenario.id).toBe("fork-failure-disk");
    expect(s().trace.frames.length).toBeGreaterThan(5);
  });

  it("keeps what is on screen (and steppable) while the next trace computes, and shows its progress", () => {
    const { s, finish, last } = page();
    s().loadScenario("disk-happy-path");
    finish();
    const before = s().trace;
    s().loadScenario("diskless-batching");
    last().handlers.onProgress?.({ t: 500, end: 1000 });
    expect(s().trace).toBe(before);
    expect(s().computing?.progress).toEqual({ t: 500, end: 1000 });
    s().stepForward();
    expect(s().cursor).toBeGreaterThan(0);
    finish();
    expect(s().baseScenario.id).toBe("diskless-batching");
    expect(s().computing).toBeNull();
  });

  it("a newer load cancels the older run; its late trace is ignored", () => {
    const { s, finish, runs } = page();
    s().loadScenario("disk-happy-path");
    finish();
    s().loadScenario("diskless-batching");
    s().loadScenario("fork-failure-disk");
    const [, older, newer] = runs;
    expect(older!.cancelled).toBe(true);
    finish(older);
    expect(s().baseScenario.id).toBe("disk-happy-path");
    finish(newer);
    expect(s().baseScenario.id).toBe("fork-failure-disk");
  });

  it("a kept trace shows at once and cancels the run being waited for", () => {
    const { s, finish, runs } = page();
    s().loadScenario("disk-happy-path");
    finish();
    s().loadScenario("diskless-batching");
    finish();
    s().loadScenario("fork-failure-disk");
    s().loadScenario("disk-happy-path"); // kept: no run
    expect(runs).toHaveLength(3);
    expect(runs[2]!.cancelled).toBe(true);
    expect(s()).toMatchObject({ computing: null });
    expect(s().baseScenario.id).toBe("disk-happy-path");
  });

  it("Cancel stops waiting and keeps the screen; before the first trace it opens the default scenario", () => {
    const { s, finish, runs } = page();
    s().loadScenario("fork-failure-disk");
    s().cancelRun();
    expect(runs[0]!.cancelled).toBe(true);
    expect(runs).toHaveLength(2);
    expect(runs[1]!.scenario.id).toBe(DEFAULT_SCENARIO_ID);
    finish();
    expect(s().ready).toBe(true);
    expect(s().baseScenario.id).toBe(DEFAULT_SCENARIO_ID);
    s().loadScenario("fork-failure-disk");
    s().cancelRun();
    expect(s().computing).toBeNull();
    expect(s().baseScenario.id).toBe(DEFAULT_SCENARIO_ID);
  });

  it("a run that fails says so and keeps the screen; before the first trace the default opens", () => {
    const { s, finish, last } = page();
    s().loadScenario("fork-failure-disk");
    last().handlers.onError("out of memory");
    expect(s().notice).toEqual({ key: "runFailed", message: "out of memory" });
    expect(last().scenario.id).toBe(DEFAULT_SCENARIO_ID);
    finish();
    s().addEdit({ kind: "event", event: { at: 1, type: "write", count: 1 } });
    last().handlers.onError("the simulation worker stopped");
    expect(s().edits).toEqual([]);
    expect(s().computing).toBeNull();
  });

  it("a sandbox edit is accepted at once and shown when its trace arrives", () => {
    const { s, finish } = page();
    s().loadScenario("disk-happy-path");
    finish();
    expect(s().addEdit({ kind: "event", event: { at: 1, type: "write", count: 1 } })).toBe(true);
    expect(s().edits).toEqual([]);
    finish();
    expect(s().edits).toHaveLength(1);
  });
});

describe("a run cut at the frame limit", () => {
  it("no longer: stops silently, and the recap calls it the time limit — the trace says frame-limit, and the page tells the reader", async () => {
    const { runScenario } = await import("../model/sim");
    const scenario = findScenario("fork-failure-disk")!;
    const full = runScenario(scenario);
    expect(full.endedBy).not.toBe("frame-limit");
    const cut = runScenario(scenario, { maxFrames: 20 });
    expect(cut.frames).toHaveLength(20);
    expect(cut.endedBy).toBe("frame-limit");

    const { s, runs } = page();
    s().loadScenario("fork-failure-disk");
    const { deriveTrace } = await import("./derive");
    runs[0]!.handlers.onDone({ trace: cut, derived: deriveTrace(cut), bytes: 1 });
    expect(s().notice).toEqual({ key: "frameLimit", frames: 20, t: cut.endTime });
  });
});
