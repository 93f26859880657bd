import { describe, expect, it } from "vitest";
import { findScenario } from "../scenarios/catalogue";
import type { RunReplyMessage, RunRequestMessage } from "./protocol";
import { computeTrace } from "./compute";
import { splitTrace, type TraceRestPart } from "./parcel";
import type { LoadedTrace } from "./runner";
import { workerRunner } from "./workerRunner";

/** A stand-in for the simulation worker: it records requests; the test answers them. */
class FakeWorker {
  static made: FakeWorker[] = [];
  posted: RunRequestMessage[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<RunReplyMessage>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(m: RunRequestMessage) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  reply(m: RunReplyMessage) {
    this.onmessage?.({ data: m } as MessageEvent<RunReplyMessage>);
  }
}

const scenario = findScenario("disk-happy-path")!;
const real = computeTrace(scenario);
const rest: TraceRestPart = splitTrace(real, () => {});
const result = rest;

/** Send a finished trace as the worker does: its parts, then the rest. */
function replyTrace(w: FakeWorker, id: number, trace: LoadedTrace = real, weight = 200) {
  const last = splitTrace(trace, (part) => w.reply({ id, kind: "part", part: structuredClone(part) }), weight);
  w.reply({ id, kind: "done", rest: structuredClone(last) });
}

function setup() {
  FakeWorker.made = [];
  const runner = workerRunner(() => new FakeWorker() as unknown as Worker);
  const events: string[] = [];
  const done: LoadedTrace[] = [];
  const run = (name: string) =>
    runner.run(scenario, {
      onProgress: (p) => events.push(`${name} progress ${p.t}/${p.end}`),
      onDone: (r) => {
        events.push(`${name} done`);
        done.push(r);
      },
      onError: (m) => events.push(`${name} error ${m}`),
    });
  return { runner, events, run, done };
}

describe("the worker runner", () => {
  it("puts a trace sent in parts together again, equal to the one computed", () => {
    const { events, run, done } = setup();
    run("a");
    const w = FakeWorker.made[0]!;
    replyTrace(w, w.posted[0]!.id);
    expect(events).toEqual(["a done"]);
    expect(JSON.stringify(done[0]!.trace)).toBe(JSON.stringify(real.trace));
    expect(done[0]!.derived).toEqual(real.derived);
  });

  it("a run sent again to a new worker starts over: parts from the stopped one are not kept", () => {
    const { run, done } = setup();
    const cancelA = run("a");
    run("b");
    const first = FakeWorker.made[0]!;
    const b = first.posted[1]!.id;
    // Half of b's parts had come when a was cancelled (they were queued behind a).
    const parts: RunReplyMessage[] = [];
    splitTrace(real, (part) => parts.push({ id: b, kind: "part", part }), 200);
    for (const m of parts.slice(0, parts.length >> 1)) first.reply(m);
    cancelA();
    replyTrace(FakeWorker.made[1]!, b);
    expect(done[0]!.trace.frames.length).toBe(real.trace.frames.length);
    expect(JSON.stringify(done[0]!.trace)).toBe(JSON.stringify(real.trace));
  });

  it("starts the worker on the first run and hands over progress and the trace", () => {
    const { runner, events, run } = setup();
    expect(runner.synchronous).toBe(false);
    expect(FakeWorker.made).toHaveLength(0);
    run("a");
    const w = FakeWorker.made[0]!;
    const id = w.posted[0]!.id;
    w.reply({ id, kind: "progress", progress: { t: 1, end: 2 } });
    w.reply({ id, kind: "done", rest: result });
    w.reply({ id, kind: "done", rest: result }); // a second answer is not passed on
    expect(events).toEqual(["a progress 1/2", "a done"]);
  });

  it("cancelling a run stops the worker (it may be deep in the run); runs still waiting go to a new one", () => {
    const { events, run } = setup();
    const cancelA = run("a");
    run("b");
    const first = FakeWorker.made[0]!;
    cancelA();
    expect(first.terminated).toBe(true);
    const second = FakeWorker.made[1]!;
    expect(second.posted.map((m) => m.id)).toEqual([first.posted[1]!.id]);
    first.reply({ id: first.posted[0]!.id, kind: "done", rest: result });
    second.reply({ id: second.posted[0]!.id, kind: "done", rest: result });
    expect(events).toEqual(["b done"]);
  });

  it("a worker that dies fails every run it had, and the next run starts a new one", () => {
    const { events, run } = setup();
    run("a");
    run("b");
    const w = FakeWorker.made[0]!;
    w.onerror?.({ message: "out of memory", preventDefault: () => {} } as ErrorEvent);
    expect(events).toEqual(["a error out of memory", "b error out of memory"]);
    expect(w.terminated).toBe(true);
    run("c");
    expect(FakeWorker.made).toHaveLength(2);
  });
});
