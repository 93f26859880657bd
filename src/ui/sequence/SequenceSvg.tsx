/**
 * The sequence diagram as one SVG, drawn at its own size (lecture mode scales it up): lane titles,
 * the backdrop (lifelines, bands, the children's bars, breaks, times), the arrows and the cursor
 * line at the current frame. The same element is what "Export messages as SVG" saves.
 */
import { forwardRef, useCallback, useMemo } from "react";
import type { SequenceDict } from "../i18n";
import { Arrow, type When } from "./Arrow";
import { Backdrop } from "./Backdrop";
import { LaneHeads } from "./LaneHeads";
import { GUTTER, type SequenceLayout } from "./sequenceLayout";
import type { SequenceModel } from "./sequenceModel";
import { laneTitle, messageLabel, messageName } from "./words";
import { Legend, legendRows } from "./Legend";

interface Props {
  model: SequenceModel;
  layout: SequenceLayout;
  /** The picture's width (its words may reach past the last lane). */
  width: number;
  w: SequenceDict;
  cursor: number;
  /** The first frame of the current step (its arrows are drawn bold). */
  stepFrom: number;
  scale: number;
  /** The arrow Tab lands on. */
  tabbable: number;
  /** Draw nothing after this frame (a question waits for its answer), or null for the whole run. */
  horizon: number | null;
  onSeek: (frame: number, index: number) => void;
  onMove: (index: number, by: number) => void;
  className?: string;
}

export const SequenceSvg = forwardRef<SVGSVGElement, Props>(function SequenceSvg(
  { model, layout, width, w, cursor, stepFrom, scale, tabbable, horizon, onSeek, onMove, className },
  ref,
) {
  const { laneX, rowY } = layout;
  // The words change with the trace and the language only, not with each step.
  const words = useMemo(() => model.messages.map((m) => ({ label: messageLabel(m, w), name: messageName(m, model.lanes, w) })), [model, w]);
  const legend = legendRows(w, width);
  const height = layout.height + legend.height;
  const cy = layout.cursorY(cursor);
  const lanes = model.lanes.map((l) => laneTitle(l, w).title).join(", ");
  const seek = useCallback((frame: number, index: number) => onSeek(frame, index), [onSeek]);
  return (
    <svg
      ref={ref}
      width={Math.round(width * scale)}
      height={Math.round(height * scale)}
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-labelledby="sequence-title"
      aria-describedby="sequence-desc"
      className={`block select-none font-sans ${className ?? ""}`}
    >
      <title id="sequence-title">{w.title}</title>
      <desc id="sequence-desc">{w.desc(lanes, model.messages.length)}</desc>
      <Backdrop model={model} layout={layout} width={width} w={w} horizon={horizon} />
      <LaneHeads lanes={model.lanes} laneX={laneX} width={width} w={w} />
      {model.messages.map((m, k) => {
        if (horizon !== null && m.frame > horizon) return null;
        const when: When = m.frame > cursor ? "future" : m.lastFrame >= stepFrom ? "now" : "past";
        return (
          <Arrow
            key={m.id}
            m={m}
            index={k}
            x1={laneX[m.from] as number}
            x2={laneX[m.to] as number}
            y={rowY[k] as number}
            label={words[k]?.label ?? ""}
            name={words[k]?.name ?? ""}
            stubNote={m.kind === "queued" ? (m.error || m.closed ? w.queued : w.stillQueued) : null}
            when={when}
            tabbable={k === tabbable}
            onSeek={seek}
            onMove={onMove}
          />
        );
      })}
      <g aria-hidden="true" className="pointer-events-none">
        <line x1={GUTTER + 2} y1={cy} x2={width - 4} y2={cy} strokeWidth={2} className="stroke-indigo-600 dark:stroke-indigo-300" />
        <text x={width - 4} y={cy - 4} textAnchor="end" fontSize={13} className="fill-indigo-700 font-semibold dark:fill-indigo-200">
          {w.now}
        </text>
      </g>
      {horizon !== null && (
        <text x={GUTTER + 10} y={cy + 22} fontSize={13} className="fill-slate-700 dark:fill-slate-200">
          {w.veiled}
        </text>
      )}
      {model.messages.length === 0 && (
        <text x={GUTTER + 10} y={layout.height / 2} fontSize={13} className="fill-slate-700 dark:fill-slate-200">
          {w.empty}
        </text>
      )}
      <Legend y={layout.height} items={legend.items} label={w.legend.label} />
    </svg>
  );
});
