import { lazy, Suspense, useId, useRef, useState, type ReactNode } from "react";
import { findTerms, type TermId } from "./terms";

// The definition's box and its words load on the first hover or focus (the words are in the "orient" section).
const TermTip = lazy(() => import("./TermTip"));

/**
 * A glossary word: dotted underline, in the tab order; pointing at it or focusing it shows its
 * one-line definition as a tooltip (TermTip), which Escape hides.
 */
export function Term({ id, children }: { id: TermId; children: ReactNode }) {
  const [hover, setHover] = useState(false);
  const [focus, setFocus] = useState(false);
  const [hidden, setHidden] = useState(false);
  const ref = useRef<HTMLSpanElement>(null);
  const tip = useId();
  const open = (hover || focus) && !hidden;
  const show = (set: (on: boolean) => void) => () => {
    set(true);
    setHidden(false);
  };
  return (
    <span
      ref={ref}
      role="term"
      tabIndex={0}
      aria-describedby={open ? tip : undefined}
      className="cursor-help underline decoration-slate-500 decoration-dotted underline-offset-2 dark:decoration-slate-400"
      onMouseEnter={show(setHover)}
      onMouseLeave={() => setHover(false)}
      onFocus={show(setFocus)}
      onBlur={() => setFocus(false)}
    >
      {children}
      {open && (
        <Suspense fallback={null}>
          <TermTip id={id} tipId={tip} anchor={ref} onHide={() => setHidden(true)} />
        </Suspense>
      )}
    </span>
  );
}

/** Text with its glossary words as Terms; `seen` is shared by the pieces of one text block (made in the same render). */
export function withTerms(text: string, seen: Set<TermId>): ReactNode {
  return findTerms(text, seen).map((p, i) =>
    typeof p === "string" ? (
      p
    ) : (
      <Term key={i} id={p.term}>
        {p.text}
      </Term>
    ),
  );
}

/** Plain text (a replica's capabilities, its replstate) with its glossary words as Terms. */
export function Terms({ text }: { text: string }) {
  return <>{withTerms(text, new Set())}</>;
}

