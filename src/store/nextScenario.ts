/** Where the recap's "next scenario" leads (loaded with the recap, not with the page). */
import { CATALOGUE } from "../scenarios/catalogue";
import type { Scenario } from "../scenarios/schema";

/**
 * The next one in catalogue order; after the last (or
 * from a user's file), the first catalogue scenario not finished yet, else the first of all.
 */
export function nextScenario(id: string, finished: readonly string[]): { kind: "next" | "firstUnfinished" | "first"; scenario: Scenario } {
  const at = CATALOGUE.findIndex((s) => s.id === id);
  const after = CATALOGUE[at + 1];
  if (at >= 0 && after) return { kind: "next", scenario: after };
  const open = CATALOGUE.find((s) => s.id !== id && !finished.includes(s.id));
  return open ? { kind: "firstUnfinished", scenario: open } : { kind: "first", scenario: CATALOGUE[0] as Scenario };
}
