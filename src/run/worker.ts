/// <reference lib="webworker" />
/**
 * The simulation worker: runs one scenario at a time and posts its trace back, in parts. A run cannot be
 * interrupted from inside (runScenario is one synchronous loop), so the page cancels a run by
 * terminating this worker and starting another (workerRunner.ts).
 */
import { computeTrace } from "./compute";
import { splitTrace } from "./parcel";
import type { RunReplyMessage, RunRequestMessage } from "./protocol";

declare const self: DedicatedWorkerGlobalScope;

const post = (m: RunReplyMessage) => self.postMessage(m);

self.onmessage = (e: MessageEvent<RunRequestMessage>) => {
  const { id, scenario, redis } = e.data;
  try {
    const result = computeTrace(scenario, (progress) => post({ id, kind: "progress", progress }), redis ? { redis } : {});
    // In parts of bounded weight: the page reads each in a short task of its own (parcel.ts).
    const rest = splitTrace(result, (part) => post({ id, kind: "part", part }));
    post({ id, kind: "done", rest });
  } catch (err) {
    post({ id, kind: "error", message: err instanceof Error ? err.message : String(err) });
  }
};
