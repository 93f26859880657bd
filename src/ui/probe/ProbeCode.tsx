import { useEffect, useRef } from "react";
import { SEED_CONTINUATIONS, type SeedLine } from "../../model";
import { CodeLine, type LineMark } from "../code/CodeLine";
import { SEED_LINES, SEED_TOKENS } from "../code/seed";
import { useDict } from "../i18n";

function marksFor(current: number | null, next: number | null): Map<number, LineMark> {
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

/** The seed function with the probe's current line (aria-current="step") and the next one. */
export function ProbeCode({ label, listLabel, current, next }: { label: string; listLabel: string; current: number | null; next: number | null }) {
  const box = useRef<HTMLDivElement>(null);
  const marks = marksFor(current, next);
  const nextLabel = useDict().dict.page.code.nextLine;
  useEffect(() => {
    const el = box.current;
    const row = current === null ? null : el?.querySelector<HTMLElement>(`[data-line="${current}"]`);
    if (!el || !row) return;
    if (row.offsetTop < el.scrollTop + 24 || row.offsetTop > el.scrollTop + el.clientHeight * 0.6) {
      el.scrollTop = Math.max(0, row.offsetTop - el.clientHeight / 3);
    }
  }, [current]);
  return (
    <section aria-label={label} className="flex min-h-0 flex-col">
      <div ref={box} tabIndex={0} className="scroll-box relative min-h-0 flex-1 overflow-auto rounded border border-slate-200 dark:border-slate-700">
        <ol aria-label={listLabel} className={`py-1 font-mono text-[11.5px] leading-[1.45] text-slate-900 dark:text-slate-100 ${current === null ? "code-idle" : ""}`}>
          {SEED_LINES.map((_, i) => (
            <CodeLine key={i + 1} n={i + 1} tokens={SEED_TOKENS[i] ?? []} mark={marks.get(i + 1) ?? null} nextLabel={nextLabel} />
          ))}
        </ol>
      </div>
    </section>
  );
}
