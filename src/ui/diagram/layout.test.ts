import { describe, expect, it } from "vitest";
import { LANE, layout, pipe, routePath, type Box } from "./layout";

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const lane = (r: Box): Box => ({ x: r.x, y: r.y - LANE, w: r.w, h: LANE });

describe("diagram layouts", () => {
  for (const tall of [false, true]) {
    for (const upstream of [false, true]) {
      for (const lanes of [0, 1, 2, 3, 7]) {
        const L = layout(tall, lanes, upstream);
        const boxes = { p: L.p, c: L.c, d: L.d, k: L.k, f: L.f, ...Object.fromEntries(L.r.map((b, i) => [`r${i + 1}`, b])) } as Record<string, Box>;
        const what = `${tall ? "tall" : "wide"}, ${lanes} replicas${upstream ? ", primary itself a replica" : ""}`;

        it(`${what}: every box and lane inside the picture, none covering another`, () => {
          const all = Object.entries(boxes).concat(L.r.map((b, i) => [`lane of r${i + 1}`, lane(b)]));
          for (const [name, b] of all) {
            expect(b.x, name).toBeGreaterThanOrEqual(0);
            expect(b.y, name).toBeGreaterThanOrEqual(0);
            expect(b.x + b.w, name).toBeLessThanOrEqual(L.w);
            expect(b.y + b.h, name).toBeLessThanOrEqual(L.h);
          }
          for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlap(all[i]![1], all[j]![1]), `${all[i]![0]} / ${all[j]![0]}`).toBe(false);
        });

        it(`${what}: the buses run beside the boxes, never through one`, () => {
          for (const [pipeName, x] of Object.entries(L.bus)) {
            expect(x, pipeName).toBeGreaterThan(0);
            expect(x, pipeName).toBeLessThan(L.w);
            for (const [name, b] of Object.entries(boxes)) expect(x > b.x && x < b.x + b.w, `${pipeName} bus through ${name}`).toBe(false);
          }
        });
      }
    }
  }

  it("tall (a phone): one column, the replicas under the primary and the decision", () => {
    const L = layout(true, 2, false);
    for (const r of L.r) {
      expect(r.x).toBe(L.p.x);
      expect(r.y).toBeGreaterThan(L.d.y + L.d.h);
    }
  });

  it("wide: two columns, the child and the replicas right of the primary; only the height grows with replicas", () => {
    const two = layout(false, 2, false);
    expect(two.k.x).toBeGreaterThan(two.p.x + two.p.w);
    for (const r of two.r) expect(r.x).toBe(two.k.x);
    // Up to two replicas the left column sets the height: catalogue scenarios all fit it.
    expect(layout(false, 1, false).h).toBe(two.h);
    expect(layout(false, 3, false).h).toBeGreaterThan(two.h);
    expect(layout(false, 7, false).w).toBe(two.w);
  });

  it("a pipe leaves by the side facing its bus and enters the other box the same way", () => {
    const a: Box = { x: 0, y: 0, w: 100, h: 50 };
    const b: Box = { x: 140, y: 80, w: 100, h: 50 };
    expect(pipe(a, 10, b, 20, 120)).toEqual([[100, 10], [120, 10], [120, 100], [140, 100]]);
    // A bus right of both: out of a's right side, into b's right side.
    expect(pipe(a, 10, b, 20, 260)).toEqual([[100, 10], [260, 10], [260, 100], [240, 100]]);
    expect(routePath([[1, 2], [3, 4]])).toBe("M1,2L3,4");
  });
});
