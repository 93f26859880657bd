/**
 * Two versions' function texts side by side: the lines in step, and each changed hunk (from
 * src/model/versions/changes.ts) as rows of its own with its older and newer lines. The hunks turn
 * the older text into the newer and nothing else differs (changes.test.ts), so the lines between
 * hunks are the same on both sides.
 */
import type { ChangeHunk } from "../../model/versions/changes";

export interface SideLine {
  /** Line number in its text, from 1. */
  n: number;
  text: string;
}

export type DiffRow =
  | { kind: "same"; old: SideLine; new: SideLine }
  /** A row of hunk `hunk`: either side may be missing (lines added or removed). */
  | { kind: "change"; hunk: number; old: SideLine | null; new: SideLine | null }
  /** After a hunk's rows: where its explanation goes. */
  | { kind: "explain"; hunk: number };

export function diffRows(older: string, newer: string, hunks: readonly ChangeHunk[]): DiffRow[] {
  const a = older.replace(/\n$/, "").split("\n");
  const b = newer.replace(/\n$/, "").split("\n");
  const line = (lines: string[], n: number): SideLine => ({ n, text: lines[n - 1] ?? "" });
  const order = hunks.map((h, k) => ({ h, k })).sort((x, y) => x.h.from.first - y.h.from.first);
  const rows: DiffRow[] = [];
  let i = 1;
  let j = 1;
  for (const { h, k } of order) {
    while (i < h.from.first && j < h.to.first) rows.push({ kind: "same", old: line(a, i++), new: line(b, j++) });
    const olds = h.from.last - h.from.first + 1;
    const news = h.to.last - h.to.first + 1;
    for (let r = 0; r < Math.max(olds, news); r++) {
      rows.push({
        kind: "change",
        hunk: k,
        old: r < olds ? line(a, h.from.first + r) : null,
        new: r < news ? line(b, h.to.first + r) : null,
      });
    }
    rows.push({ kind: "explain", hunk: k });
    i = h.from.last + 1;
    j = h.to.last + 1;
  }
  while (i <= a.length && j <= b.length) rows.push({ kind: "same", old: line(a, i++), new: line(b, j++) });
  return rows;
}
