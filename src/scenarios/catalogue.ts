/**
 * The scenario catalogue of docs/scenario-format.md §12, as data. Each document is validated, so a broken file fails
 * loudly in tests and in the build rather than in front of a class: in Node (tests, CLI) when this
 * module loads, in the browser build when the build reads the file (scripts/vite-catalogue-narration.ts),
 * which saves the page validating sixteen documents while it starts.
 */
import { validateScenario, type Scenario } from "./schema";
import s01 from "./catalogue/01-disk-happy-path.json";
import s02 from "./catalogue/02-diskless-batching.json";
import s03 from "./catalogue/03-non-eof-client-diskless.json";
import s04 from "./catalogue/04-attach-disk-bgsave.json";
import s05 from "./catalogue/05-cannot-attach.json";
import s06 from "./catalogue/06-socket-bgsave-in-flight.json";
import s07 from "./catalogue/07-aof-rewrite-active.json";
import s08 from "./catalogue/08-fork-failure-disk.json";
import s09 from "./catalogue/09-fork-failure-socket.json";
import s10 from "./catalogue/10-failure-sweeps-bystanders.json";
import s11 from "./catalogue/11-no-replication-info.json";
import s12 from "./catalogue/12-child-dies-disk.json";
import s13 from "./catalogue/13-child-dies-socket.json";
import s14 from "./catalogue/14-delay-zero.json";
import s15 from "./catalogue/15-evalsha-full-sync.json";
import s16 from "./catalogue/16-old-sync-client.json";

const DOCUMENTS: unknown[] = [s01, s02, s03, s04, s05, s06, s07, s08, s09, s10, s11, s12, s13, s14, s15, s16];

/** Defined (true) by the browser build, which has validated every document already. */
declare const __CATALOGUE_VALIDATED__: boolean | undefined;
const VALIDATED = typeof __CATALOGUE_VALIDATED__ !== "undefined" && __CATALOGUE_VALIDATED__;

export const CATALOGUE: Scenario[] = DOCUMENTS.map((doc, i) => {
  if (VALIDATED) return doc as Scenario;
  const result = validateScenario(doc);
  if (!result.ok) throw new Error(`catalogue scenario #${i + 1}: ${result.errors.join("; ")}`);
  return result.scenario;
});

export const DEFAULT_SCENARIO_ID = "disk-happy-path";

export function findScenario(id: string): Scenario | undefined {
  return CATALOGUE.find((s) => s.id === id);
}
