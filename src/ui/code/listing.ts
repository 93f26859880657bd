import { SEED_CONTINUATIONS, type SeedLine } from "../../model/seedLines";
import type { LineMark } from "./CodeLine";
import { SEED_LINES } from "./seed";

/** Marks for each line: the statement just executed (all of its lines) and the next one. */
export function lineMarks(current: number | null, next: number | null, continuations: Readonly<Partial<Record<number, number[]>>> = SEED_CONTINUATIONS): Map<number, LineMark> {
  const marks = new Map<number, LineMark>();
  if (next !== null) {
    marks.set(next, "next");
    for (const c of continuations[next as SeedLine] ?? []) marks.set(c, "next");
  }
  if (current !== null) {
    marks.set(current, "current");
    for (const c of continuations[current as SeedLine] ?? []) marks.set(c, "continuation");
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
export function firstLineCount(current: number | null, windowHeight: number, total: number = SEED_LINES.length): number {
  const fit = Math.ceil(windowHeight / LINE_PX);
  return Math.min(total, Math.max(fit, (current ?? 0) + fit));
}
