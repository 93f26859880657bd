/**
 * The work bound (docs/scenario-format.md §10): how much a scenario asks of the simulation,
 * estimated from the document alone, before anything runs, so that a scenario past the bound is
 * refused up front with a message naming what to reduce. The limits are in src/share/limits.ts.
 */
import { MAX_CHUNK_SENDS, MAX_EVENT_REPLICA_STEPS, MAX_REPLICA_SECONDS } from "../share/limits.ts";
import type { Scenario } from "./schema";

/** PROTO_IOBUF_LEN: the size of one chunk sendBulkToSlave sends (docs/behaviour.md §11). */
const CHUNK_BYTES = 16 * 1024;

/**
 * Where runScenario stops at the latest, in whole virtual ms as the run counts them (times are
 * rounded to the millisecond): `until`, else the last event + 2 × repl-timeout + 30 s.
 */
export function horizonMs(s: Scenario): number {
  if (s.until !== undefined) return Math.round(s.until * 1000);
  return Math.round((s.events[s.events.length - 1]?.at ?? 0) * 1000) + 2 * s.config.replTimeout * 1000 + 30_000;
}

/** horizonMs in seconds. */
export function horizon(s: Scenario): number {
  return horizonMs(s) / 1000;
}

const n = (x: number) => Math.ceil(x).toLocaleString("en-US");

/**
 * The first bound the scenario is past, as a validator error — the field to change, the product
 * past the bound, and what to reduce — or null within all of them. The products are estimates
 * made from the document alone, meant to be generous:
 *
 * - events × replicas: a command is one per event, `count` for a write;
 * - the horizon × replicas;
 * - 16 KiB chunks per connection × connect events: a connection is sent at most the whole file,
 *   or what the rate sends by the horizon if that is less. The reconnections a replica makes by
 *   itself are not counted: they follow a failure, which comes before the file is sent (a fork
 *   that fails, a child that dies), so they rarely carry a transfer of their own.
 */
export function workProblem(s: Scenario): string | null {
  let commands = 0;
  let connections = 0;
  for (const e of s.events) {
    commands += e.type === "write" ? (e.count ?? 1) : 1;
    if (e.type === "connect") connections++;
  }
  const seconds = horizon(s);
  const chunks = Math.ceil(Math.min(s.primary.rdbBytes, s.primary.transferBytesPerSecond * seconds) / CHUNK_BYTES);
  const replicas = s.replicas.length;
  const [time, reduceTime] = s.until === undefined ? ["events", "the last event's time"] : ["until", "until"];
  const products = [
    ["events", commands, "events (a write counts its count)", replicas, "replicas", MAX_EVENT_REPLICA_STEPS, "event×replica steps", "the events"],
    [time, seconds, "s of virtual time", replicas, "replicas", MAX_REPLICA_SECONDS, "replica-seconds", reduceTime],
    ["primary.rdbBytes", chunks, "chunks of 16 KiB", connections, "connect events", MAX_CHUNK_SENDS, "chunk sends", "rdbBytes, transferBytesPerSecond"],
  ] as const;
  for (const [path, a, aUnit, b, bUnit, max, unit, reduce] of products) {
    if (a * b > max) return `${path}: ${n(a)} ${aUnit} × ${n(b)} ${bUnit} = ${n(a * b)} ${unit}; the lab runs at most ${n(max)}: reduce ${reduce} or the ${bUnit}`;
  }
  return null;
}
