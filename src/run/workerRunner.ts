/**
 * A runner in a Web Worker (the page's, the lecture and speaker windows'): the main thread never
 * runs the simulation, so a long run leaves the page answering. Cancelling a run terminates the
 * worker (the run is one synchronous loop); the next run starts a new one, and runs still waiting
 * are sent to it again.
 */
import type { RedisVersion } from "../model/versions/names";
import { TraceAssembler } from "./parcel";
import type { RunReplyMessage, RunRequestMessage } from "./protocol";
import type { RunHandlers, TraceRunner } from "./runner";
import type { Scenario } from "../scenarios/schema";

interface Pending {
  scenario: Scenario;
  redis: RedisVersion | undefined;
  handlers: RunHandlers;
  /** The parts of its trace received so far (parcel.ts). */
  parts: TraceAssembler | null;
}

export function workerRunner(create: () => Worker = defaultWorker): TraceRunner {
  let worker: Worker | null = null;
  let seq = 0;
  const pending = new Map<number, Pending>();

  const fail = (message: string) => {
    const all = [...pending.values()];
    pending.clear();
    stop();
    for (const p of all) p.handlers.onError(message);
  };

  const stop = () => {
    worker?.terminate();
    worker = null;
  };

  const start = (): Worker => {
    const w = create();
    w.onmessage = (e: MessageEvent<RunReplyMessage>) => {
      const m = e.data;
      const p = pending.get(m.id);
      if (!p) return;
      if (m.kind === "progress") {
        p.handlers.onProgress?.(m.progress);
        return;
      }
      if (m.kind === "part") {
        (p.parts ??= new TraceAssembler()).add(m.part);
        return;
      }
      pending.delete(m.id);
      if (m.kind === "done") p.handlers.onDone((p.parts ?? new TraceAssembler()).finish(m.rest));
      else p.handlers.onError(m.message);
    };
    // A worker that fails to load or dies (out of memory) fails every run it had.
    w.onerror = (e) => {
      e.preventDefault();
      fail(e.message || "the simulation worker stopped");
    };
    w.onmessageerror = () => fail("a trace could not be read from the simulation worker");
    for (const [id, p] of pending) {
      // A run sent again starts over: parts of it from the stopped worker are dropped.
      p.parts = null;
      w.postMessage({ id, scenario: p.scenario, ...(p.redis ? { redis: p.redis } : {}) } satisfies RunRequestMessage);
    }
    return w;
  };

  return {
    synchronous: false,
    run: (scenario, handlers, on) => {
      const id = ++seq;
      const redis = on?.redis;
      pending.set(id, { scenario, redis, handlers, parts: null });
      if (worker) worker.postMessage({ id, scenario, ...(redis ? { redis } : {}) } satisfies RunRequestMessage);
      else worker = start();
      return () => {
        if (!pending.delete(id)) return;
        // The worker may be deep in this run: stop it; runs still waiting go to a new one.
        stop();
        if (pending.size) worker = start();
      };
    },
    dispose: () => {
      pending.clear();
      stop();
    },
  };
}

function defaultWorker(): Worker {
  return new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "simulation" });
}
