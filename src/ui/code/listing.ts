import { SEED_CONTINUATIONS, type SeedLine } from "../../model/seedLines";
import type { LineMark } from "./CodeLine";
import { SEED_LINES } from "./seed";

/** Marks for each line: the statement just executed (all of its lines) and the next one. */
export function lineMarks(current: number | null, next: number | null): Map<number, LineMark> {
  const marks = new Map<number, LineMark>();
  if (next !== null) {
    marks.set(next, "next");
    for (const c of SEED_CONTINUATIONS[next as SeedLine] ?? []) marks.set(c, "next");
  }
  if (current !== null) {
    marks.set(current, "current");
    for (const c of SEED_CONTINUATIONS[current as SeedLine] ?? []) marks.set(c, "continuation");
  }
  return marks;
}

/** One line of the listing is 11.5 px × 1.45 high; a wrapped line is taller. */
const LINE_PX = 16.6;

/**
 * How many lines the first render needs so that the listing's box is full: every line that fits in
 * the window (the box is never taller), or, with a current line, as many again past it (the
 * listing scrolls it a third of the way down its box). The rest come in a transition right after.
 */
export function firstLineCount(current: number | null, windowHeight: number): number {
  const fit = Math.ceil(windowHeight / LINE_PX);
  return Math.min(SEED_LINES.length, Math.max(fit, (current ?? 0) + fit));
}
