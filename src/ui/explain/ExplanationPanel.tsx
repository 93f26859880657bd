import { lazy, Suspense } from "react";
import { useLab } from "../../store/labStore";
import { useWords } from "../i18n";
import { useStep } from "../hooks/useStep";
import { useNames } from "../i18n/a11yNames";
import { explainStep, type ExplanationItem, type Tone } from "./explainFrame";
import { useDetailsOpen, useNarrated } from "./narrated";
import { Narration } from "./Narration";
import { RichText } from "./RichText";
import { VersionNote } from "./VersionNote";

// Loaded when a scenario's last frame is first shown: the recap is not part of the first screen's budget.
const Recap = lazy(() => import("./Recap"));

const TONE: Record<Tone, { glyph: string; cls: string }> = {
  info: { glyph: "•", cls: "text-slate-900 dark:text-slate-100" },
  ok: { glyph: "✓", cls: "text-slate-900 dark:text-slate-100" },
  error: { glyph: "✕", cls: "text-rose-900 dark:text-rose-100" },
};
const GLYPH_TONE: Record<Tone, string> = {
  info: "text-slate-500 dark:text-slate-400",
  ok: "text-emerald-700 dark:text-emerald-300",
  error: "text-rose-700 dark:text-rose-300",
};

function Bullets({ items }: { items: ExplanationItem[] }) {
  return (
    <ul className="space-y-1">
      {items.map((it) => (
        <li key={it.id} className={`flex gap-1.5 ${TONE[it.tone].cls}`}>
          <span aria-hidden="true" className={`w-3 shrink-0 text-center font-bold ${GLYPH_TONE[it.tone]}`}>
            {TONE[it.tone].glyph}
          </span>
          <span>
            <RichText text={it.text} />
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The step's explanation: the scenario's narration first, then what the model noted. When the
 * narration speaks, the model's bullets tell the same story in more detail, so they are folded
 * under a disclosure (closed until the reader opens it; the choice holds while stepping).
 */
export function ExplanationPanel() {
  const { trace, derived, cursor, stepSize } = useStep();
  const scenario = useLab((s) => s.scenario);
  const { dict, lang } = useWords();
  const names = useNames();
  const ex = explainStep(trace, derived, cursor, stepSize, dict);
  const narrated = useNarrated(scenario, trace, cursor);
  const [open, setOpen] = useDetailsOpen();
  return (
    <section aria-label={names.explanation} aria-live="polite" className="panel flex h-full min-h-0 flex-col" lang={lang === "zh" ? "zh-Hans" : "en"}>
      <h2 className="panel-title">
        {dict.page.explanation.title} <span className="font-normal text-slate-600 dark:text-slate-300">— {dict.ui.atTime(ex.time)} · {ex.cause}</span>
      </h2>
      <div tabIndex={0} className="scroll-box relative min-h-0 flex-1 space-y-1.5 overflow-auto px-2 py-1.5 text-[13px] leading-snug">
        {cursor === 0 && (
          <p className="text-slate-900 dark:text-slate-100">
            <RichText text={scenario.summary[lang]} />
          </p>
        )}
        {cursor === 0 && <VersionNote scenario={scenario} redis={trace.redis} />}
        <Narration scenario={scenario} trace={trace} cursor={cursor} />
        {cursor === trace.frames.length - 1 && (
          <Suspense fallback={null}>
            <Recap />
          </Suspense>
        )}
        {ex.line && (
          <p className="rounded bg-yellow-100 px-1.5 py-0.5 text-slate-950 dark:bg-yellow-900/60 dark:text-yellow-50">
            <strong>{dict.ui.line(ex.line.n)}:</strong> <RichText text={ex.line.text} />
          </p>
        )}
        {ex.items.length > 0 && narrated ? (
          <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} className="rounded-md border border-slate-300 px-1.5 py-1 dark:border-slate-600">
            <summary className="cursor-pointer font-medium text-slate-800 dark:text-slate-100">{dict.ui.details(ex.items.length)}</summary>
            <div className="mt-1">
              <Bullets items={ex.items} />
            </div>
          </details>
        ) : ex.items.length > 0 ? (
          <Bullets items={ex.items} />
        ) : (
          cursor > 0 && !ex.line && <p className="text-slate-700 italic dark:text-slate-300">{dict.ui.nothingNew}</p>
        )}
        {cursor === 0 && <p className="text-slate-700 dark:text-slate-300">{dict.ui.scenarioStart}</p>}
      </div>
    </section>
  );
}
