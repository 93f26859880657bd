import { localRunner } from "../run/localRunner";
import { beforeEach, describe, expect, it } from "vitest";
import { createLabStore, memoryStorage, type LabStore } from "./labStore";
import { playStep } from "./playback";
import { stepsFor } from "../lesson/steps";

let store: LabStore;
const s = () => store.getState();
const playUntilStopped = () => {
  for (let i = 0; i < 1000 && s().playing; i++) s().tick();
};

// disk-happy-path asks its predictions on frames 0, 17, 19 and 21 (on 4.0.14: steps 0, 1, 3 and 6 of the file).
describe("playback waits for the guess", () => {
  beforeEach(() => {
    store = createLabStore({ storage: memoryStorage(), runner: localRunner });
    s().loadScenario("disk-happy-path");
  });

  it("Play pauses where an unanswered question is asked, and goes on once it is answered or skipped", () => {
    s().seek(1);
    s().togglePlay();
    playUntilStopped();
    expect(s().cursor).toBe(17);
    // Play waits for the guess: pressed again, it does not leave the question.
    s().togglePlay();
    playUntilStopped();
    expect(s().cursor).toBe(17);
    s().answerPrediction("disk-happy-path", 1, 0);
    s().togglePlay();
    expect(s().playing).toBe(true);
    playUntilStopped();
    expect(s().cursor).toBe(19);
    // Skip marks the question skipped and plays on.
    s().skipPrediction("disk-happy-path", 3);
    expect(s().skipped["disk-happy-path:3"]).toBe(true);
    expect(s().playing).toBe(true);
    playUntilStopped();
    expect(s().cursor).toBe(21);
    s().skipPrediction("disk-happy-path", 6);
    playUntilStopped();
    expect(s().cursor).toBe(s().trace.frames.length - 1);
    // Skipping does not count as answering.
    expect("disk-happy-path:3" in s().guesses).toBe(false);
  });

  it("Play at a question asked on the first frame waits there", () => {
    s().togglePlay();
    playUntilStopped();
    expect(s().cursor).toBe(0);
    s().skipPrediction("disk-happy-path", 0);
    playUntilStopped();
    expect(s().cursor).toBe(17);
  });

  it("stops on a question even when a step of the playback would jump over its frame", () => {
    s().seek(16);
    // Seen from frame 16, the next question is at 17; a step that ends at 18 stops there first.
    expect(playStep({ ...s(), cursor: 16, derived: s().derived }, 18)).toEqual({ cursor: 17, playing: false });
  });

  it("stepping by hand is not blocked", () => {
    s().seek(17);
    s().stepForward();
    expect(s().cursor).toBe(18);
    s().first();
    s().stepForward();
    expect(s().cursor).toBeGreaterThan(0);
  });

  it("with every question answered, Play runs to the end", () => {
    store.setState({ guesses: Object.fromEntries([0, 1, 3, 6].map((i) => [`disk-happy-path:${i}`, 0])) });
    s().togglePlay();
    playUntilStopped();
    expect(s().cursor).toBe(s().trace.frames.length - 1);
  });
});

describe("playback within a range (an embed's from/to)", () => {
  it("stops at the range's end, or starts it again with loop, and waits at a question there too", () => {
    const store = createLabStore({ storage: memoryStorage(), runner: localRunner });
    store.getState().loadScenario("fork-failure-disk");
    const s = store.getState;
    // Answer every question, so only the range decides.
    for (const r of stepsFor(s().scenario, s().trace)) if (r.step.predict) s().answerPrediction(s().scenario.id, r.index, r.step.predict.answer);
    s().setRange({ from: 2, to: 5, loop: false });
    s().seek(2);
    s().togglePlay();
    for (let i = 0; i < 20 && s().playing; i++) s().tick();
    expect(s().cursor).toBe(5);
    expect(s().playing).toBe(false);
    // At the range's end Play starts again from its start.
    s().togglePlay();
    expect(s().cursor).toBe(2);
    s().setRange({ from: 2, to: 5, loop: true });
    for (let i = 0; i < 6; i++) s().tick();
    expect(s().playing).toBe(true);
    expect(s().cursor).toBeGreaterThanOrEqual(2);
    expect(s().cursor).toBeLessThanOrEqual(5);
  });
});
