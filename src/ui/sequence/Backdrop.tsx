/**
 * What lies under the arrows: the lanes' lifelines, the waits as bands, each child's life as a
 * bar (✕ where it was killed or failed), the breaks where a long idle gap was cut short, and the
 * times in the gutter.
 */
import { memo } from "react";
import { formatSeconds } from "../../model/format";
import type { SequenceDict } from "../i18n";
import { GUTTER, HEADER_H, textWidth, type SequenceLayout } from "./sequenceLayout";
import { PRIMARY_LANE, type SequenceModel } from "./sequenceModel";
import { BAND, CHILD_BAR, HALO } from "./styles";
import { bandName, bandText, childName, childText } from "./words";

/** A band's label runs down its side when there is room for it (13 px sans: about 7.2 px a letter). */
const CHAR = 7.2;

function BackdropImpl({ model, layout, width, w, horizon }: { model: SequenceModel; layout: SequenceLayout; width: number; w: SequenceDict; horizon: number | null }) {
  const { laneX, height } = layout;
  // With a horizon (a question waits), nothing is drawn below the cursor line.
  const bottom = horizon === null ? height - 18 : layout.cursorY(horizon);
  const visible = (frame: number) => horizon === null || frame <= horizon;
  const clip = (y: number) => Math.min(y, bottom);
  let lastTime = "";
  // The waits and the children's lives, where they are drawn (for the labels in the breaks).
  const spans: Span[] = [
    ...model.bands.filter((b) => visible(b.frame)).map((b) => ({
      key: `b${b.lane}:${b.kind}:${b.frame}`,
      lane: b.lane,
      y1: layout.yOfFrame(b.frame),
      y2: b.endFrame === null ? bottom : clip(layout.yOfFrame(b.endFrame)),
      text: bandText(b, w),
      className: BAND[b.kind].text,
    })),
    ...model.children.filter((c) => visible(c.frame)).map((c) => ({
      key: `c${c.pid}`,
      lane: 0,
      y1: layout.yOfFrame(c.frame),
      y2: c.endFrame === null ? bottom : clip(layout.yOfFrame(c.endFrame)),
      text: childText(c, w),
      className: "fill-slate-800 dark:fill-slate-100",
    })),
  ];
  return (
    <g>
      {laneX.map((x, k) => (
        <line key={k} x1={x} y1={HEADER_H} x2={x} y2={bottom} strokeDasharray="4 4" className="stroke-slate-300 dark:stroke-slate-600" />
      ))}

      {layout.breaks.filter((b) => b.y < bottom).map((b, k) => (
        <g key={`break${k}`} role="img" aria-label={w.gapName((b.gap / 1000).toFixed(1))}>
          <rect x={GUTTER} y={b.y - 8} width={width - GUTTER} height={16} className="fill-slate-100 dark:fill-slate-800" />
          {laneX.map((x, j) => (
            <path key={j} d={`M${x - 7} ${b.y - 1} l14 -6 M${x - 7} ${b.y + 6} l14 -6`} strokeWidth={1.5} className="stroke-slate-500 dark:stroke-slate-400" />
          ))}
          <text x={GUTTER - 6} y={b.y + 4.5} textAnchor="end" fontSize={13} className="fill-slate-700 dark:fill-slate-200">
            {w.gap((b.gap / 1000).toFixed(b.gap >= 10_000 ? 0 : 1))}
          </text>
          {/* A wait that spans the cut says what it is there, where there is room for it. */}
          {breakLabels(b.y, spans, laneX).map((l) => (
            <text key={l.key} x={l.x} y={b.y + 4.5} textAnchor={l.anchor} fontSize={13} className={l.className}>
              {l.text}
            </text>
          ))}
        </g>
      ))}

      {model.bands.map((b, k) => {
        if (!visible(b.frame)) return null;
        const x = laneX[b.lane] as number;
        const y1 = layout.yOfFrame(b.frame);
        const y2 = b.endFrame === null ? bottom : Math.max(y1 + 8, clip(layout.yOfFrame(b.endFrame)));
        const name = bandName(b, model.lanes, w, horizon !== null && !visible(b.endFrame ?? Infinity));
        const text = bandText(b, w);
        // On the primary the label sits to its left (toward the child); on a replica, to its right.
        const side = b.lane === PRIMARY_LANE ? -1 : 1;
        const bx = side < 0 ? x - 18 : x + 6;
        const fits = y2 - y1 > textWidth(text, CHAR) + 8;
        // Rotated a quarter turn, the glyphs stand to the right of their baseline.
        const tx = side < 0 ? bx - 14 : bx + 15;
        return (
          <g key={`band${k}`} role="img" aria-label={name}>
            <title>{name}</title>
            <rect x={bx} y={y1} width={12} height={y2 - y1} rx={3} strokeWidth={1} className={BAND[b.kind].rect} />
            {fits && (
              <text
                x={tx}
                y={y1 + 4}
                transform={`rotate(90 ${tx} ${y1 + 4})`}
                fontSize={13}
                className={`${BAND[b.kind].text} ${HALO}`}
              >
                {text}
              </text>
            )}
          </g>
        );
      })}

      {model.children.map((c) => {
        if (!visible(c.frame)) return null;
        const x = laneX[0] as number;
        const y1 = layout.yOfFrame(c.frame);
        const y2 = c.endFrame === null ? bottom : Math.max(y1 + 10, clip(layout.yOfFrame(c.endFrame)));
        const text = childText(c, w);
        const fits = y2 - y1 > textWidth(text, CHAR) + 8;
        const ended = (c.outcome === "killed" || c.outcome === "failed") && visible(c.endFrame ?? Infinity);
        const name = childName(c, w, horizon !== null && !visible(c.endFrame ?? Infinity));
        return (
          <g key={`child${c.pid}`} role="img" aria-label={name}>
            <title>{name}</title>
            <rect x={x - 7} y={y1} width={14} height={y2 - y1} rx={2} strokeWidth={1.5} className={CHILD_BAR[c.child]} />
            {fits && (
              <text x={x - 22} y={y1 + 4} transform={`rotate(90 ${x - 22} ${y1 + 4})`} fontSize={13} className={`fill-slate-800 dark:fill-slate-100 ${HALO}`}>
                {text}
              </text>
            )}
            {ended && <path d={`M${x - 8} ${y2 - 8} l16 16 M${x - 8} ${y2 + 8} l16 -16`} strokeWidth={2.5} className="stroke-rose-600 dark:stroke-rose-400" />}
          </g>
        );
      })}

      {model.messages.map((m, k) => {
        if (!visible(m.frame)) return null;
        const t = formatSeconds(m.t);
        if (t === lastTime) return null;
        lastTime = t;
        return (
          <text key={`t${k}`} x={GUTTER - 8} y={(layout.rowY[k] as number) + 4.5} textAnchor="end" fontSize={13} className="fill-slate-700 tabular-nums dark:fill-slate-200">
            {t}
          </text>
        );
      })}
    </g>
  );
}

export const Backdrop = memo(BackdropImpl);

interface Span {
  key: string;
  lane: number;
  y1: number;
  y2: number;
  text: string;
  className: string;
}

/** Labels for the spans crossing a break at y: beside their lane, none overlapping another. */
function breakLabels(y: number, spans: Span[], laneX: number[]): { key: string; x: number; anchor: "start" | "end"; text: string; className: string }[] {
  const out: { key: string; x: number; anchor: "start" | "end"; text: string; className: string }[] = [];
  const taken: [number, number][] = [];
  for (const s of spans) {
    if (!(s.y1 < y - 8 && s.y2 > y + 8)) continue;
    const x = laneX[s.lane] as number;
    const len = textWidth(s.text, CHAR);
    // Replicas' labels sit left of their lane, the child's and the primary's to the right.
    const left = s.lane > PRIMARY_LANE;
    const a = left ? x - 14 - len : x + 14;
    const b = a + len;
    if (a < GUTTER || taken.some(([p, q]) => a < q + 8 && b > p - 8)) continue;
    taken.push([a, b]);
    out.push({ key: s.key, x: left ? x - 14 : x + 14, anchor: left ? "end" : "start", text: s.text, className: s.className });
  }
  return out;
}
