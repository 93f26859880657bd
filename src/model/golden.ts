/**
 * Golden timelines: `npm run trace -- --summary` of every catalogue scenario, kept in
 * src/scenarios/golden/<file>.txt. `npm run golden` rewrites them; golden.test.ts compares.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { validateScenario } from "../scenarios/schema";
import { runScenario } from "./sim";
import { traceSummary } from "./summary";

const root = fileURLToPath(new URL("../..", import.meta.url));
const CATALOGUE_DIR = join(root, "src/scenarios/catalogue");
export const GOLDEN_DIR = join(root, "src/scenarios/golden");

/** Each catalogue file's name (without .json) and its timeline as the CLI prints it now. */
export function currentTimelines(): { name: string; text: string }[] {
  return readdirSync(CATALOGUE_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const parsed = validateScenario(JSON.parse(readFileSync(join(CATALOGUE_DIR, f), "utf8")));
      if (!parsed.ok) throw new Error(`${f}: ${parsed.errors[0]}`);
      return { name: f.replace(/\.json$/, ""), text: traceSummary(runScenario(parsed.scenario), parsed.scenario.title.en) };
    });
}
