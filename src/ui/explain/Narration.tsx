import type { Trace } from "../../model";
import type { Scenario } from "../../scenarios/schema";
import { useSyncExternalStore } from "react";
import { narrationVersion, subscribeNarration } from "../../scenarios/narration";
import { resolveSteps, type ResolvedStep } from "../../lesson/steps";
import { useLab, type Lang } from "../../store/labStore";
import { RichText } from "./RichText";

const cache = new WeakMap<Trace, { version: number; steps: ResolvedStep[] }>();
function resolvedSteps(scenario: Scenario, trace: Trace, version: number): ResolvedStep[] {
  let hit = cache.get(trace);
  if (!hit || hit.version !== version) {
    hit = { version, steps: resolveSteps(scenario, trace) };
    cache.set(trace, hit);
  }
  return hit.steps;
}

const UI = {
  en: {
    narration: "Narration",
    predict: "Predict",
    right: "Right.",
    wrong: "Not quite — the answer is:",
    hint: "Guess, then step forward to check.",
    edited: "The narration is hidden while the scenario has sandbox edits: it tells the original story. Undo the edits to see it again.",
  },
  zh: {
    narration: "讲解",
    predict: "预测",
    right: "答对了。",
    wrong: "不对——答案是：",
    hint: "先猜一猜，再单步前进验证。",
    edited: "场景有沙盒修改时不显示讲解：讲解描述的是原始场景。撤销修改即可再次看到。",
  },
} as const;

/** The guess lives in the store: it counts towards finishing the scenario, and survives stepping away. */
function Prediction({ scenarioId, step, lang }: { scenarioId: string; step: ResolvedStep; lang: Lang }) {
  const guess = useLab((s) => s.guesses[`${scenarioId}:${step.index}`] ?? null);
  const answer = useLab((s) => s.answerPrediction);
  const setGuess = (choice: number) => answer(scenarioId, step.index, choice);
  const p = step.step.predict;
  if (!p) return null;
  const t = UI[lang];
  return (
    <div className="rounded-md border border-indigo-300 bg-indigo-50 px-2 py-1.5 text-slate-900 dark:border-indigo-700 dark:bg-indigo-950 dark:text-slate-100">
      <p className="font-semibold">
        {t.predict}: <RichText text={p.question[lang]} />
      </p>
      <div className="mt-1 flex flex-col gap-1" role="group" aria-label={t.predict}>
        {p.choices.map((c, i) => {
          const chosen = guess === i;
          const correct = guess !== null && i === p.answer;
          return (
            <button
              key={i}
              type="button"
              disabled={guess !== null}
              aria-pressed={chosen}
              onClick={() => setGuess(i)}
              className={`rounded border px-2 py-0.5 text-left text-[13px] ${
                correct
                  ? "border-emerald-700 bg-emerald-100 text-emerald-950 dark:border-emerald-300 dark:bg-emerald-900 dark:text-emerald-50"
                  : chosen
                    ? "border-rose-700 bg-rose-100 text-rose-950 dark:border-rose-300 dark:bg-rose-900 dark:text-rose-50"
                    : "border-slate-400 bg-white text-slate-900 hover:bg-slate-100 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
              }`}
            >
              {correct ? "✓ " : chosen ? "✕ " : ""}
              <RichText text={c.text[lang]} />
            </button>
          );
        })}
      </div>
      {guess === null ? (
        <p className="mt-1 text-[12px] text-slate-700 dark:text-slate-300">{t.hint}</p>
      ) : (
        <p className="mt-1 text-[13px]">
          {guess === p.answer ? t.right : <>{t.wrong} <RichText text={(p.choices[p.answer] ?? p.choices[0])!.text[lang]} /></>}{" "}
          {p.explain && <RichText text={p.explain[lang]} />}
        </p>
      )}
    </div>
  );
}

/** The scenario's own narration at its checkpoints, and predictions asked just before them. */
export function Narration({ scenario, trace, cursor, lang }: { scenario: Scenario; trace: Trace; cursor: number; lang: Lang }) {
  // The catalogue's narration arrives after the page is up; re-render when it does.
  const version = useSyncExternalStore(subscribeNarration, narrationVersion);
  const steps = resolvedSteps(scenario, trace, version);
  const edited = useLab((s) => s.edits.length > 0);
  if (edited) {
    return cursor === 0 ? <p className="text-[12px] text-slate-700 dark:text-slate-300">{UI[lang].edited}</p> : null;
  }
  const here = steps.filter((s) => s.frame === cursor);
  const asks = steps.filter((s) => s.step.predict && s.askFrame === cursor && s.frame > cursor);
  if (!here.length && !asks.length) return null;
  return (
    <>
      {here.map((s) => (
        <p key={`n${s.index}`} className="rounded-md border-l-4 border-indigo-600 bg-indigo-50 px-2 py-1 text-slate-900 dark:border-indigo-300 dark:bg-indigo-950 dark:text-slate-100">
          <strong>{UI[lang].narration}: </strong>
          <RichText text={s.step.text[lang]} />
        </p>
      ))}
      {asks.map((s) => (
        <Prediction key={`${scenario.id}:${s.index}`} scenarioId={scenario.id} step={s} lang={lang} />
      ))}
    </>
  );
}
