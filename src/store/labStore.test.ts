import { localRunner } from "../run/localRunner";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLabStore, memoryStorage, type LabStore } from "./labStore";
import { predictionKeys } from "./progress";

let store: LabStore;
const s = () => store.getState();
/** The learner has answered every prediction of the open scenario. */
const answerAll = () => {
  for (const k of predictionKeys(s())) s().answerPrediction(s().scenario.id, Number(k.split(":")[1]), 0);
};

describe("the lab store", () => {
  beforeEach(() => {
    store = createLabStore({ storage: memoryStorage(), runner: localRunner });
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
    // Every question answered: Play waits at an open one (playback.test.ts).
    answerAll();
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

describe("a store made by createLabStore", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("has its own state: a change to one leaves another as it was", () => {
    const a = createLabStore({ storage: memoryStorage(), runner: localRunner });
    const b = createLabStore({ storage: memoryStorage(), runner: localRunner });
    a.getState().loadScenario("fork-failure-disk");
    a.getState().last();
    a.getState().setPanel("sandbox", true);
    expect(b.getState().scenario.id).toBe("disk-happy-path");
    expect(b.getState().cursor).toBe(0);
    expect(b.getState().panels.sandbox).toBe(false);
  });

  it("remembers preferences and progress in the storage it is given, and nothing else", () => {
    const storage = memoryStorage();
    const warn = vi.spyOn(console, "warn");
    const a = createLabStore({ storage, runner: localRunner });
    a.getState().setSpeed(2);
    a.getState().setLang("zh");
    a.getState().toggleTheme(false);
    a.getState().stepForward();
    expect(warn).not.toHaveBeenCalled();
    expect(JSON.parse(String(storage.getItem("fullresync-lab:prefs")))).toEqual({
      state: { theme: "dark", lang: "zh", speed: 2, finished: [], startHereSeen: false },
      version: 1,
    });
    const b = createLabStore({ storage, runner: localRunner });
    expect(b.getState()).toMatchObject({ theme: "dark", lang: "zh", speed: 2, cursor: 0 });
  });

  it("remembers that the “Start here” card was closed, not that it is open", () => {
    const storage = memoryStorage();
    const a = createLabStore({ storage, runner: localRunner });
    expect(a.getState()).toMatchObject({ startHere: false, startHereSeen: false });
    a.getState().setStartHere(true);
    expect(createLabStore({ storage, runner: localRunner }).getState()).toMatchObject({ startHere: false, startHereSeen: false });
    a.getState().setStartHere(false);
    expect(a.getState()).toMatchObject({ startHere: false, startHereSeen: true });
    expect(createLabStore({ storage, runner: localRunner }).getState()).toMatchObject({ startHere: false, startHereSeen: true });
    // Asked for again from the help: it shows, and closing it keeps it seen.
    a.getState().setStartHere(true);
    expect(a.getState()).toMatchObject({ startHere: true, startHereSeen: true });
  });

  it("reads a hand-edited “seen” as not seen unless it is exactly true", () => {
    const storage = memoryStorage();
    storage.setItem("fullresync-lab:prefs", JSON.stringify({ state: { startHereSeen: "yes" }, version: 1 }));
    expect(createLabStore({ storage, runner: localRunner }).getState().startHereSeen).toBe(false);
    storage.setItem("fullresync-lab:prefs", JSON.stringify({ state: { startHereSeen: true }, version: 1 }));
    expect(createLabStore({ storage, runner: localRunner }).getState()).toMatchObject({ startHereSeen: true, theme: "system", speed: 1 });
  });
});

describe("open panels", () => {
  beforeEach(() => {
    store = createLabStore({ storage: memoryStorage(), runner: localRunner });
  });

  it("are one record, set one at a time", () => {
    expect(s().panels).toEqual({ help: false, sandbox: false, probe: false, lecture: false, messages: false });
    s().setPanel("help", true);
    s().setPanel("sandbox", true);
    expect(s().panels).toEqual({ help: true, sandbox: true, probe: false, lecture: false, messages: false });
    s().setPanel("help", false);
    expect(s().panels).toEqual({ help: false, sandbox: true, probe: false, lecture: false, messages: false });
  });

  it("opening the probe stops playback; closing it does not start it again", () => {
    answerAll();
    s().togglePlay();
    s().setPanel("sandbox", true);
    expect(s().playing).toBe(true);
    s().setPanel("probe", true);
    expect(s().playing).toBe(false);
    s().setPanel("probe", false);
    expect(s().playing).toBe(false);
  });

  it("switching lecture mode on or off unblanks the screen", () => {
    s().setPanel("lecture", true);
    s().setBlank(true);
    s().setPanel("lecture", false);
    expect(s().blank).toBe(false);
    s().setBlank(true);
    s().setPanel("lecture", true);
    expect(s().blank).toBe(false);
  });

  it("setting a panel as it already is changes nothing", () => {
    const listener = vi.fn();
    const stop = store.subscribe(listener);
    s().setPanel("help", false);
    expect(listener).not.toHaveBeenCalled();
    stop();
  });
});
