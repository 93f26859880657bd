/** runScenario is pure, so each scenario's trace is computed once and kept. */
import { runScenario, type Trace } from "../model";
import type { Scenario } from "../scenarios/schema";
import { deriveTrace, type Derived } from "./derive";

export interface LoadedTrace {
  trace: Trace;
  derived: Derived;
}

const cache = new Map<string, LoadedTrace>();

export function traceFor(scenario: Scenario): LoadedTrace {
  let hit = cache.get(scenario.id);
  if (!hit) {
    const trace = runScenario(scenario);
    hit = { trace, derived: deriveTrace(trace) };
    cache.set(scenario.id, hit);
  }
  return hit;
}
