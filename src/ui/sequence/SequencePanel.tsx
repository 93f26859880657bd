/**
 * The Messages view (loaded on first use, in the diagram panel's place): the sequence diagram of
 * the whole run, scrolled so the cursor line stays in view, with the lanes' titles kept at the
 * top and an export of the picture as SVG. Tab reaches the arrow at the cursor; ↑ ↓ move between
 * arrows; Enter or a click seeks the lab to an arrow's frame.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useShallow } from "zustand/react/shallow";
import { stepStart } from "../../store/derive";
import { predictionKey } from "../../store/slices/progressSlice";
import { useNarration } from "../explain/narrated";
import { useLab } from "../../store/labStore";
import { useWords } from "../i18n";
import { exportSequenceSvg } from "./exportSequence";
import { LaneHeads } from "./LaneHeads";
import { drawnWidth, HEADER_H, sequenceLayout } from "./sequenceLayout";
import { sequenceModel } from "./sequenceModel";
import { SequenceSvg } from "./SequenceSvg";
import { laneTitle, messageLabel } from "./words";

/** Lecture mode: diagram text at least 20 px (13 px × 1.55). */
const LECTURE_SCALE = 1.55;

/** `tools`: where the hint and the export button go (the diagram panel's header), if given. */
export default function SequencePanel({ tools }: { tools?: HTMLElement | null }) {
  const { dict: w } = useWords("sequence");
  const { dict: page, lang } = useWords();
  const { trace, derived, cursor, stepSize, lecture, seek, scenario, guesses, skipped } = useLab(
    useShallow((s) => ({
      trace: s.trace,
      derived: s.derived,
      cursor: s.cursor,
      stepSize: s.stepSize,
      lecture: s.panels.lecture,
      seek: s.seek,
      scenario: s.scenario,
      guesses: s.guesses,
      skipped: s.skipped,
    })),
  );
  // While a prediction question waits for its answer, what comes after the cursor stays hidden:
  // the diagram would otherwise give the answer away.
  const { asks } = useNarration(scenario, trace, cursor);
  const veiled = asks.some((a) => {
    const key = predictionKey(scenario.id, a.index);
    return !(key in guesses) && !skipped[key];
  });
  const model = sequenceModel(trace);
  const layout = sequenceLayout(model);
  const scale = lecture ? LECTURE_SCALE : 1;
  const drawn = useMemo(
    () =>
      drawnWidth(
        model,
        layout,
        (k) => messageLabel(model.messages[k] as (typeof model.messages)[number], w),
        (k) => laneTitle(model.lanes[k] as (typeof model.lanes)[number], w).title,
      ),
    [model, layout, w],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  // The arrow Tab lands on: the one last chosen, else the last one at or before the cursor.
  const [chosen, setChosen] = useState<{ model: unknown; index: number } | null>(null);
  const atCursor = Math.max(0, layout.lastAt(cursor));
  const chosenIndex = chosen && chosen.model === model && chosen.index < model.messages.length ? chosen.index : atCursor;
  const tabbable = veiled ? Math.min(chosenIndex, atCursor) : chosenIndex;
  const reachable = model.messages.length > 0 && !(veiled && layout.lastAt(cursor) < 0);

  // A step elsewhere (the controls, the keyboard) hands Tab back to the arrow at the cursor.
  useEffect(() => {
    setChosen((c) => (c && c.model === model && document.activeElement?.closest("[data-index]") ? c : null));
  }, [cursor, model]);

  // Keep the cursor line in view (the lane titles cover the top of the box).
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const y = layout.cursorY(cursor) * scale;
    const top = box.scrollTop + HEADER_H * scale;
    const bottom = box.scrollTop + box.clientHeight - 24;
    if (y < top || y > bottom) {
      const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
      box.scrollTo({ top: Math.max(0, y - box.clientHeight / 2), behavior: reduced ? "auto" : "smooth" });
    }
  }, [cursor, layout, scale]);

  const onSeek = useCallback(
    (frame: number, index: number) => {
      setChosen({ model, index });
      seek(frame);
    },
    [model, seek],
  );
  const onMove = useCallback(
    (index: number, by: number) => {
      const next = Math.max(0, Math.min(model.messages.length - 1, index + by));
      setChosen({ model, index: next });
      scroller.current?.querySelector<SVGGElement>(`[data-index="${next}"]`)?.focus();
    },
    [model],
  );

  const onExport = () => {
    if (!svg.current) return;
    try {
      exportSequenceSvg(svg.current, trace.scenarioId, page, lang);
    } catch (e) {
      useLab.getState().showNotice(w.exportFailed(e instanceof Error ? e.message : String(e)));
    }
  };

  const width = Math.round(drawn * scale);
  const toolbar = (
    <>
      <p className="hidden min-w-0 truncate text-[13px] text-slate-700 sm:block dark:text-slate-200">{w.hint}</p>
      <button
        type="button"
        aria-label={w.exportSvg}
        title={w.exportSvg}
        onClick={onExport}
        className="inline-flex shrink-0 items-center gap-1 rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs text-slate-900 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round">
          <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
        </svg>
        SVG
      </button>
    </>
  );
  return (
    <section aria-label={w.region} className="flex h-[28rem] min-h-0 flex-col lg:h-full">
      {tools ? createPortal(toolbar, tools) : <div className="flex items-center justify-end gap-2 border-b border-slate-200 px-2 py-1 dark:border-slate-700">{toolbar}</div>}
      {/* With no arrow to reach (none yet, or all after a waiting question) the box itself takes the focus, to scroll. */}
      <div ref={scroller} tabIndex={reachable ? undefined : 0} className="scroll-box relative min-h-0 flex-1 overflow-auto">
        {/* The lanes' titles stay in view while the messages scroll under them. */}
        <div aria-hidden="true" className="sticky top-0 z-10 w-max">
          <svg width={width} height={Math.round(HEADER_H * scale)} viewBox={`0 0 ${drawn} ${HEADER_H}`} className="block font-sans">
            <LaneHeads lanes={model.lanes} laneX={layout.laneX} width={drawn} w={w} />
          </svg>
        </div>
        <SequenceSvg
          ref={svg}
          model={model}
          layout={layout}
          width={drawn}
          w={w}
          cursor={cursor}
          stepFrom={stepStart(derived, cursor, stepSize)}
          scale={scale}
          tabbable={tabbable}
          horizon={veiled ? cursor : null}
          onSeek={onSeek}
          onMove={onMove}
          className={lecture ? "-mt-[74px]" : "-mt-[48px]"}
        />
      </div>
    </section>
  );
}
