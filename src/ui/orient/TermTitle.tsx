import { useLoadedWords } from "../i18n";
import { findTerms } from "./terms";

/**
 * In the diagram — an image to assistive technology, whose focusable parts are named images
 * themselves (docs/architecture.md §18), so no word inside can take the focus — the glossary
 * words of a label explain themselves as the label's hover title. Until the definitions
 * have loaded there is no title.
 */
export function TermTitle({ text }: { text: string }) {
  const glossary = useLoadedWords("orient")?.glossary;
  const defs = glossary ? findTerms(text, new Set()).flatMap((p) => (typeof p === "string" ? [] : [glossary[p.term]])) : [];
  return defs.length ? <title>{defs.join("\n")}</title> : null;
}
