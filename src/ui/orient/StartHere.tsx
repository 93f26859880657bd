import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";
import { useLab } from "../../store/labStore";
import { useWords } from "../i18n";

function Step({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <li className="flex gap-3">
      <span
        aria-hidden="true"
        className="mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-xs font-bold text-white dark:bg-indigo-400 dark:text-slate-950"
      >
        {n}
      </span>
      <div className="min-w-0">
        <h3 className="font-semibold">{title}</h3>
        {children}
      </div>
    </li>
  );
}

/** Keep Tab among the card's own buttons while it is open (it is modal). */
function trapTab(e: KeyboardEvent<HTMLElement>) {
  if (e.key !== "Tab") return;
  const buttons = [...e.currentTarget.querySelectorAll("button")];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  e.preventDefault();
  buttons[(at + (e.shiftKey ? buttons.length - 1 : 1)) % buttons.length]?.focus();
}

/**
 * Three short steps for a newcomer: what a full resync is, what each panel shows, and how to
 * step and answer. Closing it in any way (Start, ×, Escape, a click beside it) remembers it was seen.
 */
export default function StartHere() {
  const close = () => useLab.getState().setStartHere(false);
  const { dict, lang } = useWords("orient");
  const t = dict.startHere;
  // The version the page runs (the switch in the code panel; the scenario's own by default).
  const redis = useLab((s) => s.redis);
  const startRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    startRef.current?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-950/50 p-3" onClick={close}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="start-here-title"
        aria-describedby="start-here-intro"
        lang={lang === "zh" ? "zh-Hans" : "en"}
        className="relative max-h-full w-full max-w-lg overflow-auto rounded-lg bg-white p-5 text-sm leading-relaxed text-slate-900 shadow-xl dark:bg-slate-800 dark:text-slate-100"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === "Escape") close();
          else trapTab(e);
        }}
      >
        <button
          type="button"
          onClick={close}
          aria-label={t.close}
          title={t.close}
          className="absolute top-2 right-2 flex h-8 w-8 items-center justify-center rounded-md text-lg text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-700"
        >
          <span aria-hidden="true">×</span>
        </button>
        <h2 id="start-here-title" className="pr-8 text-lg font-semibold">
          {t.title}
        </h2>
        <p id="start-here-intro" className="text-slate-700 dark:text-slate-300">
          {t.intro(redis)}
        </p>
        <ol className="mt-4 space-y-4">
          <Step n={1} title={t.steps.resync.title}>
            <p>{t.steps.resync.text}</p>
          </Step>
          <Step n={2} title={t.steps.panels.title}>
            <ul className="list-disc space-y-0.5 pl-4">
              {Object.values(t.steps.panels.items).map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
            <p className="mt-1 text-slate-700 dark:text-slate-300">{t.steps.panels.terms}</p>
          </Step>
          <Step n={3} title={t.steps.step.title}>
            <p>{t.steps.step.text}</p>
          </Step>
        </ol>
        <div className="mt-5 flex flex-wrap items-center justify-between gap-3">
          <p className="text-xs text-slate-600 dark:text-slate-300">{t.again}</p>
          <button
            ref={startRef}
            type="button"
            onClick={close}
            className="rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
          >
            {t.start}
          </button>
        </div>
      </div>
    </div>
  );
}
