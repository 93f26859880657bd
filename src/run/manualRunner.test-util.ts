/** A runner whose runs finish when a test says so (tests only: not imported by the page). */
import type { Scenario } from "../scenarios/schema";
import { computeTrace } from "./compute";
import type { RunHandlers, TraceRunner } from "./runner";

export interface ManualRun {
  scenario: Scenario;
  handlers: RunHandlers;
  cancelled: boolean;
}

export function manualRunner() {
  const runs: ManualRun[] = [];
  const runner: TraceRunner = {
    synchronous: false,
    run: (scenario, handlers) => {
      const run: ManualRun = { scenario, handlers, cancelled: false };
      runs.push(run);
      return () => {
        run.cancelled = true;
      };
    },
  };
  const last = (): ManualRun => {
    const r = runs[runs.length - 1];
    if (!r) throw new Error("no run was asked for");
    return r;
  };
  /** Deliver a run's trace, as the worker would (whether or not it was cancelled). */
  const finish = (run: ManualRun = last()) => run.handlers.onDone(computeTrace(run.scenario));
  return { runner, runs, last, finish };
}
