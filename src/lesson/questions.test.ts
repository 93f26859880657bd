/**
 * Every prediction question of the catalogue is checked against its trace: the premise holds where
 * it is asked, the right choice's claim holds at the reveal, no wrong choice's claim does. The
 * named tests below each pin one question that used to contradict the screen.
 */
import { describe, expect, it } from "vitest";
import { runScenario, type Trace } from "../model";
import { CATALOGUE, findScenario } from "../scenarios/catalogue";
import type { Claim } from "../scenarios/claims";
import { validateScenario, writtenFor, type Scenario } from "../scenarios/schema";
import { resolveSteps } from "./steps";
import { holds } from "./claims";
import { checkQuestions, describeProblem } from "./questions";

const scenario = (id: string) => findScenario(id) as Scenario;
const traces = new Map<string, Trace>();
const traceOf = (s: Scenario) => traces.get(s.id) ?? traces.set(s.id, runScenario(s)).get(s.id)!;
const questionsOf = (s: Scenario) => resolveSteps(s, traceOf(s)).filter((r) => r.step.predict);
/** The question of a catalogue scenario whose English text contains `needle`. */
function question(id: string, needle: string) {
  const s = scenario(id);
  const r = questionsOf(s).find((q) => q.step.predict!.question.en.includes(needle));
  if (!r) throw new Error(`${id}: no question with "${needle}"`);
  return { s, t: traceOf(s), r, p: r.step.predict! };
}
const withPredict = (s: Scenario, step: number, change: (p: Record<string, unknown>) => void): Scenario => {
  const doc = JSON.parse(JSON.stringify(s)) as Scenario & { steps: { predict?: Record<string, unknown> }[] };
  change(doc.steps[step]!.predict!);
  const v = validateScenario(doc);
  if (!v.ok) throw new Error(v.errors.join("; "));
  return v.scenario;
};

describe("the catalogue's questions, checked against the trace", () => {
  it("has at least 40 questions and at least one per scenario", () => {
    const counts = CATALOGUE.map((s) => (s.steps ?? []).filter((st) => st.predict).length);
    expect(counts.every((n) => n >= 1), counts.join(",")).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(40);
  });

  for (const s of CATALOGUE) {
    for (const redis of writtenFor(s)) {
      it(`${s.id} on ${redis}: every premise, right answer and wrong choice is true to the trace`, () => {
        const trace = redis === s.redis ? traceOf(s) : runScenario(s, { redis });
        expect(checkQuestions(s, trace).map(describeProblem)).toEqual([]);
      });
    }
    it(`${s.id}: every question's text and choices exist in en and zh`, () => {
      for (const [i, st] of (s.steps ?? []).entries()) {
        if (!st.predict) continue;
        for (const text of [st.predict.question, ...st.predict.choices.map((c) => c.text), ...(st.predict.explain ? [st.predict.explain] : [])]) {
          expect(text.en.trim().length, `steps[${i}] en`).toBeGreaterThan(0);
          expect(text.zh.trim().length, `steps[${i}] zh`).toBeGreaterThan(0);
          expect(text.zh, `steps[${i}] zh is Chinese`).toMatch(/[\u4e00-\u9fff]|^`[^`]+`$/);
        }
      }
    });
  }

  it("reports a false premise, a false answer, a wrong choice that holds and an anchor that matches nothing", () => {
    const s = scenario("fork-failure-socket");
    const i = (s.steps ?? []).findIndex((st) => st.predict?.question.en.includes("What will r1 have received then?"));
    // Today's old premise: "What has r1 received now?" said +FULLRESYNC while the wire showed keep-alives.
    const falsePremise = withPredict(s, i, (p) => (p.premise = { replica: "r1", received: "+FULLRESYNC" }));
    const [problem] = checkQuestions(falsePremise, traceOf(s));
    expect(problem && describeProblem(problem)).toBe(`steps[${i}]: premise does not hold at the frame where it is asked (frame 8, t = 5.000 s)`);
    // The old grading: "nothing but keep-alive newlines" marked wrong, "+FULLRESYNC" right — at the ask frame.
    const swapped = withPredict(s, i, (p) => (p.answer = 0));
    expect(checkQuestions(swapped, traceOf(s)).map(describeProblem)).toEqual([
      `steps[${i}]: the right answer's claim does not hold at the reveal (frame 27, t = 6.000 s)`,
      `steps[${i}]: choice 1 is marked wrong but its claim holds at the reveal (frame 27, t = 6.000 s)`,
    ]);
    const doc = JSON.parse(JSON.stringify(s)) as { steps: { note?: string; at?: number }[] };
    const moved = doc.steps[i]!;
    delete moved.note;
    moved.at = 9999;
    const v = validateScenario(doc);
    expect(v.ok && checkQuestions(v.scenario, traceOf(s)).map(describeProblem)).toEqual([`steps[${i}]: the step's anchor matches no frame`]);
  });

  it("a question's fields are validated with the field named", () => {
    const s = JSON.parse(JSON.stringify(scenario("disk-happy-path"))) as { steps: { predict?: { choices: { claim: unknown }[] } }[] };
    s.steps[0]!.predict!.choices[1]!.claim = { replica: "r1", state: "SLEEPING" };
    const v = validateScenario(s);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.errors[0]).toMatch(/^steps\[0\]\.predict\.choices\[1\]\.claim: must be a claim/);
    const noPremise = JSON.parse(JSON.stringify(scenario("disk-happy-path"))) as { steps: { predict?: { premise?: unknown } }[] };
    delete noPremise.steps[0]!.predict!.premise;
    const w = validateScenario(noPremise);
    expect(!w.ok && w.errors[0]).toMatch(/^steps\[0\]\.predict\.premise: /);
  });

  it("a document with old plain-text questions still opens, with the questions left out and the steps kept", () => {
    const old = JSON.parse(JSON.stringify(scenario("disk-happy-path"))) as { steps: Record<string, unknown>[] };
    old.steps[0]!.predict = { question: { en: "Where?", zh: "哪里？" }, choices: [{ en: "Disk", zh: "磁盘" }, { en: "Socket", zh: "socket" }], answer: 0 };
    const v = validateScenario(old);
    expect(v.ok).toBe(true);
    expect(v.ok && v.scenario.steps?.[0]?.predict).toBeUndefined();
    expect(v.ok && v.scenario.steps?.length).toBe(old.steps.length);
  });
});

describe("what was seen on the page, each gone", () => {
  const at = (q: ReturnType<typeof question>, claim: Claim) => holds(q.t, q.r.askFrame, claim);

  it("scenario 9 at t = 5 s: r1's wire shows only keep-alive newlines, and that is what the question says (not graded wrong)", () => {
    const q = question("fork-failure-socket", "nothing but keep-alive newlines");
    expect(q.t.frames[q.r.askFrame]!.t).toBe(5000);
    expect(at(q, { replica: "r1", receivedOnly: "keep-alive" })).toBe(true);
    expect(holds(q.t, q.r.askFrame, q.p.premise)).toBe(true);
    expect(q.p.question.en).toMatch(/has received nothing but keep-alive newlines/);
    // The keep-alive-only choice is about the reveal, where +FULLRESYNC has arrived: it is wrong there, not at the ask.
    const keepAlive = q.p.choices.findIndex((c) => JSON.stringify(c.claim) === JSON.stringify({ replica: "r1", receivedOnly: "keep-alive" }));
    expect(keepAlive).toBeGreaterThanOrEqual(0);
    expect(holds(q.t, q.r.frame, q.p.choices[keepAlive]!.claim, q.r.askFrame)).toBe(false);
    expect(checkQuestions(q.s, q.t)).toEqual([]);
  });

  it("scenario 2 says both are ONLINE only when both are, and the idle seconds the panel shows", () => {
    const s = scenario("diskless-batching");
    for (const r of questionsOf(s)) {
      const text = r.step.predict!.question.en;
      if (/both are `?ONLINE/i.test(text)) {
        expect(holds(traceOf(s), r.askFrame, { all: [{ replica: "r1", state: "ONLINE" }, { replica: "r2", state: "ONLINE" }] }), text).toBe(true);
      }
      for (const m of text.matchAll(/idle time, r1's, as (\d+) s/g)) expect(holds(traceOf(s), r.askFrame, { cronIdle: Number(m[1]) }), text).toBe(true);
    }
    const q = question("diskless-batching", "Does the cron start the BGSAVE then");
    expect(q.p.question.en).toContain("as 4 s");
    expect(at(q, { cronIdle: 4 })).toBe(true);
    const online = question("diskless-batching", "still in `WAIT_BGSAVE_END`");
    expect(at(online, { all: [{ replica: "r1", state: "WAIT_BGSAVE_END" }, { replica: "r2", state: "WAIT_BGSAVE_END" }] })).toBe(true);
  });

  it("scenario 16 does not say cli is in WAIT_BGSAVE_END while cli is not connected", () => {
    const q = question("old-sync-client", "SYNC");
    expect(at(q, { replica: "cli", state: "not connected" })).toBe(true);
    expect(q.p.question.en).not.toMatch(/is now in `?WAIT_BGSAVE_END/);
    expect(holds(q.t, q.r.askFrame, q.p.premise)).toBe(true);
  });

  it("scenario 8 does not say the error has been queued before r1 connected", () => {
    const q = question("fork-failure-disk", "0.25 s");
    expect(at(q, { replica: "r1", state: "not connected" })).toBe(true);
    expect(q.p.question.en).not.toMatch(/has been queued/);
    for (const r of questionsOf(scenario("fork-failure-disk"))) {
      if (/queued|unsent|stuck/.test(r.step.predict!.question.en)) expect(holds(traceOf(scenario("fork-failure-disk")), r.askFrame, { replica: "r1", queued: "-ERR" })).toBe(true);
    }
  });

  it("scenario 1 does not ask about \"these two writes\" before any write is mentioned", () => {
    for (const r of questionsOf(scenario("disk-happy-path"))) {
      const text = r.step.predict!.question.en;
      if (/these (two )?writes/i.test(text)) throw new Error(`refers to writes it has not named: ${text}`);
      if (/writes/.test(text) && !/two writes are still|writes two keys/.test(text)) throw new Error(text);
    }
    const q = question("disk-happy-path", "writes two keys");
    expect(at(q, { replica: "r1", queued: "SET" })).toBe(false);
  });

  it("scenario summaries (14, 16) do not give the answer away above the question", () => {
    const phrases: Record<string, RegExp> = { "delay-zero": /next whole second|idle 1 > 0|no "Delay" line/i, "old-sync-client": /no \+FULLRESYNC|just \$<len>/i };
    for (const [id, phrase] of Object.entries(phrases)) {
      const s = scenario(id);
      expect(s.summary.en, id).not.toMatch(phrase);
      // And the summary never contains a right answer's text.
      for (const st of s.steps ?? []) if (st.predict) expect(s.summary.en).not.toContain(st.predict.choices[st.predict.answer]!.text.en.replace(/`/g, ""));
    }
    expect(scenario("delay-zero").summary.zh).not.toMatch(/下一个整秒|空闲 1 > 0/);
    expect(scenario("old-sync-client").summary.zh).not.toMatch(/没有 \+FULLRESYNC/);
  });
});
