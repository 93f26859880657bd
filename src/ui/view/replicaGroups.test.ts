import { describe, expect, it } from "vitest";
import { runScenario } from "../../model";
import { CATALOGUE } from "../../scenarios/catalogue";
import { idList, replicaGroups, GROUP_ORDER } from "./replicaGroups";
import { replicaRows, stateInfo } from "./replicaRows";

const more = (n: number) => `+${n}`;

describe("idList", () => {
  it("collapses runs of three or more and keeps pairs apart", () => {
    expect(idList(["r1", "r2", "r3", "r4", "r7", "r9", "r10"], 80, more)).toBe("r1–r4, r7, r9, r10");
  });
  it("says how many replicas it left out, counting those inside ranges", () => {
    const ids = ["r1", "r2", "r3", "r5", "r8", "r11", "r14", "r17", "r20"];
    const text = idList(ids, 20, more);
    expect(text.length).toBeLessThanOrEqual(24);
    const shown = text.replace(/ \+\d+$/, "").split(", ");
    const count = shown.reduce((n, p) => n + (p.includes("–") ? 3 : 1), 0);
    expect(text.endsWith(`+${ids.length - count}`)).toBe(true);
  });
  it("keeps names without numbers", () => {
    expect(idList(["alpha", "beta"], 40, more)).toBe("alpha, beta");
  });
});

describe("replicaGroups", () => {
  it("puts every replica in exactly one group, in lifecycle order, on every frame", () => {
    for (const s of CATALOGUE) {
      const trace = runScenario(s);
      for (const frame of trace.frames) {
        const rows = replicaRows(trace, frame);
        const groups = replicaGroups(rows);
        expect(groups.flatMap((g) => g.rows.map((r) => r.id)).sort()).toEqual(rows.map((r) => r.id).sort());
        for (const g of groups) for (const r of g.rows) expect(stateInfo(r.current).kind).toBe(g.kind);
        const order = groups.map((g) => GROUP_ORDER.indexOf(g.kind));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }
    }
  });
});
