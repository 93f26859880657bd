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

describe("a chained primary whose upstream is gone (docs/behaviour.md §20)", () => {
  it("connects to it again once a second, and is refused each time; 6.2 also tries at once when the link drops", () => {
    const t = runScenario(scenario("no-replication-info"));
    const attempts = t.log.filter((l) => l.text === "Connecting to MASTER 10.0.0.1:6379");
    expect(attempts.length).toBeGreaterThan(5);
    const lost = t.log.find((l) => l.text === "Connection with master lost.")!.t;
    expect(attempts[0]!.t).toBe(Math.ceil(lost / 1000) * 1000);
    for (let k = 1; k < attempts.length; k++) expect(attempts[k]!.t - attempts[k - 1]!.t).toBe(1000);
    const i = t.log.indexOf(attempts[0]!);
    expect(t.log.slice(i, i + 3).map((l) => `${l.level} ${l.text}`)).toEqual([
      "notice Connecting to MASTER 10.0.0.1:6379",
      "notice MASTER <-> SLAVE sync started",
      "warning Error condition on socket for SYNC: Connection refused",
    ]);
    expect(t.log.some((l) => l.text.startsWith("Reconnecting to MASTER"))).toBe(false);
    const six = runScenario(scenario("no-replication-info"), { redis: "6.2.14" });
    const j = six.log.findIndex((l) => l.text === "Connection with master lost.");
    expect(six.log.slice(j + 1, j + 4).map((l) => l.text)).toEqual(["Reconnecting to MASTER 10.0.0.1:6379", "MASTER <-> REPLICA sync started", "Error condition on socket for SYNC: Connection refused"]);
  });
});
