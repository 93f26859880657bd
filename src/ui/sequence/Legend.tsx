/** The colours of the sequence diagram, at its foot (so an exported picture explains itself). */
import type { SequenceDict } from "../i18n";
import { GUTTER } from "./sequenceLayout";
import { CHANNEL, type Channel } from "./styles";

const ORDER: Channel[] = ["control", "disk", "socket", "stream", "process", "error"];
const ROW_H = 20;
/** A rough width of a 13 px character of the legend's text (CJK characters are wider). */
const charWidth = (c: string) => (c.charCodeAt(0) > 0x2e80 ? 13 : 7);

export interface LegendItem {
  channel: Channel;
  text: string;
  x: number;
  y: number;
}

/** The items laid out in rows that fit the picture's width. */
export function legendRows(w: SequenceDict, width: number): { items: LegendItem[]; height: number } {
  const items: LegendItem[] = [];
  let x = GUTTER;
  let y = 0;
  for (const channel of ORDER) {
    const text = w.legend[channel];
    const size = 30 + [...text].reduce((n, c) => n + charWidth(c), 0) + 16;
    if (x + size > width - 8 && x > GUTTER) {
      x = GUTTER;
      y += ROW_H;
    }
    items.push({ channel, text, x, y });
    x += size;
  }
  return { items, height: y + ROW_H + 10 };
}

export function Legend({ y, items, label }: { y: number; items: LegendItem[]; label: string }) {
  return (
    <g role="list" aria-label={label} transform={`translate(0 ${y})`}>
      {items.map((it) => (
        <g key={it.channel} role="listitem">
          <line x1={it.x} y1={it.y + 10} x2={it.x + 24} y2={it.y + 10} strokeWidth={2.5} className={CHANNEL[it.channel].stroke} />
          <text x={it.x + 30} y={it.y + 14.5} fontSize={13} className="fill-slate-800 dark:fill-slate-100">
            {it.text}
          </text>
        </g>
      ))}
    </g>
  );
}
