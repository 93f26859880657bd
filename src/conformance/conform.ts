/**
 * A recording beside the model (docs/architecture.md §21): the model runs the recording's
 * scenario under the profile of the server that was recorded, for as long as the server was
 * recorded, and both are turned into Observations and compared.
 */
import { runScenario } from "../model/sim";
import { MODELLED_VERSIONS } from "../model/versions/modelled";
import type { RedisVersion } from "../model/versions/names";
import type { Recording } from "../record/format";
import type { Scenario } from "../scenarios/schema";
import { compareObservations, type Difference } from "./compare";
import { observeRecording } from "./fromRecording";
import { observeTrace } from "./fromTrace";
import type { Observation } from "./observation";

/**
 * The window compared ends this long before the recording does: the recorder ends a run once it
 * has been quiet for 2 s (docs/recording-format.md §6), and what falls in that last stretch may sit
 * on either side of the end on one of the two.
 */
export const END_MARGIN_MS = 1500;

export type Conformance = { version: RedisVersion; diffs: Difference[]; model: Observation; real: Observation; untilMs: number };

/** The model's profile for a server's `redis_version`, or null when no profile is modelled for it. */
export function profileFor(version: string): RedisVersion | null {
  return (MODELLED_VERSIONS as readonly string[]).includes(version) ? (version as RedisVersion) : null;
}

/**
 * The scenario as the recorder could play it: a fork failure asked with ENOMEM is produced with
 * EAGAIN (an NPROC limit, docs/recording-format.md §6, said in the event's outcome), so the model
 * is run with EAGAIN there too. Nothing else is changed.
 */
export function asPlayed(rec: Recording): Scenario {
  const events = rec.scenario.events.map((e, i) => {
    const played = rec.events.find((x) => x.index === i);
    if (e.type === "fork-fails" && e.errno !== "EAGAIN" && played?.outcome.detail.includes("fails with EAGAIN instead")) return { ...e, errno: "EAGAIN" as const };
    return e;
  });
  return { ...rec.scenario, events };
}

export function conform(rec: Recording): Conformance | { error: string } {
  const version = profileFor(rec.server.version);
  if (!version) return { error: `no model profile for redis ${rec.server.version} (modelled: ${MODELLED_VERSIONS.join(", ")})` };
  const trace = runScenario(asPlayed(rec), { redis: version, runUntil: rec.end.t, frameOnWrite: true });
  const untilMs = Math.max(0, rec.end.t - END_MARGIN_MS);
  const model = observeTrace(trace, rec.scenario, untilMs);
  const real = observeRecording(rec, untilMs);
  return { version, diffs: compareObservations(model, real, Math.floor(untilMs / 1000)), model, real, untilMs };
}
