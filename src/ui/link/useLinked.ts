import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import type { Trace } from "../../model";
import { useLab } from "../../store/labStore";
import { linkKey, type LinkSource } from "../../store/slices/linkSlice";
import { linkedBy, NOTHING_LINKED, stepEffects, type Linked, type LitKey } from "./codeLink";

/**
 * The last result, shared by the panels that read it in the same render (the diagram, the code,
 * the log, the replica cards): one computation per (trace, cursor, source).
 */
let last: { trace: Trace; cursor: number; key: string; value: Linked } | null = null;

function cachedLinks(trace: Trace, cursor: number, lastCall: number, link: LinkSource): Linked {
  const key = linkKey(link);
  if (last && last.trace === trace && last.cursor === cursor && last.key === key) return last.value;
  const value = linkedBy(trace, cursor, lastCall, link);
  last = { trace, cursor, key, value };
  return value;
}

/** What the reader points at lights, at the cursor; null while nothing is pointed at. */
export function useLinked(): { link: LinkSource | null; linked: Linked | null } {
  const { trace, cursor, lastCall, link } = useLab(
    useShallow((s) => ({ trace: s.trace, cursor: s.cursor, lastCall: s.derived.lastCall[s.cursor] ?? -1, link: s.link })),
  );
  const linked = useMemo(() => (link ? cachedLinks(trace, cursor, lastCall, link) : null), [trace, cursor, lastCall, link]);
  return { link, linked };
}

/** The diagram parts the line just executed lights (none outside a line frame), and that line. */
export function useStepEffects(): { line: number | null; parts: ReadonlySet<LitKey> } {
  const { trace, cursor } = useLab(useShallow((s) => ({ trace: s.trace, cursor: s.cursor })));
  return useMemo(() => {
    const frame = trace.frames[cursor];
    const parts = stepEffects(trace, cursor);
    return { line: parts === NOTHING_LINKED.parts ? null : (frame?.line ?? null), parts };
  }, [trace, cursor]);
}
