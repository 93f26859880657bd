/**
 * Sandbox edits: what a learner changes from a given frame. Every edit is an event at a moment of
 * virtual time, so the past before that moment stays exactly as it was and only the future is
 * recomputed (the simulation is deterministic). Config changes are CONFIG SET at that moment;
 * capability / SYNC-vs-PSYNC changes apply to the replica's next connection; removing a replica is
 * its disconnection; adding one connects it.
 */
import * as v from "valibot";
import { SCENARIO_FORMAT, prettyPath, validateScenario, type Scenario, type ScenarioEvent } from "./schema";

export type NewReplica = Scenario["replicas"][number];

export type Edit =
  | { kind: "add-replica"; at: number; replica: NewReplica }
  | { kind: "event"; event: ScenarioEvent };

const EditSchema = v.variant("kind", [
  v.strictObject({
    kind: v.literal("add-replica"),
    at: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(86400)),
    replica: v.strictObject({
      id: v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/)),
      capa: v.array(v.picklist(["eof", "psync2"])),
      command: v.picklist(["PSYNC", "SYNC"]),
    }),
  }),
  // The event itself is checked by the scenario schema once it is merged in.
  v.strictObject({ kind: v.literal("event"), event: v.looseObject({ at: v.number(), type: v.string() }) }),
]);

export const EditsSchema = v.pipe(v.array(EditSchema), v.maxLength(500));

/** The moment an edit made while looking at a frame takes effect: just after that frame's time. */
export function editTime(frameTimeMs: number): number {
  return (Math.floor(frameTimeMs) + 1) / 1000;
}

export type ApplyResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** The scenario with the edits merged in; events keep time order, an edit after equal times. */
export function applyEdits(base: Scenario, edits: readonly Edit[]): ApplyResult {
  const shape = v.safeParse(EditsSchema, edits);
  if (!shape.success) {
    return {
      ok: false,
      errors: shape.issues.map((i) => `${prettyPath(`edits.${v.getDotPath(i) ?? ""}`.replace(/\.$/, ""))}: ${i.message}`),
    };
  }
  const replicas = base.replicas.map((r) => ({ ...r, capa: [...r.capa] }));
  const events: ScenarioEvent[] = [...base.events];
  const insert = (e: ScenarioEvent) => {
    let k = events.length;
    while (k > 0 && (events[k - 1] as ScenarioEvent).at > e.at) k--;
    events.splice(k, 0, e);
  };
  const errors: string[] = [];
  edits.forEach((edit, i) => {
    if (edit.kind === "add-replica") {
      if (replicas.some((r) => r.id === edit.replica.id)) {
        errors.push(`edits[${i}].replica.id: a replica named "${edit.replica.id}" already exists`);
        return;
      }
      replicas.push({ ...edit.replica, capa: [...edit.replica.capa] });
      insert({ at: edit.at, type: "connect", replica: edit.replica.id });
    } else {
      insert(edit.event);
    }
  });
  if (errors.length) return { ok: false, errors };
  // The narration tells the unedited story (its anchors are event indexes and note keys), so an
  // edited scenario has none rather than one that no longer matches what happens.
  const doc = { ...base, format: SCENARIO_FORMAT, replicas, events, ...(edits.length ? { steps: [] } : {}) };
  const result = validateScenario(doc);
  return result.ok ? { ok: true, scenario: result.scenario } : { ok: false, errors: result.errors.map((e) => `after the edits, ${e}`) };
}

/** A replica id not used yet: r1, r2, ... */
export function nextReplicaId(scenario: Scenario, edits: readonly Edit[]): string {
  const used = new Set([
    ...scenario.replicas.map((r) => r.id),
    ...edits.flatMap((e) => (e.kind === "add-replica" ? [e.replica.id] : [])),
  ]);
  for (let n = 1; ; n++) if (!used.has(`r${n}`)) return `r${n}`;
}
