import { localRunner } from "../run/localRunner";
import { beforeEach, describe, expect, it } from "vitest";
import { findScenario } from "../scenarios/catalogue";
import { editTime, type Edit } from "../scenarios/edits";
import type { Scenario } from "../scenarios/schema";
import { createLabStore, memoryStorage, type LabStore } from "./labStore";
import { isFinished, predictionKeys } from "./progress";

let store: LabStore;
beforeEach(() => {
  store = createLabStore({ storage: memoryStorage(), runner: localRunner });
});
const s = () => store.getState();
const logText = () => s().trace.log.map((l) => l.text);

describe("sandbox edits in the store", () => {
  beforeEach(() => {
    s().loadScenario("disk-happy-path");
    s().dismissNotice();
  });

  it("an edit recomputes the future, keeps the cursor and leaves the frames up to it as they were", () => {
    s().seek(1);
    const before = s().trace;
    const at = editTime(before.frames[1]!.t);
    expect(s().addEdit({ kind: "event", event: { at, type: "write", count: 3 } })).toBe(true);
    expect(s().cursor).toBe(1);
    expect(s().edits).toHaveLength(1);
    expect(s().trace).not.toBe(before);
    expect(s().baseScenario).toBe(findScenario("disk-happy-path"));
    expect(s().scenario.events.some((e) => e.type === "write" && e.count === 3)).toBe(true);
    expect(JSON.stringify(s().trace.frames.slice(0, 2))).toBe(JSON.stringify(before.frames.slice(0, 2)));
  });

  it("turning diskless on at frame 0 changes the branch to the socket target; undo restores disk", () => {
    const plain = s().trace;
    s().addEdit({ kind: "event", event: { at: editTime(0), type: "config-set", replDisklessSync: true, replDisklessSyncDelay: 0 } });
    expect(logText()).toContain("Starting BGSAVE for SYNC with target: slaves sockets");
    s().last();
    expect(s().derived.lastTarget[s().cursor]).toBe("socket");
    s().undoEdit();
    expect(s().edits).toEqual([]);
    expect(s().trace).toBe(plain); // the cached trace comes back
    expect(s().cursor).toBeLessThan(s().trace.frames.length);
    expect(logText()).toContain("Starting BGSAVE for SYNC with target: disk");
  });

  it("a wrong edit changes nothing and says why", () => {
    const before = s().trace;
    const ok = s().addEdit({ kind: "event", event: { at: 1, type: "disconnect", replica: "ghost" } });
    expect(ok).toBe(false);
    expect(s().trace).toBe(before);
    expect(s().edits).toEqual([]);
    expect(s().notice).toMatchObject({ key: "editRefused" });
    expect(JSON.stringify(s().notice)).toContain("replica");
  });

  it("adds a replica with the next free id and sees it connect", () => {
    s().addEdit({ kind: "add-replica", at: editTime(0), replica: { id: "r2", capa: ["eof", "psync2"], command: "PSYNC" } });
    const last = s().trace.frames.at(-1)!;
    expect(last.replicas.filter((r) => r.id === "r2").at(-1)?.replstate).toBe("ONLINE");
  });

  it("setEdits restores edits, and ignores invalid ones with a notice", () => {
    const edits: Edit[] = [{ kind: "event", event: { at: 0.001, type: "fork-fails", errno: "ENOMEM" } }];
    expect(s().setEdits(edits)).toBe(true);
    expect(logText()).toContain("BGSAVE for replication failed");
    expect(s().setEdits([{ kind: "nonsense" } as unknown as Edit])).toBe(false);
    expect(s().edits).toEqual([]);
    expect(s().notice).toMatchObject({ key: "editsIgnored" });
    expect(logText()).not.toContain("BGSAVE for replication failed");
  });

  it("loadScenario clears the edits", () => {
    s().addEdit({ kind: "event", event: { at: 0.001, type: "fork-fails" } });
    s().loadScenario("disk-happy-path", 2);
    expect(s().edits).toEqual([]);
    expect(s().cursor).toBe(2);
  });

  it("opens a user's scenario file with edits at a frame, and caches it apart from a catalogue namesake", () => {
    const catalogue = s().trace;
    const doc: Scenario = { ...findScenario("disk-happy-path")!, primary: { ...findScenario("disk-happy-path")!.primary, bgsaveSeconds: 5 } };
    s().loadCustomScenario(doc, [{ kind: "event", event: { at: 0.5, type: "write", count: 1 } }], 3);
    expect(s().baseScenario).not.toBe(findScenario("disk-happy-path"));
    expect(s().edits).toHaveLength(1);
    expect(s().cursor).toBe(3);
    expect(s().trace).not.toBe(catalogue);
    expect(s().trace.endTime).toBeGreaterThan(catalogue.endTime);
  });

  it("refuses an invalid file and keeps what was open", () => {
    const before = s().scenario;
    s().loadCustomScenario({ ...before, config: { ...before.config, replTimeout: -1 } });
    expect(s().scenario).toBe(before);
    expect(s().notice).toMatchObject({ key: "fileInvalid" });
    expect(JSON.stringify(s().notice)).toContain("config.replTimeout");
  });

  it("opens a file whose edits are broken without the edits", () => {
    const doc = findScenario("fork-failure-disk")!;
    s().loadCustomScenario({ ...doc }, [{ kind: "event", event: { at: 1, type: "disconnect", replica: "ghost" } }]);
    expect(s().edits).toEqual([]);
    expect(s().scenario.id).toBe("fork-failure-disk");
    expect(s().notice).toMatchObject({ key: "editsDropped" });
  });
});

describe("finished scenarios", () => {
  it("a scenario is finished at its last frame once every prediction is answered", () => {
    s().loadScenario("fork-failure-disk");
    const keys = predictionKeys(s());
    expect(keys.length).toBeGreaterThan(0);
    s().last();
    expect(s().finished).toEqual([]);
    for (const k of keys) s().answerPrediction("fork-failure-disk", Number(k.split(":")[1]), 0);
    expect(s().finished).toEqual(["fork-failure-disk"]);
    s().markFinished("fork-failure-disk");
    expect(s().finished).toEqual(["fork-failure-disk"]);
  });

  it("a branch made in the sandbox does not count", () => {
    s().loadScenario("disk-happy-path");
    for (const k of predictionKeys(s())) s().answerPrediction("disk-happy-path", Number(k.split(":")[1]), 1);
    s().addEdit({ kind: "event", event: { at: 0.001, type: "write" } });
    s().last();
    expect(isFinished(s())).toBe(false);
    expect(s().finished).toEqual([]);
  });

  it("keeps the first guess", () => {
    s().answerPrediction("x", 0, 2);
    s().answerPrediction("x", 0, 1);
    expect(s().guesses["x:0"]).toBe(2);
  });
});
