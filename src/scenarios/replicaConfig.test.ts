import { describe, expect, it } from "vitest";
import { runScenario } from "../model/index";
import { replicaConfigAt } from "./replicaConfig";
import { SCENARIO_FORMAT, type Scenario } from "./schema";

/** r1 connects, drops and comes back twice; its settings change at 5 s, between the two returns. */
const scenario: Scenario = {
  format: SCENARIO_FORMAT,
  redis: "4.0.14",
  id: "replica-set-later",
  title: { en: "A later replica-set", zh: "稍后的 replica-set" },
  summary: { en: "r1 changes its settings at 5 s.", zh: "r1 在 5 秒时改变设置。" },
  config: { replDisklessSync: false, replDisklessSyncDelay: 5, replTimeout: 60 },
  primary: { role: "master", rdbBytes: 1 << 16, bgsaveSeconds: 1, transferBytesPerSecond: 1 << 20 },
  replicas: [{ id: "r1", capa: ["eof", "psync2"], command: "PSYNC" }],
  events: [
    { at: 0, type: "connect", replica: "r1" },
    { at: 1, type: "disconnect", replica: "r1" },
    { at: 2, type: "connect", replica: "r1" },
    { at: 3, type: "disconnect", replica: "r1" },
    { at: 5, type: "replica-set", replica: "r1", capa: [], command: "SYNC" },
    { at: 6, type: "connect", replica: "r1" },
  ],
};

describe("a replica's settings for its next connection", () => {
  it("are its document entry until a replica-set event, then what that event says", () => {
    expect(replicaConfigAt(scenario, "r1", 0)).toEqual({ capa: ["eof", "psync2"], command: "PSYNC" });
    expect(replicaConfigAt(scenario, "r1", 4.999)).toEqual({ capa: ["eof", "psync2"], command: "PSYNC" });
    expect(replicaConfigAt(scenario, "r1", 5)).toEqual({ capa: [], command: "SYNC" });
    expect(replicaConfigAt(scenario, "r1")).toEqual({ capa: [], command: "SYNC" });
  });

  it("are what the model's connection made at that moment announces", () => {
    const trace = runScenario(scenario);
    const announced = (key: string) => {
      const view = trace.frames.flatMap((f) => f.replicas).find((r) => r.key === key);
      if (!view) throw new Error(`no connection ${key}`);
      return { capa: view.capa, command: view.command };
    };
    expect(announced("r1#2")).toEqual(replicaConfigAt(scenario, "r1", 2));
    expect(announced("r1#3")).toEqual(replicaConfigAt(scenario, "r1", 6));
  });

  it("of a replica the document does not list are the defaults", () => {
    expect(replicaConfigAt(scenario, "r9", 0)).toEqual({ capa: [], command: "PSYNC" });
  });
});
