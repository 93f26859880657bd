import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Marker } from "../../model/trace";
import { MARKER_SLOTS, markerMarks } from "./markerBuckets";

const failure = (frame: number): Marker => ({ frame, t: frame * 10, kind: "failure", target: "child" });

describe("the timeline's marks", () => {
  it("no longer: one element per marker — 18,500 failures of a long run become at most one mark per slot", () => {
    const markers = Array.from({ length: 18_500 }, (_, k) => failure(k * 2));
    const marks = markerMarks(markers, 40_000);
    expect(marks.length).toBeLessThanOrEqual(MARKER_SLOTS);
    expect(marks.reduce((n, m) => n + m.count, 0)).toBe(18_500);
  });

  it("keeps every marker of a short run as its own mark, and every ONLINE replica apart", () => {
    const markers: Marker[] = [
      { frame: 3, t: 30, kind: "bgsave-start", target: "disk" },
      { frame: 3, t: 30, kind: "online", target: "r1" },
      { frame: 3, t: 30, kind: "online", target: "r2" },
      failure(40),
      failure(90),
    ];
    const marks = markerMarks(markers, 100);
    expect(marks.map((m) => m.count)).toEqual([1, 1, 1, 1, 1]);
    expect(marks.map((m) => m.first)).toEqual(markers);
  });

  it("accounts for every marker once, in order, whatever the markers", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(5000), { maxLength: 3000 }), fc.integer({ min: 0, max: 5000 }), (frames, last) => {
        const markers = [...frames].sort((a, b) => a - b).map(failure);
        const marks = markerMarks(markers, last);
        expect(marks.reduce((n, m) => n + m.count, 0)).toBe(markers.length);
        expect(marks.length).toBeLessThanOrEqual(Math.max(markers.length ? 1 : 0, Math.min(markers.length, MARKER_SLOTS)));
        for (let k = 1; k < marks.length; k++) expect(marks[k]!.first.frame).toBeGreaterThanOrEqual(marks[k - 1]!.first.frame);
      }),
    );
  });
});
