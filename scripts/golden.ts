/** npm run golden: rewrite src/scenarios/golden/ (every version's timelines) from the model as it is now (review the diff). */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GOLDEN_VERSIONS, currentTimelines, goldenDir } from "../src/model/golden";

for (const redis of GOLDEN_VERSIONS) {
  const dir = goldenDir(redis);
  mkdirSync(dir, { recursive: true });
  for (const { name, text } of currentTimelines(redis)) {
    writeFileSync(join(dir, `${name}.txt`), text);
    process.stdout.write(`${join(redis, name)}.txt\n`);
  }
}
