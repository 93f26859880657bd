import type { Scenario } from "./schema";

type Replica = Scenario["replicas"][number];

/** What a replica's connection announces: its capabilities (`REPLCONF capa`) and its sync command. */
export interface ReplicaConfig {
  capa: Replica["capa"];
  command: Replica["command"];
}

/**
 * What a connection the replica makes at `at` (seconds; the default: after the last event)
 * announces: its document entry, changed by each `replica-set` event up to that moment in turn.
 * Such an event changes the replica's next connections only; one already open keeps what it sent.
 */
export function replicaConfigAt(scenario: Scenario, id: string, at = Infinity): ReplicaConfig {
  const r = scenario.replicas.find((x) => x.id === id);
  let capa = r ? [...r.capa] : [];
  let command = r?.command ?? "PSYNC";
  // Events are in time order (the schema checks it).
  for (const e of scenario.events) {
    if (e.at > at) break;
    if (e.type === "replica-set" && e.replica === id) {
      if (e.capa) capa = [...e.capa];
      if (e.command) command = e.command;
    }
  }
  return { capa, command };
}
