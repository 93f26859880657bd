/**
 * A trace on this thread, through the cache: for tests, the CLI and the benchmark (the page asks
 * its runner instead, through the store).
 */
import type { Edit } from "../scenarios/edits";
import type { Scenario } from "../scenarios/schema";
import { cachedTrace, keepTrace } from "./traceCache";
import { computeTrace } from "../run/compute";
import type { LoadedTrace } from "../run/runner";

/** The trace of `scenario` (edits already applied); `base` and `edits` name it in the cache. */
export function traceFor(scenario: Scenario, base: Scenario = scenario, edits: readonly Edit[] = []): LoadedTrace {
  const hit = cachedTrace(base, edits);
  if (hit) return hit;
  const loaded = computeTrace(scenario);
  keepTrace(base, edits, loaded);
  return loaded;
}
