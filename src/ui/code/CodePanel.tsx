import { useEffect, useRef } from "react";
import { SEED_CONTINUATIONS, type SeedLine } from "../../model";
import { useLab } from "../../store/labStore";
import { useDict } from "../i18n";
import { SPEC_NAMES } from "../i18n/a11yNames";
import { CodeLine, type LineMark } from "./CodeLine";
import { Locals } from "./Locals";
import { OutsideSummary } from "./OutsideSummary";
import { SEED_LINES, SEED_TOKENS } from "./seed";

/** Marks for each line: the statement just executed (all of its lines) and the next one. */
function lineMarks(current: number | null, next: number | null): Map<number, LineMark> {
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

export function CodePanel() {
  const frame = useLab((s) => s.trace.frames[s.cursor]);
  const nextFrame = useLab((s) => s.trace.frames[s.cursor + 1]);
  const lastCallIndex = useLab((s) => s.derived.lastCall[s.cursor] ?? -1);
  const lastCall = useLab((s) => (lastCallIndex >= 0 ? s.trace.frames[lastCallIndex] : undefined));
  const scroller = useRef<HTMLDivElement>(null);
  const t = useDict().dict.page.code;

  // Inside the function: a line frame, or the event frame that closes a happening which ran it.
  const inside = !!frame?.locals && frame.line !== null;
  const current = inside ? (frame?.line ?? null) : null;
  const next = inside && nextFrame?.kind === "line" ? nextFrame.line : null;
  const marks = lineMarks(current, next);

  useEffect(() => {
    const box = scroller.current;
    if (!box || current === null) return;
    const row = box.querySelector<HTMLElement>(`[data-line="${current}"]`);
    if (!row) return;
    const top = row.offsetTop; // the scroller is the offset parent (position: relative)
    // Keep the current line in the upper part, so the next line shows below it.
    if (top < box.scrollTop + 24 || top > box.scrollTop + box.clientHeight * 0.6) {
      box.scrollTop = Math.max(0, top - box.clientHeight / 3);
    }
  }, [current]);

  return (
    <section aria-label={SPEC_NAMES.sourceCode} className="panel flex h-full min-h-0 flex-col">
      <h2 className="panel-title">
        {t.title} <span className="font-normal text-slate-600 dark:text-slate-300">— {t.file}</span>
      </h2>
      <Locals locals={inside ? (frame?.locals ?? null) : (lastCall?.locals ?? null)} live={inside} lastCallT={lastCall ? lastCall.t : null} />
      {!inside && <OutsideSummary />}
      <div ref={scroller} tabIndex={0} className="scroll-box relative min-h-0 flex-1 overflow-auto">
        <ol
          aria-label={inside ? t.listRunning(current) : t.listIdle}
          className={`py-1 font-mono text-[11.5px] leading-[1.45] text-slate-900 dark:text-slate-100 ${inside ? "" : "code-idle"}`}
        >
          {SEED_LINES.map((_, i) => (
            <CodeLine key={i + 1} n={i + 1} tokens={SEED_TOKENS[i] ?? []} mark={marks.get(i + 1) ?? null} nextLabel={t.nextLine} />
          ))}
        </ol>
      </div>
    </section>
  );
}
