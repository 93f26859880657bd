import type { Trace } from "../../model";
import type { Scenario } from "../../scenarios/schema";
import { useEffect, useRef, useState } from "react";
import type { ResolvedStep } from "../../lesson/steps";
import { useLab, type Lang } from "../../store/labStore";
import { predictionKey } from "../../store/slices/progressSlice";
import { useWords, type Dict as Words } from "../i18n";
import { useNarration } from "./narrated";
import { RichText } from "./RichText";

/** The user asked for less motion: scroll at once instead of smoothly. */
const reducedMotion = () => typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

/**
 * Scrolls the explanation panel (only it, never the page) so that `el` is in its view: the whole of
 * it when it fits, else its top — the question, its choices and "Skip" first.
 */
function revealInPanel(el: HTMLElement | null) {
  const box = el?.closest<HTMLElement>(".scroll-box");
  if (!el || !box) return;
  const b = box.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  const pad = 4;
  let delta = 0;
  if (r.top < b.top + pad || r.height > b.height - 2 * pad) delta = r.top - b.top - pad;
  else if (r.bottom > b.bottom - pad) delta = r.bottom - b.bottom + pad;
  if (Math.abs(delta) >= 1) box.scrollTo({ top: box.scrollTop + delta, behavior: reducedMotion() ? "auto" : "smooth" });
}

/**
 * The guess lives in the store: it counts towards finishing the scenario, and survives stepping away.
 * While it is open, Play waits here (store/playback.ts); "Skip question" lets it go on.
 */
function Prediction({ scenarioId, step, words: t, lang }: { scenarioId: string; step: ResolvedStep; words: Words["narration"]; lang: Lang }) {
  const key = predictionKey(scenarioId, step.index);
  const guess = useLab((s) => s.guesses[key] ?? null);
  const skipped = useLab((s) => s.skipped[key] === true);
  const answer = useLab((s) => s.answerPrediction);
  const skip = useLab((s) => s.skipPrediction);
  const playing = useLab((s) => s.playing);
  const open = guess === null && !skipped;
  // When Play stops for this question (or the cursor lands on it), the question comes into the
  // panel's view, however short the panel and wherever it was scrolled: the student must see it.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open && !playing) revealInPanel(box.current);
  }, [open, playing]);
  // Only a guess made here, now, scrolls its feedback into view (not one made earlier and revisited).
  const [justAnswered, setJustAnswered] = useState(false);
  const feedback = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (justAnswered) feedback.current?.scrollIntoView({ block: "nearest", behavior: reducedMotion() ? "auto" : "smooth" });
  }, [justAnswered]);
  const p = step.step.predict;
  if (!p) return null;
  const setGuess = (choice: number) => {
    answer(scenarioId, step.index, choice);
    setJustAnswered(true);
  };
  const right = guess === p.answer;
  return (
    // data-question: the recap's "go to this question" moves the focus here.
    <div ref={box} data-question={key} tabIndex={-1} className="scroll-my-1 rounded-md border border-indigo-300 bg-indigo-50 px-2 py-1.5 text-slate-900 outline-offset-1 dark:border-indigo-700 dark:bg-indigo-950 dark:text-slate-100">
      {/* Skip sits by the question, so it is in sight whenever the question is. */}
      <div className="flex items-start justify-between gap-2">
        <p className="font-semibold">
          {t.predict}: <RichText text={p.question[lang]} />
        </p>
        {open && (
          <button
            type="button"
            onClick={() => skip(scenarioId, step.index)}
            className="shrink-0 rounded border border-slate-400 bg-white px-2 py-0.5 text-[12px] font-medium text-slate-900 hover:bg-slate-100 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
          >
            {t.skip}
          </button>
        )}
      </div>
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
              <RichText text={c.text[lang]} terms={false} />
            </button>
          );
        })}
      </div>
      {guess === null ? (
        <p className="mt-1 text-[12px] text-slate-700 dark:text-slate-300">{t.hint}</p>
      ) : (
        <div ref={feedback} className="mt-1.5 scroll-my-1 text-[13px]">
          <p className={`font-semibold ${right ? "text-emerald-800 dark:text-emerald-200" : "text-rose-800 dark:text-rose-200"}`}>
            {right ? `✓ ${t.right}` : `✕ ${t.wrong}`}
          </p>
          {!right && (
            <p>
              {t.answerIs} <RichText text={(p.choices[p.answer] ?? p.choices[0])!.text[lang]} />
            </p>
          )}
          {p.explain && (
            <>
              <hr className="my-1 border-t border-indigo-300 dark:border-indigo-700" />
              <p>
                <RichText text={p.explain[lang]} />
              </p>
            </>
          )}
        </div>
      )}
    </div>
  );
}

/** The scenario's own narration at its checkpoints, and predictions asked just before them. */
export function Narration({ scenario, trace, cursor }: { scenario: Scenario; trace: Trace; cursor: number }) {
  const { edited, here, asks } = useNarration(scenario, trace, cursor);
  const { dict, lang } = useWords();
  const t = dict.narration;
  if (edited) {
    return cursor === 0 ? <p className="text-[12px] text-slate-700 dark:text-slate-300">{t.edited}</p> : null;
  }
  if (!here.length && !asks.length) return null;
  return (
    <>
      {here.map((s) => (
        <p key={`n${s.index}`} className="rounded-md border-l-4 border-indigo-600 bg-indigo-50 px-2 py-1 text-slate-900 dark:border-indigo-300 dark:bg-indigo-950 dark:text-slate-100">
          <strong>{t.title}: </strong>
          <RichText text={s.step.text[lang]} />
        </p>
      ))}
      {asks.map((s) => (
        <Prediction key={`${scenario.id}:${s.index}`} scenarioId={scenario.id} step={s} words={t} lang={lang} />
      ))}
    </>
  );
}
