/**
 * Every catalogue scenario's timeline on every version the model runs equals its golden file, so
 * any change to the model's behaviour is a reviewable text diff. After an intended change:
 * `npm run golden`, then read the diff before committing it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GOLDEN_VERSIONS, currentTimelines, goldenDir } from "./golden";

describe.each(GOLDEN_VERSIONS.map((v) => [v] as const))("golden timelines on Redis %s", (redis) => {
  const timelines = currentTimelines(redis);
  it("there is one per catalogue scenario", () => {
    expect(timelines.length).toBe(16);
    for (const { name } of timelines) expect(existsSync(join(goldenDir(redis), `${name}.txt`)), `${name}.txt`).toBe(true);
  });
  it.each(timelines.map((t) => [t.name, t.text] as const))("%s matches its golden timeline", (name, text) => {
    const golden = readFileSync(join(goldenDir(redis), `${name}.txt`), "utf8");
    // Compared line by line so a failure names the first line that differs.
    expect(text.split("\n")).toEqual(golden.split("\n"));
  });
});
