import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runScenario } from "../model/index";
import { arbScenario } from "../model/test/arbitraries";
import { CATALOGUE } from "./catalogue";
import { applyEdits, editTime, type Edit } from "./edits";
import { nextReplicaId } from "./freeReplicaId";

const disk = CATALOGUE.find((s) => s.id === "disk-happy-path")!;

describe("sandbox edits", () => {
  it("turning diskless on before r1 arrives changes the branch to the socket target", () => {
    const r = applyEdits(disk, [{ kind: "event", event: { at: 0.1, type: "config-set", replDisklessSync: true } }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const trace = runScenario(r.scenario);
    expect(trace.log.some((l) => l.text === "Starting BGSAVE for SYNC with target: slaves sockets")).toBe(true);
  });

  it("adds a replica that connects at the edit's moment", () => {
    const id = nextReplicaId(disk, []);
    expect(id).toBe("r2");
    const r = applyEdits(disk, [{ kind: "add-replica", at: 1.5, replica: { id, capa: ["eof"], command: "PSYNC" } }]);
    expect(r.ok && r.scenario.events.map((e) => e.type)).toEqual(["connect", "write", "connect"]);
  });

  it("adds many alike at once, numbered on from the id, up to 200, and the page's model runs them", () => {
    expect(nextReplicaId(disk, [], 3)).toBe("r2");
    const add: Edit = { kind: "add-replica", at: 0.5, replica: { id: "r2", capa: ["eof", "psync2"], command: "PSYNC" }, count: 199 };
    expect(nextReplicaId(disk, [add])).toBe("r201");
    const r = applyEdits(disk, [add]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.replicas.map((x) => x.id)).toEqual(["r1", ...Array.from({ length: 199 }, (_, k) => `r${k + 2}`)]);
    expect(r.scenario.events.filter((e) => e.type === "connect" && e.at === 0.5)).toHaveLength(199);
    // All 200 reach the primary: each asks for synchronization once.
    const trace = runScenario(r.scenario);
    expect(trace.log.filter((l) => l.text.endsWith("asks for synchronization"))).toHaveLength(200);

    // No number to count on from; an id in the range already taken; more than 200.
    const named = applyEdits(disk, [{ ...add, replica: { ...add.replica, id: "alpha" }, count: 2 }]);
    expect(named.ok || named.errors[0]).toMatch(/^edits\[0\]\.replica\.id: .*end in a number/);
    const clash = applyEdits(disk, [{ ...add, replica: { ...add.replica, id: "r0" }, count: 3 }]);
    expect(clash.ok || clash.errors[0]).toMatch(/"r1" already exists/);
    const tooMany = applyEdits(disk, [{ ...add, count: 201 }]);
    expect(tooMany.ok || tooMany.errors[0]).toMatch(/^edits\[0\]\.count: /);
  });

  it("names the edit that is wrong", () => {
    const r = applyEdits(disk, [{ kind: "add-replica", at: 1, replica: { id: "r1", capa: [], command: "SYNC" } }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^edits\[0\]\.replica\.id: /);
    const r2 = applyEdits(disk, [{ kind: "event", event: { at: 1, type: "connect", replica: "ghost" } } as Edit]);
    expect(r2.ok).toBe(false);
    const r3 = applyEdits(disk, [{ kind: "add-replica", at: -1, replica: { id: "r9", capa: [], command: "SYNC" } }]);
    expect(r3.ok || r3.errors[0]).toMatch(/^edits\[0\]\.at: /);
  });

  it("the past stays: frames up to the edited moment are identical, for any edit at any frame", () => {
    fc.assert(
      fc.property(arbScenario, fc.nat(), fc.constantFrom("fork-fails", "kill-child", "write", "config-set", "disconnect"), (s, pick, kind) => {
        const before = runScenario(s);
        const frame = before.frames[pick % before.frames.length]!;
        const at = editTime(frame.t);
        const event =
          kind === "config-set"
            ? { at, type: "config-set" as const, replDisklessSync: true, replDisklessSyncDelay: 0 }
            : kind === "disconnect"
              ? { at, type: "disconnect" as const, replica: s.replicas[0]!.id }
              : kind === "write"
                ? { at, type: "write" as const, count: 2 }
                : { at, type: kind };
        const r = applyEdits(s, [{ kind: "event", event }]);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const after = runScenario({ ...r.scenario, until: Math.max(r.scenario.until ?? 0, at + 1) });
        const upTo = before.frames.filter((f) => f.t <= frame.t).length;
        expect(JSON.stringify(after.frames.slice(0, upTo))).toBe(JSON.stringify(before.frames.slice(0, upTo)));
      }),
      { numRuns: 60 },
    );
  });
});

describe("narration and edits", () => {
  it("an edited scenario carries no narration (it would tell the unedited story)", () => {
    const r = applyEdits(disk, [{ kind: "event", event: { at: 0.001, type: "fork-fails" } }]);
    expect(r.ok && r.scenario.steps).toEqual([]);
    const same = applyEdits(disk, []);
    expect(same.ok && same.scenario.steps).toEqual(disk.steps);
  });
});
