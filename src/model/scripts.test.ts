/**
 * EVALSHA against the primary's loaded script (docs/behaviour.md §10): the SHA1 of the script a
 * scenario loads goes through the replication script cache; any other SHA1 is answered -NOSCRIPT
 * and nothing reaches the replicas. [observed on a real 4.0.14]
 */
import { describe, expect, it } from "vitest";
import { validateScenario, type Scenario } from "../scenarios/schema";
import { CATALOGUE } from "../scenarios/catalogue";
import { scriptSha } from "./events";
import { runScenario } from "./sim";
import { wireEntries, type Trace } from "./trace";

const doc = (events: unknown[]): Scenario => {
  const r = validateScenario({ format: "fullresync-lab/scenario@1", title: "t", summary: "s", replicas: [{ id: "r1" }], events: [{ at: 0.2, type: "connect", replica: "r1" }, ...events] });
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.scenario;
};
const stream = (t: Trace) => {
  const io = t.wires["r1#1"];
  return io ? wireEntries(t, io).wire.filter((m) => m.startsWith("EVAL")) : [];
};

describe("EVALSHA and the loaded script", () => {
  it("the default script's SHA1 is the one a real server gives", () => {
    expect(scriptSha("return redis.call('INCR', 'counter')")).toBe("977fbd4a4958e03b169e1ee1daad5f92589cd641");
  });

  it("an unknown SHA1 is answered -NOSCRIPT and replicates nothing", () => {
    const t = runScenario(doc([{ at: 4, type: "evalsha", sha: "e0e1f9fabfc9d4800c877a703b823ac0578ff8db" }]));
    expect(stream(t)).toEqual([]);
    expect(t.frames.flatMap((f) => f.notes)).toContainEqual({ key: "evalsha.noscript", sha: "e0e1f9fabfc9d4800c877a703b823ac0578ff8db" });
    expect(t.frames[t.frames.length - 1]?.server.scriptCache).toEqual([]);
  });

  it("the loaded script's SHA1 goes out as EVAL first, then EVALSHA; a script of the scenario's own too", () => {
    const t = runScenario(doc([{ at: 4, type: "evalsha", sha: "977fbd4a4958e03b169e1ee1daad5f92589cd641" }, { at: 5, type: "evalsha", sha: "977fbd4a4958e03b169e1ee1daad5f92589cd641" }]));
    expect(stream(t)).toEqual(["EVAL return redis.call('INCR', 'counter') 0", "EVALSHA 977fbd4a4958e03b169e1ee1daad5f92589cd641 0"]);
    const own = "return redis.call('SET', 'k', 'v')";
    const u = runScenario(doc([{ at: 4, type: "evalsha", sha: scriptSha(own), script: own }]));
    expect(stream(u)).toEqual([`EVAL ${own} 0`]);
  });

  it("scenario 15's EVALSHA is its script's", () => {
    const s = CATALOGUE.find((x) => x.id === "evalsha-full-sync") as Scenario;
    for (const e of s.events) if (e.type === "evalsha") expect(e.sha).toBe(scriptSha(e.script ?? "return redis.call('INCR', 'counter')"));
  });
});
