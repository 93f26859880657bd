import { describe, expect, it } from "vitest";
import { findScenario } from "../scenarios/catalogue";
import type { RunReplyMessage, RunRequestMessage } from "./protocol";
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
const result = { bytes: 1 } as LoadedTrace;

function setup() {
  FakeWorker.made = [];
  const runner = workerRunner(() => new FakeWorker() as unknown as Worker);
  const events: string[] = [];
  const run = (name: string) =>
    runner.run(scenario, {
      onProgress: (p) => events.push(`${name} progress ${p.t}/${p.end}`),
      onDone: () => events.push(`${name} done`),
      onError: (m) => events.push(`${name} error ${m}`),
    });
  return { runner, events, run };
}

describe("the worker runner", () => {
  it("starts the worker on the first run and hands over progress and the trace", () => {
    const { runner, events, run } = setup();
    expect(runner.synchronous).toBe(false);
    expect(FakeWorker.made).toHaveLength(0);
    run("a");
    const w = FakeWorker.made[0]!;
    const id = w.posted[0]!.id;
    w.reply({ id, kind: "progress", progress: { t: 1, end: 2 } });
    w.reply({ id, kind: "done", result });
    w.reply({ id, kind: "done", result }); // a second answer is not passed on
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
    first.reply({ id: first.posted[0]!.id, kind: "done", result });
    second.reply({ id: second.posted[0]!.id, kind: "done", result });
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
