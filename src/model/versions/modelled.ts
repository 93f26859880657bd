/**
 * Which versions a run can have, and why a scenario cannot run on one: plain rules with no model
 * behind them, so the page can ask without loading the simulation (sim.ts applies them).
 */
import type { Scenario } from "../../scenarios/schema";
import { DEFAULT_VERSION, type RedisVersion } from "./names";

/** The versions a run can have: the function is ported for every profile, the rest of the server for these. */
export const MODELLED_VERSIONS: readonly RedisVersion[] = ["4.0.14", "5.0.5", "6.2.14", "7.0.15"];

/**
 * Why a scenario cannot run on a version, or null. From 5.0 scripts replicate their effects by
 * default (docs/versions.md §10), which the model does not have: its EVALSHA is 4.0.14's, sent
 * on verbatim or as EVAL after a full sync.
 */
export function versionProblem(scenario: Scenario, redis: RedisVersion): string | null {
  if (!MODELLED_VERSIONS.includes(redis)) {
    return `Redis ${redis}: its startBgsaveForReplication is ported, but the server around it is not modelled yet (runs: ${MODELLED_VERSIONS.join(", ")})`;
  }
  if (scenario.config.replDisklessSyncMaxReplicas && redis !== "7.0.15") {
    return `repl-diskless-sync-max-replicas exists from Redis 7.0 (docs/versions.md §9.3): remove config.replDisklessSyncMaxReplicas, or run on 7.0.15`;
  }
  if (redis !== DEFAULT_VERSION && scenario.events.some((e) => e.type === "evalsha")) {
    return `Redis ${redis} replicates a script's effects, not the EVALSHA itself, which the lab does not model: its evalsha events are 4.0.14's (remove them, or run on 4.0.14)`;
  }
  return null;
}
