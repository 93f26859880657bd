/**
 * While a trace is computed off the page's thread (docs/architecture.md §17): a banner with the
 * run's progress and Cancel — shown only when a run takes long enough to notice, so stepping
 * between scenarios whose traces come at once shows nothing. Before the first trace the whole
 * page is this (ReadyGate).
 */
import { useEffect, useState, type ReactNode } from "react";
import { fractionDone } from "../../run/runner";
import { useLab } from "../../store/labStore";
import { useWords } from "../i18n";

/** A run shorter than this shows no banner. */
const SHOW_AFTER_MS = 250;

function useShownAfter(on: boolean, ms: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!on) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), ms);
    return () => clearTimeout(timer);
  }, [on, ms]);
  return on && shown;
}

function RunStatus({ boot }: { boot: boolean }) {
  const computing = useLab((s) => s.computing);
  const cancel = useLab((s) => s.cancelRun);
  const { dict, lang } = useWords();
  const t = dict.page.computing;
  if (!computing) return <p>{t.starting}</p>;
  const percent = computing.progress ? Math.round(fractionDone(computing.progress) * 100) : 0;
  return (
    <div className={boot ? "flex flex-col items-center gap-3" : "flex flex-wrap items-center gap-3"}>
      <p className="min-w-0">{t.running(computing.title[lang])}</p>
      <div
        role="progressbar"
        aria-label={t.progress}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 w-40 overflow-hidden rounded-full bg-slate-300 dark:bg-slate-700"
      >
        <svg viewBox="0 0 100 1" preserveAspectRatio="none" className="block h-full w-full" aria-hidden="true">
          <rect width={percent} height="1" className="fill-sky-600 dark:fill-sky-400" />
        </svg>
      </div>
      <span className="tabular-nums">{percent} %</span>
      <button
        type="button"
        onClick={cancel}
        title={t.cancelHint}
        className="rounded-md border border-slate-400 px-2 py-0.5 hover:bg-slate-200 dark:border-slate-500 dark:hover:bg-slate-800"
      >
        {t.cancel}
      </button>
    </div>
  );
}

/** Under the header: a run the page waits for, with its progress and Cancel. */
export function ComputingBanner() {
  const running = useLab((s) => s.computing !== null && s.ready);
  const shown = useShownAfter(running, SHOW_AFTER_MS);
  return (
    <div role="status" aria-live="polite">
      {shown && (
        <div className="border-b border-sky-300 bg-sky-50 px-3 py-1 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100">
          <RunStatus boot={false} />
        </div>
      )}
    </div>
  );
}

/** The page, once the first trace is there; until then its progress (and Cancel). */
export function ReadyGate({ children }: { children: ReactNode }) {
  const ready = useLab((s) => s.ready);
  const shown = useShownAfter(!ready, SHOW_AFTER_MS);
  if (ready) return <>{children}</>;
  return (
    <div className="flex min-h-dvh items-center justify-center bg-slate-100 p-4 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <div role="status" aria-live="polite" className="text-center">
        {shown && (
          <>
            <p className="mb-3 text-lg font-semibold">FullResync Lab</p>
            <RunStatus boot />
          </>
        )}
      </div>
    </div>
  );
}
