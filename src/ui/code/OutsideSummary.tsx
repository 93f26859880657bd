import { briefStep } from "../explain/explainFrame";
import { useWords } from "../i18n";
import { useStep } from "../hooks/useStep";

/** When the function is not running: what the model is doing instead, in one line per note. */
export function OutsideSummary() {
  const { trace, derived, cursor, stepSize, frame } = useStep();
  const { dict } = useWords();
  const t = dict.page.code;
  const briefs = briefStep(trace, derived, cursor, stepSize, dict);
  return (
    <div className="border-b border-slate-200 bg-slate-100 px-2 py-1 text-xs dark:border-slate-700 dark:bg-slate-800">
      <p className="font-semibold text-slate-800 dark:text-slate-100">
        {t.outsideBefore} <code>startBgsaveForReplication</code>
        {t.outsideAfter} {dict.page.cause(frame.cause)}
      </p>
      {briefs.length > 0 && (
        <ul className="mt-0.5 list-disc pl-4 font-mono text-[11px] text-slate-700 dark:text-slate-200">
          {briefs.map((b, i) => (
            <li key={i}>{b}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
