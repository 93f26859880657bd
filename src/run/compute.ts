/**
 * One trace and its indexes, computed where the runner runs (the worker, or the same thread).
 * Progress is reported at most every PROGRESS_MS of wall time.
 */
import { runScenario } from "../model/sim";
import type { Scenario } from "../scenarios/schema";
import { deriveTrace } from "../store/derive";
import { traceBytes } from "../store/traceBytes";
import type { LoadedTrace, RunOn, RunProgress } from "./runner";

const PROGRESS_MS = 100;

export function computeTrace(scenario: Scenario, onProgress?: (p: RunProgress) => void, on: RunOn = {}): LoadedTrace {
  let last = 0;
  const progress = onProgress
    ? (p: RunProgress) => {
        const now = Date.now();
        if (now - last < PROGRESS_MS) return;
        last = now;
        onProgress(p);
      }
    : undefined;
  const trace = runScenario(scenario, { ...(progress ? { onProgress: progress } : {}), ...(on.redis ? { redis: on.redis } : {}) });
  return { trace, derived: deriveTrace(trace), bytes: traceBytes(trace) };
}
