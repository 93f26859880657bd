import { useId, useMemo } from "react";
import { flushSync } from "react-dom";
import { whatHappened, type RecapFact } from "../../lesson/recap";
import { useLab } from "../../store/labStore";
import { nextScenario } from "../../store/nextScenario";
import { questionProgress, unfinishedReasons, type QuestionResult, type UnfinishedReason } from "../../store/progress";
import { predictionKey } from "../../store/slices/progressSlice";
import { isEmbed } from "../embed/isEmbed";
import { useWords } from "../i18n";
import type { FactContext, RecapDict } from "../i18n/en/recap";
import { RichText } from "./RichText";

/** Replica lists longer than this are cut, with the rest counted. */
const LIST = 6;

const RESULT_CLS: Record<QuestionResult, string> = {
  right: "text-emerald-800 dark:text-emerald-200",
  wrong: "text-rose-800 dark:text-rose-200",
  skipped: "text-amber-800 dark:text-amber-200",
  unanswered: "text-slate-700 dark:text-slate-300",
};

const LINK =
  "shrink-0 rounded border border-slate-400 bg-white px-1.5 py-0.5 text-[12px] font-medium text-slate-900 hover:bg-slate-100 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700";

function factText(t: RecapDict, f: RecapFact, c: FactContext): string {
  // The entry for f.kind receives that very variant (TypeScript cannot correlate the two itself).
  return (t.facts[f.kind] as (f: RecapFact, c: FactContext) => string)(f, c);
}

function reasonText(t: RecapDict, r: UnfinishedReason): string {
  return (t.reasons[r.kind] as (r: UnfinishedReason) => string)(r);
}

/** Focus an element once React has drawn the state just set (the recap itself is gone by then). */
function thenFocus(change: () => void, selector: string) {
  flushSync(change);
  document.querySelector<HTMLElement>(selector)?.focus();
}

/**
 * The end of a scenario (docs/architecture.md §7): whether it is finished and if not why, what
 * happened (read from the trace), each question with its result and a way back to it, and the
 * next scenario. Not in an embed: it shows a range of frames, not a lesson's end.
 */
export default function Recap() {
  return isEmbed(window.location.search) ? null : <RecapBody />;
}

function RecapBody() {
  const base = useLab((s) => s.baseScenario);
  const scenario = useLab((s) => s.scenario);
  const edits = useLab((s) => s.edits);
  const trace = useLab((s) => s.trace);
  const cursor = useLab((s) => s.cursor);
  const guesses = useLab((s) => s.guesses);
  const skipped = useLab((s) => s.skipped);
  const furthest = useLab((s) => s.furthest);
  const finished = useLab((s) => s.finished);
  const { dict: t, lang } = useWords("recap");
  const { dict: main } = useWords();
  const ids = { title: useId(), happened: useId(), answers: useId() };
  const facts = useMemo(() => whatHappened(trace), [trace]);

  const reasons = unfinishedReasons({ baseScenario: base, scenario, edits, trace, cursor, guesses, skipped, furthest });
  // The questions belong to the original story: like the narration, they are not shown on a sandbox branch.
  const questions = edits.length ? [] : questionProgress({ scenario, trace, guesses, skipped });
  const next = nextScenario(base.id, finished);
  const context: FactContext = {
    secs: (ms) => String(Math.round(ms) / 1000),
    list: (list) => t.list(list.slice(0, LIST), Math.max(0, list.length - LIST)),
    reason: (r) => main.page.replicas.subs[r],
  };
  const status = !reasons.length ? [t.finished] : finished.includes(base.id) ? [t.finishedBefore] : reasons.map((r) => reasonText(t, r));
  const nextLabel = { next: t.next, firstUnfinished: t.firstUnfinished, first: t.backToFirst }[next.kind](next.scenario.title[lang]);

  const goToQuestion = (askFrame: number, index: number) =>
    thenFocus(() => useLab.getState().seek(askFrame), `[data-question="${CSS.escape(predictionKey(scenario.id, index))}"]`);
  // The next scenario shows when its trace arrives (computed in the simulation worker): focus then.
  const goToNext = () =>
    useLab.getState().loadScenario(next.scenario.id, 0, {
      commit: (apply) => flushSync(apply),
      done: () => document.querySelector<HTMLElement>("[data-step-forward]")?.focus(),
    });

  return (
    <section aria-labelledby={ids.title} className="space-y-1.5 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100">
      <h3 id={ids.title} className="text-[14px] font-semibold">
        {t.title}
      </h3>
      <ul className="space-y-0.5 font-medium">
        {status.map((line) => (
          <li key={line} className={reasons.length && !finished.includes(base.id) ? "text-amber-900 dark:text-amber-100" : "text-emerald-800 dark:text-emerald-200"}>
            {line}
          </li>
        ))}
      </ul>
      <p className="text-slate-700 dark:text-slate-300">
        <RichText text={scenario.summary[lang]} />
      </p>
      <h4 id={ids.happened} className="font-semibold">
        {t.happened}
      </h4>
      <ul aria-labelledby={ids.happened} className="list-disc space-y-0.5 pl-4">
        {facts.map((f, i) => (
          <li key={i}>{factText(t, f, context)}</li>
        ))}
      </ul>
      {!edits.length && (
        <>
          <h4 id={ids.answers} className="font-semibold">
            {t.answers}
          </h4>
          {questions.length ? (
            <ol aria-labelledby={ids.answers} className="space-y-1">
              {questions.map((q, n) => (
                <li key={q.step.index} className="flex items-start justify-between gap-2 border-t border-slate-200 pt-1 first:border-t-0 first:pt-0 dark:border-slate-700">
                  <span className="min-w-0">
                    <span className="font-medium">{t.question(n + 1)}:</span> <RichText text={q.step.step.predict!.question[lang]} />{" "}
                    <span className={`font-semibold whitespace-nowrap ${RESULT_CLS[q.result]}`}>— {t.results[q.result]}</span>
                  </span>
                  <button type="button" className={LINK} onClick={() => goToQuestion(q.step.askFrame, q.step.index)}>
                    {t.goTo(n + 1)}
                  </button>
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-slate-700 dark:text-slate-300">{t.noQuestions}</p>
          )}
        </>
      )}
      <div className="pt-0.5">
        <button
          type="button"
          onClick={goToNext}
          className="rounded-md border border-indigo-700 bg-indigo-700 px-2.5 py-1 text-left text-[13px] font-medium text-white hover:bg-indigo-800 dark:border-indigo-300 dark:bg-indigo-300 dark:text-slate-950 dark:hover:bg-indigo-200"
        >
          {nextLabel} <span aria-hidden="true">→</span>
        </button>
      </div>
    </section>
  );
}
