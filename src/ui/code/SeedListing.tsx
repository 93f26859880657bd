import { startTransition, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from "react";
import { isAnnotationLine } from "./annotations";
import { CodeLine } from "./CodeLine";
import { firstLineCount, lineMarks } from "./listing";
import { SEED_LISTING, type ListingText } from "./seed";

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
  link,
  text = SEED_LISTING,
}: {
  /** The version's text (4.0.14's, the seed, unless given); line numbers are its own. */
  text?: ListingText;
  current: number | null;
  next: number | null;
  listLabel: string;
  nextLabel: string;
  /** The badge of the comments that came with the document (src/ui/code/annotations.ts). */
  annotationLabel: string;
  /** Whether every annotation gets a note beneath it (an English rendering): its line is kept while the words load. */
  reserveNotes: boolean;
  boxClassName: string;
  /**
   * The code ↔ picture link (src/ui/link), where the listing shows the lab's trace: the lines lit,
   * the line pointed at and the id of its description, and what to call when the reader points at
   * a statement (null: at nothing).
   */
  link?: { lines: ReadonlySet<number>; source: number | null; describedBy: string; point: (line: number | null) => void };
}) {
  const box = useRef<HTMLDivElement>(null);
  const [complete, setComplete] = useState(false);
  const { lines: LINES, tokens: TOKENS, statementOf } = text;
  const [first] = useState(() => firstLineCount(current, window.innerHeight, LINES.length));
  const shown = complete ? LINES.length : first;
  const marks = lineMarks(current, next, text.continuations);
  // The statement lines take the keyboard focus: one Tab stop (the current line, else the first), ↑/↓ to the others.
  const [chosenStop, setStop] = useState<number | null>(null);
  const stop = chosenStop ?? (current !== null ? statementOf(current) : null) ?? 21;
  const handlers = link ? pointing(link.point, setStop, statementOf) : {};

  useEffect(() => {
    if (first >= LINES.length) return;
    let timer = 0;
    // After the first frame is painted.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => startTransition(() => setComplete(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [first, LINES.length]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const reveal = () => {
      const row = current === null ? null : el.querySelector<HTMLElement>(`[data-line="${current}"]`);
      if (!row) return;
      const top = row.offsetTop; // the box is the offset parent (position: relative)
      // Keep the current line in the upper part, so the next line shows below it.
      if (top < el.scrollTop + 24 || top > el.scrollTop + el.clientHeight * 0.6) {
        el.scrollTop = Math.max(0, top - el.clientHeight / 3);
      }
    };
    reveal();
    // The box or its lines change size after the step (lecture mode's larger type, a panel
    // opening, a font arriving): the current line is placed again, so it never stays out of view.
    if (typeof ResizeObserver === "undefined") return;
    const resized = new ResizeObserver(reveal);
    resized.observe(el);
    const list = el.firstElementChild;
    if (list) resized.observe(list);
    return () => resized.disconnect();
  }, [current, shown]); // `shown`: a step taken before the rest of the lines came may be past the first ones

  return (
    <div ref={box} tabIndex={0} className={`scroll-box relative min-h-0 flex-1 overflow-auto ${boxClassName}`}>
      <ol aria-label={listLabel} {...handlers} className={`py-1 font-mono text-[11.5px] leading-[1.45] text-slate-900 dark:text-slate-100 ${current === null ? "code-idle" : ""}`}>
        {LINES.slice(0, shown).map((_, i) => (
          <CodeLine
            key={i + 1}
            n={i + 1}
            tokens={TOKENS[i] ?? []}
            mark={marks.get(i + 1) ?? null}
            nextLabel={nextLabel}
            annotation={text.annotated && isAnnotationLine(i + 1) ? annotationLabel : null}
            reserveNote={reserveNotes}
            linked={!!link?.lines.has(i + 1)}
            focus={link && statementOf(i + 1) === i + 1 ? (stop === i + 1 ? "stop" : "arrow") : null}
            describedBy={link && link.source === i + 1 ? link.describedBy : undefined}
          />
        ))}
      </ol>
    </div>
  );
}

/** The statement line an event is about (a continuation line gives its statement), or null. */
function statementAtIn(target: EventTarget | null, statementOf: ListingText["statementOf"]): number | null {
  const li = (target as Element | null)?.closest?.("li[data-line]");
  return li ? statementOf(Number(li.getAttribute("data-line"))) : null;
}

/**
 * Hovering or focusing a statement points at it; leaving the list, blur and Escape point at
 * nothing; ↑/↓ move the focus between statements.
 */
function pointing(point: (line: number | null) => void, setStop: (line: number) => void, statementOf: ListingText["statementOf"]) {
  const statementAt = (target: EventTarget | null) => statementAtIn(target, statementOf);
  const focused = (list: Element) => {
    const el = document.activeElement;
    return el && list.contains(el) ? statementAt(el) : null;
  };
  return {
    onMouseOver: (e: MouseEvent<HTMLOListElement>) => point(statementAt(e.target) ?? focused(e.currentTarget)),
    onMouseLeave: (e: MouseEvent<HTMLOListElement>) => point(focused(e.currentTarget)),
    onFocus: (e: FocusEvent<HTMLOListElement>) => {
      const line = statementAt(e.target);
      if (line === null) return;
      setStop(line);
      point(line);
    },
    onBlur: (e: FocusEvent<HTMLOListElement>) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) point(null);
    },
    onKeyDown: (e: KeyboardEvent<HTMLOListElement>) => {
      if (statementAt(e.target) === null) return;
      if (e.key === "Escape") point(null);
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
      e.preventDefault();
      const all = [...e.currentTarget.querySelectorAll<HTMLElement>("li[data-statement]")];
      const i = all.indexOf((e.target as Element).closest("li") as HTMLElement);
      all[Math.min(all.length - 1, Math.max(0, i + (e.key === "ArrowDown" ? 1 : -1)))]?.focus();
    },
  };
}
