/**
 * runScenario is pure, so a trace is computed once per (scenario, edits) and kept. Catalogue
 * scenarios are keyed by id; a user's document by its content (two files may share an id). The
 * sandbox can make many branches, so the cache keeps the most recently used ones only.
 */
import { runScenario, type Trace } from "../model";
import { findScenario } from "../scenarios/catalogue";
import type { Edit } from "../scenarios/edits";
import type { Scenario } from "../scenarios/schema";
import { deriveTrace, type Derived } from "./derive";

export interface LoadedTrace {
  trace: Trace;
  derived: Derived;
}

const LIMIT = 48;
const cache = new Map<string, LoadedTrace>();

/** The cache key of a base scenario and its edits. */
function traceKey(base: Scenario, edits: readonly Edit[] = []): string {
  const source = findScenario(base.id) === base ? `catalogue:${base.id}` : `doc:${JSON.stringify(base)}`;
  return `${source}|${JSON.stringify(edits)}`;
}

/**
 * The trace of `scenario` (already the effective scenario, edits applied). `base` and `edits`
 * only name it in the cache; without them the scenario is its own base.
 */
export function traceFor(scenario: Scenario, base: Scenario = scenario, edits: readonly Edit[] = []): LoadedTrace {
  const key = traceKey(base, edits);
  let hit = cache.get(key);
  if (hit) {
    cache.delete(key); // most recently used goes last
  } else {
    const trace = runScenario(scenario);
    hit = { trace, derived: deriveTrace(trace) };
  }
  cache.set(key, hit);
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value as string);
  return hit;
}
