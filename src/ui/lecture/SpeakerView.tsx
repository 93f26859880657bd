import { VersionNote } from "../explain/VersionNote";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import { narrationVersion, subscribeNarration } from "../../scenarios/narration";
import { resolveSteps } from "../../lesson/steps";
import { useLab } from "../../store/labStore";
import { Icon } from "../controls/Icon";
import { SHORTCUTS } from "../controls/shortcuts";
import { useDetailsOpen } from "../explain/narrated";
import { RichText } from "../explain/RichText";
import { useDocumentLang } from "../hooks/useDocumentLang";
import { useStep } from "../hooks/useStep";
import { useAppliedTheme } from "../hooks/useTheme";
import { useWords } from "../i18n";
import { useNames } from "../i18n/a11yNames";
import type { ShortcutId } from "../i18n";
import { LanguageSelect } from "../layout/HeaderButtons";
import { speakerNotes } from "./notes";
import { startLectureSync } from "./sync";

const BUTTON =
  "inline-flex h-10 items-center justify-center gap-1 rounded-md border border-slate-400 bg-white px-3 text-base font-medium text-slate-900 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-50 dark:hover:bg-slate-700";
const PRIMARY =
  "inline-flex h-10 min-w-32 items-center justify-center gap-1 rounded-md border border-indigo-700 bg-indigo-700 px-4 text-base font-semibold text-white hover:bg-indigo-800 disabled:cursor-not-allowed disabled:opacity-50 dark:border-indigo-300 dark:bg-indigo-300 dark:text-slate-950";
const SECTION = "rounded-lg border border-slate-300 bg-white p-3 dark:border-slate-600 dark:bg-slate-900";
const HEADING = "mb-1.5 text-sm font-bold tracking-wide text-slate-800 uppercase dark:text-slate-100";

/** The lab's shortcuts that work in the speaker window (the same keys and actions as in the lab). */
const SPEAKER_SHORTCUTS = SHORTCUTS.filter((s) => (["forward", "back", "first", "last", "clickerForward", "clickerBack", "blank"] as ShortcutId[]).includes(s.id));

/** The speaker's own keys: the clicker works in this window too, and B blanks the audience screen. */
function useSpeakerKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable)) return;
      if (target?.tagName === "SELECT" && !["PageDown", "PageUp"].includes(e.key)) return;
      if (target?.tagName === "BUTTON" && (e.key === " " || e.key === "Enter")) return;
      const shortcut = SPEAKER_SHORTCUTS.find((s) => s.keys.includes(e.key));
      if (!shortcut) return;
      e.preventDefault();
      shortcut.perform(useLab.getState());
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}

/**
 * The speaker window (`?speaker`): notes for the step the class is looking at — what it shows, the
 * narration to say, the question to ask with its answer, and what comes next — with its own step
 * buttons. It stays in step with the lecture window both ways (sync.ts).
 */
export default function SpeakerView() {
  useAppliedTheme();
  const { dict, lang } = useWords();
  const names = useNames();
  useDocumentLang(lang);
  useSpeakerKeys();
  const t = useWords("lecture").dict.speaker;
  const controls = dict.page.controls;
  const { trace, derived, cursor, stepSize } = useStep();
  const scenario = useLab((s) => s.scenario);
  const blank = useLab((s) => s.blank);
  const { first, stepBack, stepForward, last, setBlank } = useLab.getState();
  // The catalogue's narration arrives after the first render.
  const version = useSyncExternalStore(subscribeNarration, narrationVersion);
  const steps = useMemo(() => (version >= 0 ? resolveSteps(scenario, trace) : []), [scenario, trace, version]);
  const notes = speakerNotes(trace, derived, steps, cursor, stepSize, dict, lang);
  // As in the lab's explanation: under narration said at this step, the model's bullets are folded.
  const [detailsOpen, setDetailsOpen] = useDetailsOpen();
  const folded = notes.now.items.length > 0 && notes.narration.some((n) => n.current);
  const items = (
    <ul className="list-disc space-y-1 pl-5 leading-snug">
      {notes.now.items.map((it) => (
        <li key={it.id}>
          <RichText text={it.text} />
        </li>
      ))}
    </ul>
  );
  const atStart = cursor === 0;
  const atEnd = cursor >= trace.frames.length - 1;

  useEffect(() => startLectureSync(useLab, { fresh: true }), []);
  useEffect(() => {
    document.title = `${t.title} — FullResync Lab`;
  }, [t.title]);

  return (
    <div className="flex min-h-dvh flex-col gap-2 bg-slate-100 p-3 text-base text-slate-950 dark:bg-slate-950 dark:text-slate-50">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="text-xl font-bold">{t.title}</h1>
        <p className="min-w-0 flex-1 truncate font-medium">{scenario.title[lang]}</p>
        <LanguageSelect />
      </header>

      <nav aria-label={controls.region} className="flex flex-wrap items-center gap-2">
        <button type="button" className={BUTTON} aria-label={names.first} title={controls.first} onClick={first} disabled={atStart}>
          <Icon name="first" />
        </button>
        <button type="button" className={BUTTON} aria-label={names.back} onClick={stepBack} disabled={atStart}>
          <Icon name="back" /> {controls.back}
        </button>
        <button type="button" className={PRIMARY} aria-label={names.forward} onClick={stepForward} disabled={atEnd}>
          {controls.forward} <Icon name="forward" />
        </button>
        <button type="button" className={BUTTON} aria-label={names.last} title={controls.last} onClick={last} disabled={atEnd}>
          <Icon name="last" />
        </button>
        <p className="font-mono text-sm tabular-nums" aria-live="polite">
          {t.position(notes.frame + 1, notes.count, notes.t)}
        </p>
        <button type="button" className={`${BUTTON} ml-auto`} aria-pressed={blank} onClick={() => setBlank(!blank)}>
          <span aria-hidden="true">{blank ? "■" : "□"}</span> {t.blankAudience}
        </button>
      </nav>

      <main className="grid min-h-0 flex-1 gap-2 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" lang={lang === "zh" ? "zh-Hans" : "en"}>
        <section aria-labelledby="speaker-now" className={`${SECTION} space-y-2`}>
          <h2 id="speaker-now" className={HEADING}>
            {t.now} <span className="font-normal tracking-normal normal-case">— {notes.now.cause}</span>
          </h2>
          {notes.narration.map((n) => (
            <p key={n.frame} className="rounded-md border-l-4 border-indigo-700 bg-indigo-50 px-2 py-1 text-lg leading-snug dark:border-indigo-300 dark:bg-indigo-950">
              <strong>{t.narration}: </strong>
              <RichText text={n.text} />
              {!n.current && <span className="text-sm text-slate-700 dark:text-slate-200"> {t.narrationEarlier(n.frame + 1)}</span>}
            </p>
          ))}
          {notes.predictions.map((p, i) => (
            <div key={i} className="rounded-md border-2 border-amber-600 bg-amber-50 px-2 py-1 dark:border-amber-400 dark:bg-amber-950">
              <p className="font-semibold">
                {t.predict}: <RichText text={p.question} />
              </p>
              <ol className="ml-5 list-[upper-alpha]">
                {p.choices.map((c, k) => (
                  <li key={k} className={k === p.answer ? "font-bold" : ""}>
                    <RichText text={c} />
                    {k === p.answer && <span> ✓ ({t.answer})</span>}
                  </li>
                ))}
              </ol>
              {p.explain && (
                <p className="text-sm">
                  <RichText text={p.explain} />
                </p>
              )}
            </div>
          ))}
          {notes.now.line && (
            <p className="rounded bg-yellow-100 px-1.5 py-0.5 dark:bg-yellow-900/60">
              <strong>{dict.ui.line(notes.now.line.n)}:</strong> <RichText text={notes.now.line.text} />
            </p>
          )}
          {folded ? (
            <details open={detailsOpen} onToggle={(e) => setDetailsOpen(e.currentTarget.open)} className="rounded-md border border-slate-300 px-2 py-1 dark:border-slate-600">
              <summary className="cursor-pointer font-semibold">{dict.ui.details(notes.now.items.length)}</summary>
              {items}
            </details>
          ) : (
            items
          )}
          {cursor === 0 && <p>{scenario.summary[lang]}</p>}
          {cursor === 0 && <VersionNote scenario={scenario} redis={trace.redis} plain />}
        </section>

        <section aria-labelledby="speaker-next" className={`${SECTION} space-y-2`}>
          <h2 id="speaker-next" className={HEADING}>
            {t.next}
          </h2>
          {notes.next ? (
            <>
              <p className="font-semibold">
                {notes.next.cause} <span className="font-normal text-slate-700 dark:text-slate-200">({t.nextAt(notes.next.frame + 1, notes.next.t)})</span>
              </p>
              <ul className="list-disc space-y-0.5 pl-5 font-mono text-sm">
                {notes.next.briefs.map((b, i) => (
                  <li key={i}>
                    <RichText text={b} />
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t.atEnd}</p>
          )}
          {notes.upcoming ? (
            <p className="border-t border-slate-300 pt-2 dark:border-slate-600">
              <strong>{t.nextNarration(notes.upcoming.frame + 1)}: </strong>
              <RichText text={notes.upcoming.text} />
            </p>
          ) : (
            <p className="border-t border-slate-300 pt-2 text-slate-700 dark:border-slate-600 dark:text-slate-200">{t.nothingMore}</p>
          )}
          <p className="border-t border-slate-300 pt-2 text-sm text-slate-700 dark:border-slate-600 dark:text-slate-200">{t.keys}</p>
        </section>
      </main>
    </div>
  );
}
