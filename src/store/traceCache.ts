/**
 * runScenario is pure, so a trace is computed once per (scenario, edits, Redis version) and kept. Catalogue
 * scenarios are keyed by id; a user's document by its content (two files may share an id). The
 * sandbox can make many branches, so the cache keeps the most recently used ones only: at most 48,
 * and at most CACHE_BYTES of estimated trace weight — eight long runs no longer fill the tab.
 * A catalogue scenario's own trace (no edits) is small and always kept for the session: the
 * scenario picker reads a started scenario's progress from it.
 *
 * The cache only keeps traces; runners (src/run) compute them.
 */
import type { LoadedTrace } from "../run/runner";
import { findScenario } from "../scenarios/catalogue";
import type { Edit } from "../scenarios/edits";
import type { Scenario } from "../scenarios/schema";
import type { RedisVersion } from "../model/versions/names";

export type { LoadedTrace };
export { traceBytes } from "./traceBytes";

/** At most this many traces, and at most this many estimated bytes, are kept (the newest one always). */
const LIMIT = 48;
export const CACHE_BYTES = 96 * 1024 * 1024;
const cache = new Map<string, LoadedTrace>();
let cachedBytes = 0;
/** Catalogue scenarios without edits, by id. */
const catalogue = new Map<string, LoadedTrace>();

const isCatalogue = (base: Scenario) => findScenario(base.id) === base;

/** Whether this is a catalogue scenario's own trace: no edits, on the version it is written to run on. */
const own = (base: Scenario, edits: readonly Edit[], redis: RedisVersion) => !edits.length && isCatalogue(base) && redis === base.redis;

/** The cache key of a base scenario and its edits, run on `redis` (the base's own version unless given). */
export function traceKey(base: Scenario, edits: readonly Edit[] = [], redis: RedisVersion = base.redis): string {
  const source = isCatalogue(base) ? `catalogue:${base.id}` : `doc:${JSON.stringify(base)}`;
  return `${source}|${JSON.stringify(edits)}${redis === base.redis ? "" : `|redis:${redis}`}`;
}

/** The kept trace of a base and its edits on `redis` (now the most recently used), or undefined. */
export function cachedTrace(base: Scenario, edits: readonly Edit[] = [], redis: RedisVersion = base.redis): LoadedTrace | undefined {
  if (own(base, edits, redis)) return catalogue.get(base.id);
  const key = traceKey(base, edits, redis);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // most recently used goes last
    cache.set(key, hit);
  }
  return hit;
}

/** Keep a computed trace; the least recently used go first, until both bounds hold (this one stays). */
export function keepTrace(base: Scenario, edits: readonly Edit[], loaded: LoadedTrace, redis: RedisVersion = base.redis): void {
  if (own(base, edits, redis)) {
    catalogue.set(base.id, loaded);
    return;
  }
  const key = traceKey(base, edits, redis);
  const old = cache.get(key);
  if (old) {
    cachedBytes -= old.bytes;
    cache.delete(key);
  }
  cache.set(key, loaded);
  cachedBytes += loaded.bytes;
  while (cache.size > 1 && (cache.size > LIMIT || cachedBytes > CACHE_BYTES)) {
    const oldest = cache.keys().next().value as string;
    cachedBytes -= (cache.get(oldest) as LoadedTrace).bytes;
    cache.delete(oldest);
  }
}

/** A catalogue scenario's own trace if it was computed in this session (the picker's progress notes). */
export function catalogueTrace(id: string): LoadedTrace | undefined {
  return catalogue.get(id);
}

/** How many traces and estimated bytes the bounded part of the cache holds now (tests, the benchmark). */
export function cacheUse(): { traces: number; bytes: number } {
  return { traces: cache.size, bytes: cachedBytes };
}

/** Forget every kept trace (tests that count runs). */
export function forgetTraces(): void {
  cache.clear();
  catalogue.clear();
  cachedBytes = 0;
}
