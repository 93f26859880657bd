import { lazy, memo, Suspense } from "react";
import type { AnnotationLine } from "./annotations";
import type { Token } from "./highlightC";
import { LINKED_ROW } from "../link/styles";

const TOKEN_CLASS: Record<Token["kind"], string> = {
  comment: "text-emerald-800 italic dark:text-emerald-300",
  string: "text-amber-800 dark:text-amber-200",
  keyword: "text-indigo-700 font-semibold dark:text-indigo-300",
  number: "text-sky-800 dark:text-sky-200",
  plain: "",
};

/** The note beneath an annotation, with its words, loads after the first screen (it is not on the first load's budget). */
const AnnotationNote = lazy(() => import("./AnnotationNote").then((m) => ({ default: m.AnnotationNote })));

/** The comment of an annotation line: not Redis' own, so not in the colour of its comments. */
const ANNOTATION_COMMENT = "text-violet-800 dark:text-violet-300";

export type LineMark = "current" | "continuation" | "next" | null;

const ROW_CLASS: Record<Exclude<LineMark, null>, string> = {
  current: "bg-yellow-200 shadow-[inset_3px_0_0_var(--color-yellow-600)] dark:bg-amber-950 dark:shadow-[inset_3px_0_0_var(--color-yellow-400)]",
  continuation: "bg-yellow-200 shadow-[inset_3px_0_0_var(--color-yellow-600)] dark:bg-amber-950 dark:shadow-[inset_3px_0_0_var(--color-yellow-400)]",
  next: "bg-sky-50 dark:bg-sky-900/40",
};

/**
 * One line of the listing. An annotation line (a comment that came with the document, not with
 * Redis' source: `annotation` is its badge's word) keeps its text verbatim, in its own colour, with a
 * badge, and a note beneath it; `reserveNote` keeps a line's height for the note until its words
 * have loaded, so the lines below do not move when it appears.
 */
export const CodeLine = memo(function CodeLine({
  n,
  tokens,
  mark,
  nextLabel,
  annotation = null,
  reserveNote = false,
  linked = false,
  focus = null,
  describedBy,
}: {
  n: number;
  tokens: Token[];
  mark: LineMark;
  nextLabel: string;
  annotation?: string | null;
  reserveNote?: boolean;
  /** Lit by the code ↔ picture link (src/ui/link): the reader points at it or at a part of the diagram it belongs to. */
  linked?: boolean;
  /** A statement line the keyboard can reach: the Tab stop of the listing, or one the arrow keys move to. */
  focus?: "stop" | "arrow" | null;
  /** What it lights in the diagram, in words (while it is pointed at). */
  describedBy?: string;
}) {
  const code = (
    <code className="whitespace-pre-wrap break-words" lang={annotation ? "zh-Hans" : undefined}>
      {tokens.map((t, i) =>
        t.kind === "plain" ? t.text : <span key={i} className={annotation && t.kind === "comment" ? ANNOTATION_COMMENT : TOKEN_CLASS[t.kind]}>{t.text}</span>,
      )}
      {mark === "next" && <span className="sr-only">{nextLabel}</span>}
    </code>
  );
  return (
    <li
      data-line={n}
      data-linked={linked ? "" : undefined}
      data-statement={focus ? "" : undefined}
      tabIndex={focus === "stop" ? 0 : focus === "arrow" ? -1 : undefined}
      aria-describedby={describedBy}
      aria-current={mark === "current" ? "step" : undefined}
      className={`grid grid-cols-[1.2rem_2rem_1fr] ${mark ? ROW_CLASS[mark] : annotation ? "bg-violet-50 dark:bg-violet-950/40" : ""} ${linked ? LINKED_ROW : ""} ${focus ? "focus-visible:outline-solid focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-300" : ""}`}
    >
      {/* The marker column holds an element only on a marked line: an empty one on every line was a tenth of the page. */}
      {(mark === "current" || mark === "next") && (
        <span aria-hidden="true" className="text-center font-bold text-slate-900 dark:text-yellow-100">
          {mark === "current" ? "▶" : <span className="font-normal text-sky-700 dark:text-sky-300">›</span>}
        </span>
      )}
      <span className="col-start-2 pr-2 text-right text-slate-600 select-none dark:text-slate-300">{n}</span>
      {annotation ? (
        <>
          <span className="col-start-3">
            {code}{" "}
            <span className="rounded-sm border border-violet-700 px-1 align-[1px] font-sans text-[10px] text-violet-900 dark:border-violet-300 dark:text-violet-100">{annotation}</span>
          </span>
          <Suspense fallback={reserveNote ? <span className="col-start-3 h-[1.45em]" /> : null}>
            <AnnotationNote line={n as AnnotationLine} />
          </Suspense>
        </>
      ) : (
        code
      )}
    </li>
  );
});
