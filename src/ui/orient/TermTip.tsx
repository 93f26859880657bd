import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import { createPortal } from "react-dom";
import { useWords } from "../i18n";
import type { TermId } from "./terms";

const MARGIN = 8;

/** Below the word, or above it when there is no room below; never past an edge of the window. */
function place(anchor: DOMRect, tip: DOMRect): { left: number; top: number } {
  const width = document.documentElement.clientWidth;
  const left = Math.max(MARGIN, Math.min(anchor.left, width - tip.width - MARGIN));
  const below = anchor.bottom;
  const top = below + tip.height > window.innerHeight - MARGIN && anchor.top - tip.height >= MARGIN ? anchor.top - tip.height : below;
  return { left, top };
}

/**
 * A glossary word's definition, in the body (outside any live region, so it is never read out as
 * news and never counts as the panel's text). Escape hides it; when something scrolls, it follows its word.
 */
export default function TermTip({ id, tipId, anchor, onHide }: { id: TermId; tipId: string; anchor: RefObject<HTMLElement | null>; onHide: () => void }) {
  const { dict, lang } = useWords("orient");
  const ref = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const follow = () => {
      if (anchor.current && ref.current) setAt(place(anchor.current.getBoundingClientRect(), ref.current.getBoundingClientRect()));
    };
    follow();
    window.addEventListener("scroll", follow, true);
    window.addEventListener("resize", follow);
    return () => {
      window.removeEventListener("scroll", follow, true);
      window.removeEventListener("resize", follow);
    };
  }, [anchor, dict]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      // The first Escape is the tooltip's: a dialog around the word stays open.
      e.stopPropagation();
      onHide();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [onHide]);
  return createPortal(
    // The transparent edge joins the box to its word, so the pointer can move onto the box.
    <div
      ref={ref}
      id={tipId}
      role="tooltip"
      lang={lang === "zh" ? "zh-Hans" : "en"}
      style={at ?? { left: 0, top: 0, visibility: "hidden" }}
      className="fixed z-[70] py-1"
    >
      <div className="max-w-[min(24rem,calc(100vw-16px))] rounded-md border border-slate-300 bg-white px-2 py-1 text-xs leading-snug font-normal text-slate-900 shadow-lg dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100">
        {dict.glossary[id]}
      </div>
    </div>,
    document.body,
  );
}
