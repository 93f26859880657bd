import { startTransition, useEffect, useRef, useState } from "react";
import { isAnnotationLine } from "./annotations";
import { CodeLine } from "./CodeLine";
import { firstLineCount, lineMarks } from "./listing";
import { SEED_LINES, SEED_TOKENS } from "./seed";

/**
 * The seed function as a scrollable numbered list, with the current statement (aria-current="step")
 * and the next one marked, scrolled so the current line sits in the upper part of the box.
 *
 * A cold first render of all 83 highlighted lines is a large part of the page's first layout, and
 * most of them are below the box's fold. So the first render has only the lines that can be on
 * screen; the rest follow right after the first paint, rendered in a transition (a click goes
 * first) and appended below the visible ones, so nothing on screen moves.
 */
export function SeedListing({
  current,
  next,
  listLabel,
  nextLabel,
  annotationLabel,
  reserveNotes,
  boxClassName,
}: {
  current: number | null;
  next: number | null;
  listLabel: string;
  nextLabel: string;
  /** The badge of the comments that came with the document (src/ui/code/annotations.ts). */
  annotationLabel: string;
  /** Whether every annotation gets a note beneath it (an English rendering): its line is kept while the words load. */
  reserveNotes: boolean;
  boxClassName: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [complete, setComplete] = useState(false);
  const [first] = useState(() => firstLineCount(current, window.innerHeight));
  const shown = complete ? SEED_LINES.length : first;
  const marks = lineMarks(current, next);

  useEffect(() => {
    if (first >= SEED_LINES.length) return;
    let timer = 0;
    // After the first frame is painted.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => startTransition(() => setComplete(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [first]);

  useEffect(() => {
    const el = box.current;
    const row = current === null ? null : el?.querySelector<HTMLElement>(`[data-line="${current}"]`);
    if (!el || !row) return;
    const top = row.offsetTop; // the box is the offset parent (position: relative)
    // Keep the current line in the upper part, so the next line shows below it.
    if (top < el.scrollTop + 24 || top > el.scrollTop + el.clientHeight * 0.6) {
      el.scrollTop = Math.max(0, top - el.clientHeight / 3);
    }
  }, [current, shown]); // `shown`: a step taken before the rest of the lines came may be past the first ones

  return (
    <div ref={box} tabIndex={0} className={`scroll-box relative min-h-0 flex-1 overflow-auto ${boxClassName}`}>
      <ol aria-label={listLabel} className={`py-1 font-mono text-[11.5px] leading-[1.45] text-slate-900 dark:text-slate-100 ${current === null ? "code-idle" : ""}`}>
        {SEED_LINES.slice(0, shown).map((_, i) => (
          <CodeLine
            key={i + 1}
            n={i + 1}
            tokens={SEED_TOKENS[i] ?? []}
            mark={marks.get(i + 1) ?? null}
            nextLabel={nextLabel}
            annotation={isAnnotationLine(i + 1) ? annotationLabel : null}
            reserveNote={reserveNotes}
          />
        ))}
      </ol>
    </div>
  );
}
