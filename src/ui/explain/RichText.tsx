/**
 * Renders dictionary and scenario text: spans between backticks become <code>, `*words*` outside
 * them become <em>, and the first appearance of each glossary word in the text is a Term that
 * explains itself. Only React elements are made; no HTML is ever parsed.
 */
import { withTerms } from "../orient/Term";
import type { TermId } from "../orient/terms";

export type RichPart = { kind: "text" | "code" | "em"; text: string };

/** `*` then a non-space, up to a non-space then `*` (so "2 * 3" and "**" stay as they are). */
const EMPHASIS = /\*([^*\s](?:[^*]*[^*\s])?)\*/g;

export function richParts(text: string): RichPart[] {
  const out: RichPart[] = [];
  const push = (kind: RichPart["kind"], part: string) => {
    if (part) out.push({ kind, text: part });
  };
  text.split("`").forEach((segment, i) => {
    if (i % 2 === 1) return push("code", segment);
    let at = 0;
    for (const m of segment.matchAll(EMPHASIS)) {
      push("text", segment.slice(at, m.index));
      push("em", m[1]!);
      at = m.index + m[0].length;
    }
    push("text", segment.slice(at));
  });
  return out;
}

/** `terms={false}` inside a control (a choice's button), where a focusable word cannot be. */
export function RichText({ text, terms = true }: { text: string; terms?: boolean }) {
  const seen = new Set<TermId>();
  return (
    <>
      {richParts(text).map((part, i) => {
        const inner = terms ? withTerms(part.text, seen) : part.text;
        return part.kind === "code" ? (
          <code key={i} className="rounded bg-slate-200/70 px-1 font-mono text-[0.92em] dark:bg-slate-700/70">
            {inner}
          </code>
        ) : part.kind === "em" ? (
          <em key={i}>{inner}</em>
        ) : (
          <span key={i}>{inner}</span>
        );
      })}
    </>
  );
}
