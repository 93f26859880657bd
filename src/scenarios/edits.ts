/**
 * Sandbox edits: what a learner changes from a given frame. Every edit is an event at a moment of
 * virtual time, so the past before that moment stays exactly as it was and only the future is
 * recomputed (the simulation is deterministic). Config changes are CONFIG SET at that moment;
 * capability / SYNC-vs-PSYNC changes apply to the replica's next connection; removing a replica is
 * its disconnection; adding one connects it.
 */
import * as v from "valibot";
import { Id, SCENARIO_FORMAT, prettyPath, validateScenario, type Scenario, type ScenarioEvent } from "./schema";

export type NewReplica = Scenario["replicas"][number];

/** The sandbox holds at most this many replicas (docs/architecture.md §9: the page stays responsive with 200). */
export const MAX_SANDBOX_REPLICAS = 200;

export type Edit =
  /** `count` > 1 adds that many alike, numbered on from the id's number: r5, r6, r7, … */
  | { kind: "add-replica"; at: number; replica: NewReplica; count?: number }
  | { kind: "event"; event: ScenarioEvent };

const EditSchema = v.variant("kind", [
  v.strictObject({
    kind: v.literal("add-replica"),
    at: v.pipe(v.number(), v.minValue(0), v.maxValue(86400)),
    replica: v.strictObject({
      id: Id,
      capa: v.array(v.picklist(["eof", "psync2"])),
      command: v.picklist(["PSYNC", "SYNC"]),
    }),
    count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_SANDBOX_REPLICAS))),
  }),
  // The event itself is checked by the scenario schema once it is merged in.
  v.strictObject({
    kind: v.literal("event"),
    event: v.pipe(
      v.unknown(),
      v.check((e) => typeof (e as Partial<ScenarioEvent> | null)?.at === "number" && typeof (e as Partial<ScenarioEvent>).type === "string", "must be an event: { at, type, … }"),
    ),
  }),
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
      const ids = addedIds(edit);
      if (ids === null) {
        errors.push(`edits[${i}].replica.id: to add ${edit.count} replicas the id must end in a number (r5 gives r5, r6, …)`);
        return;
      }
      const taken = ids.find((id) => replicas.some((r) => r.id === id));
      if (taken !== undefined) {
        errors.push(`edits[${i}].replica.id: a replica named "${taken}" already exists`);
        return;
      }
      for (const id of ids) {
        replicas.push({ ...edit.replica, id, capa: [...edit.replica.capa] });
        insert({ at: edit.at, type: "connect", replica: id });
      }
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

/**
 * The ids an add-replica edit adds: its id, then (count > 1) the ids numbered on from it;
 * null when count > 1 and the id has no number to count on from.
 */
export function addedIds(edit: Extract<Edit, { kind: "add-replica" }>): string[] | null {
  const count = edit.count ?? 1;
  if (count === 1) return [edit.replica.id];
  const first = numberedId(edit.replica.id);
  if (!first) return null;
  return Array.from({ length: count }, (_, k) => `${first.prefix}${first.n + k}`);
}

/** An id that ends in a number, split: "r12" → { prefix: "r", n: 12 }; null if it does not. */
export function numberedId(id: string): { prefix: string; n: number } | null {
  const m = /^(.*?)(\d+)$/.exec(id);
  return m ? { prefix: m[1] as string, n: Number(m[2]) } : null;
}
