/**
 * The sandbox's suggestion for a new replica's id. Only the sandbox asks, so this is apart from
 * edits.ts and loads with it, not with the page.
 */
import { addedIds, type Edit } from "./edits";
import type { Scenario } from "./schema";

/** A replica id not used yet: r1, r2, ... (from `from` on: the first of `count` free in a row). */
export function nextReplicaId(scenario: Scenario, edits: readonly Edit[], count = 1): string {
  const used = new Set([
    ...scenario.replicas.map((r) => r.id),
    ...edits.flatMap((e) => (e.kind === "add-replica" ? (addedIds(e) ?? []) : [])),
  ]);
  const free = (n: number) => Array.from({ length: count }, (_, k) => `r${n + k}`).every((id) => !used.has(id));
  for (let n = 1; ; n++) if (free(n)) return `r${n}`;
}
