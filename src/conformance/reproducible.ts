/**
 * Which catalogue scenarios a real server can reproduce, and why not the others
 * (docs/architecture.md §21). Decided from the scenario, the model's profile and, after recording,
 * from what the recording says it could not produce — never from whether the comparison agreed.
 */
import { runScenario } from "../model/sim";
import { versionProblem } from "../model/versions/modelled";
import type { RedisVersion } from "../model/versions/names";
import type { Recording } from "../record/format";
import type { Scenario } from "../scenarios/schema";

/** Before recording: a scenario the model does not run on this version (15-evalsha on 7.0: scripts are replicated by effects there). */
export function notModelled(scenario: Scenario, version: RedisVersion): string | null {
  return versionProblem(scenario, version);
}

/** Whether some event after the first is applied while a child runs, in the model's run: then the child's duration shapes what happens. */
export function needsSlowChild(scenario: Scenario, version: RedisVersion): boolean {
  const trace = runScenario(scenario, { redis: version });
  return trace.frames.some((f) => f.cause.type === "event" && f.cause.index > 0 && f.server.child !== null && !f.server.child.exited);
}

/** After recording: why the recording cannot be compared, or null. */
export function notReproduced(rec: Recording, version: RedisVersion): string | null {
  const unsupportedEvent = rec.events.find((e) => e.outcome.status === "unsupported");
  if (unsupportedEvent) return `event ${unsupportedEvent.index} (${unsupportedEvent.type}) cannot be produced: ${unsupportedEvent.outcome.detail}`;
  const slow = rec.unsupported.find((u) => u.what === "primary.bgsaveSeconds");
  if (slow && needsSlowChild(rec.scenario, version)) return `an event comes while the child runs, and ${slow.reason}`;
  return null;
}
