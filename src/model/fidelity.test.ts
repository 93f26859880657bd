/**
 * What a real Redis 4.0.14 showed that the model had not (docs/behaviour.md §20, observed on a
 * server built from its tag with real 4.0.14 replicas): each test fails on the model before it
 * learned the behaviour.
 */
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../scenarios/catalogue";
import type { Scenario } from "../scenarios/schema";
import { runScenario } from "./sim";

const scenario = (id: string): Scenario => CATALOGUE.find((x) => x.id === id) as Scenario;

describe("the AOF rewrite's end (docs/behaviour.md §20)", () => {
  it("the child asks the parent to stop sending diffs, appends them and renames its file, then the parent reaps it", () => {
    const t = runScenario(scenario("aof-rewrite-active"));
    const lines = t.log.map((l) => `${l.role} ${l.text}`);
    const from = lines.indexOf("M AOF rewrite child asks to stop sending diffs.");
    expect(from).toBeGreaterThan(0);
    expect(lines.slice(from, from + 8)).toEqual([
      "M AOF rewrite child asks to stop sending diffs.",
      "C Parent agreed to stop sending diffs. Finalizing AOF...",
      "C Concatenating 0.00 MB of AOF diff received from parent.",
      "C SYNC append only file rewrite performed",
      "C AOF rewrite: 0 MB of memory used by copy-on-write",
      "M Background AOF rewrite terminated with success",
      "M Residual parent diff successfully flushed to the rewritten AOF (0.00 MB)",
      "M Background AOF rewrite finished successfully",
    ]);
  });
});
