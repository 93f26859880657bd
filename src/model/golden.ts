/**
 * Golden timelines: `npm run trace -- --summary` of every catalogue scenario, kept in
 * src/scenarios/golden/<file>.txt for 4.0.14 and src/scenarios/golden/<version>/<file>.txt for
 * each other version the model runs (docs/versions.md §18 says what each should differ in). A
 * scenario that cannot run on a version (versionProblem) has a file saying why instead.
 * `npm run golden` rewrites them; golden.test.ts compares.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { validateScenario } from "../scenarios/schema";
import { MODELLED_VERSIONS, runScenario, versionProblem } from "./sim";
import { traceSummary } from "./summary";
import { DEFAULT_VERSION, type RedisVersion } from "./versions/profiles";

const root = fileURLToPath(new URL("../..", import.meta.url));
const CATALOGUE_DIR = join(root, "src/scenarios/catalogue");
export const GOLDEN_DIR = join(root, "src/scenarios/golden");

/** Where a version's golden files are. */
export function goldenDir(redis: RedisVersion): string {
  return redis === DEFAULT_VERSION ? GOLDEN_DIR : join(GOLDEN_DIR, redis);
}

/** The versions with golden timelines: every one the model runs. */
export const GOLDEN_VERSIONS: readonly RedisVersion[] = MODELLED_VERSIONS;

/** Each catalogue file's name (without .json) and its timeline on `redis` as the CLI prints it now. */
export function currentTimelines(redis: RedisVersion = DEFAULT_VERSION): { name: string; text: string }[] {
  return readdirSync(CATALOGUE_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const parsed = validateScenario(JSON.parse(readFileSync(join(CATALOGUE_DIR, f), "utf8")));
      if (!parsed.ok) throw new Error(`${f}: ${parsed.errors[0]}`);
      const name = f.replace(/\.json$/, "");
      const problem = versionProblem(parsed.scenario, redis);
      if (problem) return { name, text: `${parsed.scenario.title.en} — not run on Redis ${redis}: ${problem}\n` };
      return { name, text: traceSummary(runScenario(parsed.scenario, { redis }), parsed.scenario.title.en) };
    });
}
