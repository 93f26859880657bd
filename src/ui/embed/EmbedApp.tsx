/**
 * The embedded view (`?embed&frames=<a>-<b>[&autoplay][&loop]` with the `#s=` moment; embedParams.ts): the diagram,
 * the explanation and a compact step control that stays inside the range. No header, no menus;
 * it fills its iframe without page scrolling (one column when narrow).
 */
import { useEffect, useLayoutEffect, useMemo, type ComponentType } from "react";
import { formatSeconds } from "../../model/format";
import { linkPath } from "../../share/url";
import { ownsKeys } from "../hooks/useKeyboardShortcuts";
import { usePlayback } from "../hooks/usePlayback";
import { nextIndex, prevIndex } from "../../store/derive";
import { useLab } from "../../store/labStore";
import { positionOf } from "../../store/numbering";
import { linkStateOf } from "../../store/url";
import { Icon, type IconName } from "../controls/Icon";
import { useAppliedTheme } from "../hooks/useTheme";
import { useNames } from "../i18n/a11yNames";
import { useWords } from "../i18n";
import { embedRange, readEmbedParams, type EmbedRange } from "./embedParams";

const BUTTON =
  "inline-flex h-8 min-w-8 items-center justify-center gap-1 rounded-md border px-1.5 text-sm font-medium disabled:cursor-not-allowed border-slate-300 bg-white text-slate-800 hover:bg-slate-100 disabled:text-slate-400 disabled:hover:bg-white dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700 dark:disabled:text-slate-500 dark:disabled:hover:bg-slate-800";
const PLAY =
  "inline-flex h-8 min-w-8 items-center justify-center rounded-md border px-1.5 border-indigo-700 bg-indigo-700 text-white hover:bg-indigo-800 dark:border-indigo-300 dark:bg-indigo-300 dark:text-slate-950 dark:hover:bg-indigo-200";

/** Steps of the lab, kept inside the range. */
function rangeSteps(range: EmbedRange) {
  const clamp = (i: number) => Math.max(range.from, Math.min(range.to, i));
  return {
    next: () => {
      const s = useLab.getState();
      return clamp(nextIndex(s.derived, s.trace.frames.length, s.cursor, s.stepSize));
    },
    prev: () => {
      const s = useLab.getState();
      return clamp(prevIndex(s.derived, s.cursor, s.stepSize));
    },
  };
}

/** As in the lab: the accessible name is the page language's word for the control (docs/architecture.md §8). */
function StepButton({ name, title, icon, onClick, disabled }: { name: string; title: string; icon: IconName; onClick: () => void; disabled: boolean }) {
  return (
    <button type="button" className={BUTTON} aria-label={name} title={title} onClick={onClick} disabled={disabled}>
      <Icon name={icon} />
    </button>
  );
}

/**
 * The lab's own panels, handed over by main.tsx rather than imported here: with Rolldown 1.2 a lazy
 * chunk that imports them makes the bundler split the first load into extra shared chunks
 * (rolldown#9963, #10731; measured +1.4 kB gzip on the first load).
 */
export interface EmbedParts {
  Diagram: ComponentType;
  ExplanationPanel: ComponentType;
  Notice: ComponentType;
}

export default function EmbedApp({ parts: { Diagram, ExplanationPanel, Notice } }: { parts: EmbedParts }) {
  useAppliedTheme();
  const t = useWords("publish").dict.embed;
  const names = useNames();
  const page = useWords().dict.page;
  const params = useMemo(() => readEmbedParams(window.location.search), []);
  const count = useLab((s) => s.trace.frames.length);
  const cursor = useLab((s) => s.cursor);
  const seek = useLab((s) => s.seek);
  const time = useLab((s) => s.trace.frames[s.cursor]?.t ?? 0);
  const title = useLab((s) => s.scenario.title[s.lang]);
  const { from, to } = embedRange(params, count);
  const range = useMemo(() => ({ from, to }), [from, to]);
  const steps = useMemo(() => rangeSteps(range), [range]);
  // Playing is the store's, kept to the range: the lab's timer, its rule for open questions and a
  // question's "Skip" work here as they do in the lab.
  const playing = useLab((s) => s.playing);
  const togglePlay = useLab((s) => s.togglePlay);
  const setRange = useLab((s) => s.setRange);
  usePlayback();

  // Start at the range's first frame, before the first paint (playing as it was: autoplay survives a new range).
  useLayoutEffect(() => {
    const was = useLab.getState().playing;
    setRange({ from: range.from, to: range.to, loop: params.loop });
    seek(range.from);
    if (was) useLab.getState().togglePlay();
    return () => setRange(null);
  }, [seek, setRange, range.from, range.to, params.loop]);
  // Autoplay waits for the guess as Play does (store/playback.ts).
  useLayoutEffect(() => {
    if (params.autoplay) useLab.getState().togglePlay();
  }, [params.autoplay]);

  // The lab's own numbers (src/store/numbering.ts), not counted from the range's start.
  const where = useLab((s) => page.controls.position(positionOf(s.derived, count, s.cursor, s.stepSize)));
  const position = t.position(formatSeconds(time), where);
  const atStart = cursor <= range.from;
  const atEnd = cursor >= range.to;

  // seek() stops playing, as any step by hand does.
  const go = (frame: number) => seek(frame);

  // Keys, as in the lab: ← → step, Home/End, Space plays.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // The same rule as the lab's: a key belongs to a text field, or is Space/Enter on a button.
      if (e.ctrlKey || e.metaKey || e.altKey || ownsKeys(e.target, e.key)) return;
      const actions: Record<string, () => void> = {
        ArrowRight: () => go(steps.next()),
        ArrowLeft: () => go(steps.prev()),
        Home: () => go(range.from),
        End: () => go(range.to),
        " ": togglePlay,
        k: togglePlay,
      };
      const act = actions[e.key];
      if (!act) return;
      e.preventDefault();
      act();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  // "Open in the lab": this moment in the full lab (it follows the cursor and the language).
  const labLink = useMemo(
    () => linkPath({ ...linkStateOf(useLab.getState()), panels: [] }, window.location.pathname),
    [cursor, title],
  );

  return (
    <div className="flex h-dvh flex-col overflow-hidden bg-slate-100 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Notice />
      <main className="flex min-h-0 flex-1 flex-col gap-1.5 p-1.5 sm:flex-row">
        {/* Two thirds of the width: the diagram fills its part of an 800×450 frame with 12-px text or more. */}
        <section aria-label={t.diagram} className="panel min-h-0 min-w-0 flex-[2] p-1 [&>svg]:h-full [&>svg]:max-h-full [&>svg]:w-full">
          <Diagram />
        </section>
        <div className="min-h-0 min-w-0 flex-1">
          <ExplanationPanel />
        </div>
      </main>
      <section
        aria-label={t.controls}
        className="flex items-center gap-1.5 border-t border-slate-200 bg-white px-1.5 py-1 dark:border-slate-800 dark:bg-slate-900"
      >
        <StepButton name={names.first} title={t.first} icon="first" onClick={() => go(range.from)} disabled={atStart} />
        <StepButton name={names.back} title={t.back} icon="back" onClick={() => go(steps.prev())} disabled={atStart} />
        <button type="button" className={PLAY} aria-label={playing ? names.pause : names.play} title={playing ? t.pause : t.play} onClick={togglePlay}>
          <Icon name={playing ? "pause" : "play"} />
        </button>
        <StepButton name={names.forward} title={t.forward} icon="forward" onClick={() => go(steps.next())} disabled={atEnd} />
        <StepButton name={names.last} title={t.last} icon="last" onClick={() => go(range.to)} disabled={atEnd} />
        <input
          type="range"
          aria-label={names.timeline}
          title={t.timeline}
          min={range.from}
          max={range.to}
          step={1}
          value={cursor}
          disabled={range.from === range.to}
          aria-valuetext={position}
          onChange={(e) => go(Number(e.target.value))}
          className="h-5 min-w-10 flex-1 cursor-pointer accent-indigo-600 dark:accent-indigo-400"
        />
        <p className="font-mono text-xs whitespace-nowrap text-slate-700 tabular-nums dark:text-slate-200">
          {position}
        </p>
        <a
          href={labLink}
          target="_blank"
          rel="noopener"
          title={t.openInLab}
          className="hidden max-w-[14rem] truncate text-xs text-indigo-800 underline sm:block dark:text-indigo-200"
        >
          {title} <span aria-hidden="true">↗</span>
          <span className="sr-only"> — {t.openInLab}</span>
        </a>
      </section>
    </div>
  );
}
