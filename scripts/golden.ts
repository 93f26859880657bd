/** npm run golden: rewrite src/scenarios/golden/*.txt from the model as it is now (review the diff). */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GOLDEN_DIR, currentTimelines } from "../src/model/golden";

mkdirSync(GOLDEN_DIR, { recursive: true });
for (const { name, text } of currentTimelines()) {
  writeFileSync(join(GOLDEN_DIR, `${name}.txt`), text);
  process.stdout.write(`${name}.txt\n`);
}
