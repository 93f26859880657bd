/**
 * runScenario is pure, so a trace is computed once per (scenario, edits) and kept. Catalogue
 * scenarios are keyed by id; a user's document by its content (two files may share an id). The
 * sandbox can make many branches, so the cache keeps the most recently used ones only: at most 48,
 * and at most CACHE_BYTES of estimated trace weight — eight long runs no longer fill the tab.
 */
import { runScenario, type Trace } from "../model";
import { findScenario } from "../scenarios/catalogue";
import type { Edit } from "../scenarios/edits";
import type { Scenario } from "../scenarios/schema";
import { deriveTrace, type Derived } from "./derive";

export interface LoadedTrace {
  trace: Trace;
  derived: Derived;
  /** What the trace is estimated to weigh in memory (traceBytes). */
  bytes: number;
}

/** At most this many traces, and at most this many estimated bytes, are kept (the newest one always). */
const LIMIT = 48;
export const CACHE_BYTES = 96 * 1024 * 1024;
const cache = new Map<string, LoadedTrace>();
let cachedBytes = 0;

/**
 * A trace's weight in memory, estimated from what it holds: frames, the connection views they do
 * not share, every wire and buffer entry with its stamp, the log lines. Within a factor of two of
 * the heap a trace takes, which is enough to keep a few long runs from filling the tab.
 */
export function traceBytes(trace: Trace): number {
  let bytes = trace.frames.length * 360 + trace.log.length * 160 + trace.retired.length * 320;
  let prev: Trace["frames"][number]["replicas"] | null = null;
  for (const f of trace.frames) {
    if (f.replicas !== prev) bytes += 16 + f.replicas.length * 8;
    prev = f.replicas;
  }
  for (const io of Object.values(trace.wires)) bytes += 200 + (io.wire.length + io.reply.length) * 24;
  return bytes;
}

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
    hit = { trace, derived: deriveTrace(trace), bytes: traceBytes(trace) };
    cachedBytes += hit.bytes;
  }
  cache.set(key, hit);
  // The least recently used go first, until both bounds hold; the one just asked for stays.
  while (cache.size > 1 && (cache.size > LIMIT || cachedBytes > CACHE_BYTES)) {
    const oldest = cache.keys().next().value as string;
    cachedBytes -= (cache.get(oldest) as LoadedTrace).bytes;
    cache.delete(oldest);
  }
  return hit;
}

/** How many traces and estimated bytes the cache holds now (tests, the benchmark). */
export function cacheUse(): { traces: number; bytes: number } {
  return { traces: cache.size, bytes: cachedBytes };
}
