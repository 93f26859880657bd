/**
 * How the page gets a trace (docs/architecture.md §17): a runner computes runScenario and the
 * indexes over its result somewhere — in a Web Worker in the page (workerRunner.ts), or in the same
 * thread (localRunner.ts: tests, the CLI, a browser without workers). The store asks a runner and
 * shows the result when it arrives; it never imports the simulation itself.
 */
import type { Trace } from "../model/trace";
import type { RedisVersion } from "../model/versions/names";
import type { Scenario } from "../scenarios/schema";
import type { Derived } from "../store/derive";

/** A computed trace with what the store keeps beside it. */
export interface LoadedTrace {
  trace: Trace;
  derived: Derived;
  /** What the trace is estimated to weigh in memory (traceBytes). */
  bytes: number;
}

/** How far a run has got: virtual milliseconds simulated, of at most `end`. */
export interface RunProgress {
  t: number;
  end: number;
}

export interface RunHandlers {
  onProgress?: (progress: RunProgress) => void;
  /** Exactly once unless cancelled: the result, or why there is none. */
  onDone: (result: LoadedTrace) => void;
  onError: (message: string) => void;
}

/** Which Redis version a run has (docs/versions.md). */
export interface RunOn {
  redis?: RedisVersion;
}

export interface TraceRunner {
  /**
   * True when run() calls back before it returns (the same thread): the store then shows no
   * progress for it.
   */
  readonly synchronous: boolean;
  /**
   * Start a run (on 4.0.14 unless `options.redis` names another modelled version); the returned
   * function cancels it (its handlers are not called after that).
   */
  run: (scenario: Scenario, handlers: RunHandlers, options?: RunOn) => () => void;
  /** Let go of what it holds (a worker): a runner made for one view's runs, when the view closes. */
  dispose?: () => void;
}

/** The share of a run done, 0…1, for a progress bar. */
export function fractionDone(p: RunProgress): number {
  return p.end > 0 ? Math.max(0, Math.min(1, p.t / p.end)) : 0;
}
