/**
 * The Messages view (loaded on first use, in the diagram panel's place): the sequence diagram of
 * the whole run, scrolled so the cursor line stays in view, with the lanes' titles kept at the
 * top and an export of the picture as SVG. Tab reaches the arrow at the cursor; ↑ ↓ move between
 * arrows; Enter or a click seeks the lab to an arrow's frame.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { stepStart } from "../../store/derive";
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

export default function SequencePanel() {
  const { dict: w } = useWords("sequence");
  const { trace, derived, cursor, stepSize, lecture, seek } = useLab(
    useShallow((s) => ({ trace: s.trace, derived: s.derived, cursor: s.cursor, stepSize: s.stepSize, lecture: s.panels.lecture, seek: s.seek })),
  );
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
  const tabbable = chosen && chosen.model === model && chosen.index < model.messages.length ? chosen.index : atCursor;

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
      exportSequenceSvg(svg.current, trace.scenarioId);
    } catch (e) {
      useLab.getState().showNotice(w.exportFailed(e instanceof Error ? e.message : String(e)));
    }
  };

  const width = Math.round(drawn * scale);
  return (
    <section aria-label={w.region} className="flex h-[28rem] min-h-0 flex-col lg:h-full">
      <div className="flex items-center justify-between gap-x-3 border-b border-slate-200 px-2 py-1 dark:border-slate-700">
        <p className="min-w-0 truncate text-[13px] text-slate-700 dark:text-slate-200">{w.hint}</p>
        <button
          type="button"
          onClick={onExport}
          className="shrink-0 rounded border border-slate-300 bg-white px-2 py-0.5 text-[13px] text-slate-900 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
        >
          {w.exportSvg}
        </button>
      </div>
      <div ref={scroller} className="relative min-h-0 flex-1 overflow-auto">
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
          onSeek={onSeek}
          onMove={onMove}
          className={lecture ? "-mt-[74px]" : "-mt-[48px]"}
        />
      </div>
    </section>
  );
}
