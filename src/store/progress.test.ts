import { localRunner } from "../run/localRunner";
import { beforeEach, describe, expect, it } from "vitest";
import { findScenario } from "../scenarios/catalogue";
import { createLabStore, memoryStorage, type LabStore } from "./labStore";
import { CATALOGUE } from "../scenarios/catalogue";
import { nextScenario } from "./nextScenario";
import { catalogueReasons, isFinished, questionProgress, started, unfinishedReasons } from "./progress";

let store: LabStore;
beforeEach(() => {
  store = createLabStore({ storage: memoryStorage(), runner: localRunner });
  s().loadScenario("disk-happy-path");
});
const s = () => store.getState();
const ID = "disk-happy-path";
// disk-happy-path asks its questions on 4.0.14 in steps 0, 1, 3 and 6 (the file's indexes; its steps 5 and 7 are shown on 5.0.5).
const ASKED = [0, 1, 3, 6];
const rightAnswer = (step: number) => findScenario(ID)!.steps![step]!.predict!.answer;

describe("why a scenario is unfinished", () => {
  it("at the start: not at the end, every question unanswered", () => {
    expect(unfinishedReasons(s())).toEqual([{ kind: "notAtEnd" }, { kind: "unanswered", questions: ASKED }]);
    expect(isFinished(s())).toBe(false);
  });

  it("at the end with a question skipped and one passed by: both named, skipped first", () => {
    s().answerPrediction(ID, 0, rightAnswer(0));
    s().answerPrediction(ID, 1, 0);
    s().skipPrediction(ID, 3);
    s().last();
    expect(unfinishedReasons(s())).toEqual([
      { kind: "skipped", questions: [3] },
      { kind: "unanswered", questions: [6] },
    ]);
    expect(s().finished).toEqual([]);
  });

  it("every question answered but the end not reached: only notAtEnd", () => {
    for (const i of ASKED) s().answerPrediction(ID, i, 0);
    s().seek(5);
    expect(unfinishedReasons(s())).toEqual([{ kind: "notAtEnd" }]);
    expect(s().finished).toEqual([]);
  });

  it("all answered at the end: no reasons, and the scenario is marked finished", () => {
    for (const i of ASKED) s().answerPrediction(ID, i, 1);
    s().last();
    expect(unfinishedReasons(s())).toEqual([]);
    expect(isFinished(s())).toBe(true);
    expect(s().finished).toEqual([ID]);
  });

  it("the end, once reached, stays reached: answering a skipped question afterwards finishes the scenario", () => {
    for (const i of [0, 1, 6]) s().answerPrediction(ID, i, 0);
    s().skipPrediction(ID, 3);
    s().last();
    expect(unfinishedReasons(s())).toEqual([{ kind: "skipped", questions: [3] }]);
    s().seek(19); // where question 3 is asked
    expect(unfinishedReasons(s())).toEqual([{ kind: "skipped", questions: [3] }]);
    s().answerPrediction(ID, 3, rightAnswer(3));
    expect(unfinishedReasons(s())).toEqual([]);
    expect(s().finished).toEqual([ID]);
  });

  it("with sandbox edits the edits are the reason, even at the end with every question answered", () => {
    for (const i of ASKED) s().answerPrediction(ID, i, 0);
    s().addEdit({ kind: "event", event: { at: 0.001, type: "write" } });
    s().last();
    expect(unfinishedReasons(s())).toEqual([{ kind: "edited" }]);
    expect(s().finished).toEqual([]);
    // The end of the branch does not count as the end of the scenario.
    s().first();
    s().undoEdit();
    expect(unfinishedReasons(s())).toEqual([{ kind: "notAtEnd" }]);
  });

  it("a user's scenario file never counts", () => {
    s().loadCustomScenario({ ...findScenario(ID)! });
    s().last();
    expect(unfinishedReasons(s())).toEqual([{ kind: "custom" }]);
  });
});

describe("each question's result", () => {
  it("right, not quite, skipped and not answered, in the order they are asked", () => {
    s().answerPrediction(ID, 0, rightAnswer(0));
    s().answerPrediction(ID, 1, rightAnswer(1) === 0 ? 1 : 0);
    s().skipPrediction(ID, 3);
    expect(questionProgress(s()).map((q) => [q.step.index, q.result])).toEqual([
      [0, "right"],
      [1, "wrong"],
      [3, "skipped"],
      [6, "unanswered"],
    ]);
    // Each is asked before the frame it is about.
    for (const q of questionProgress(s())) expect(q.step.askFrame).toBeLessThan(q.step.frame);
  });
});

describe("the progress of a scenario that is not loaded", () => {
  it("is read from the session: the furthest frame reached, the guesses and the skips", () => {
    const happy = findScenario(ID)!;
    s().skipPrediction(ID, 0);
    s().last();
    s().loadScenario("fork-failure-disk");
    expect(started(s(), ID)).toBe(true);
    expect(started(s(), "diskless-batching")).toBe(false);
    expect(catalogueReasons(s(), happy)).toEqual([
      { kind: "skipped", questions: [0] },
      { kind: "unanswered", questions: [1, 3, 6] },
    ]);
    expect(catalogueReasons(s(), findScenario("diskless-batching")!)[0]).toEqual({ kind: "notAtEnd" });
  });
});

describe("the next scenario", () => {
  const ids = CATALOGUE.map((c) => c.id);
  const lastId = ids[ids.length - 1]!;
  it("is the next one in catalogue order", () => {
    expect(nextScenario(ids[0]!, [])).toEqual({ kind: "next", scenario: CATALOGUE[1] });
    expect(nextScenario(ids[7]!, ids)).toEqual({ kind: "next", scenario: CATALOGUE[8] });
  });
  it("after the last one, the first one not finished yet, else the first of all", () => {
    expect(nextScenario(lastId, ids.slice(0, 3))).toEqual({ kind: "firstUnfinished", scenario: CATALOGUE[3] });
    expect(nextScenario(lastId, ids.slice(0, -1))).toEqual({ kind: "first", scenario: CATALOGUE[0] });
    expect(nextScenario(lastId, ids)).toEqual({ kind: "first", scenario: CATALOGUE[0] });
  });
  it("from a user's file, the first unfinished catalogue scenario", () => {
    expect(nextScenario("my-own", [ids[0]!])).toEqual({ kind: "firstUnfinished", scenario: CATALOGUE[1] });
  });
});
