/**
 * One message of the sequence diagram: a focusable arrow (role button) from one lane to another
 * at its row. Enter, Space or a click takes the lab to the frame it happened at; ↑ and ↓ move to
 * the previous and next arrow. A reply that was queued and never sent stops short, at a "⊘";
 * a failed fork and a closed connection end in "✕".
 */
import { memo, type KeyboardEvent } from "react";
import type { SeqMessage } from "./sequenceModel";
import { CHANNEL, FUTURE, HALO, channelOf } from "./styles";

export type When = "past" | "now" | "future";

interface Props {
  m: SeqMessage;
  index: number;
  x1: number;
  x2: number;
  y: number;
  label: string;
  name: string;
  /** The note beside a stub ("queued, never sent"). */
  stubNote: string | null;
  when: When;
  tabbable: boolean;
  onSeek: (frame: number, index: number) => void;
  onMove: (index: number, by: number) => void;
}

/** How far a stub goes toward its replica before it stops. */
const STUB = 62;

function ArrowImpl({ m, index, x1, x2, y, label, name, stubNote, when, tabbable, onSeek, onMove }: Props) {
  const dir = x2 >= x1 ? 1 : -1;
  const stub = m.kind === "queued";
  const cross = (m.kind === "fork" && m.errno !== null) || m.kind === "close";
  const start = x1 + dir * 6;
  const end = stub ? x1 + dir * STUB : x2 - dir * (cross ? 12 : 7);
  const c = when === "future" ? FUTURE : CHANNEL[channelOf(m)];
  const dashed = stub || cross || m.kind === "keepalive" ? (m.kind === "keepalive" ? "2 3" : "5 4") : undefined;
  const width = m.kind === "rdb" ? 3 : when === "now" ? 2.25 : 1.5;
  const left = Math.min(x1, x2);
  const textX = left + 10;
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      e.stopPropagation();
      onSeek(m.frame, index);
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      e.stopPropagation();
      onMove(index, e.key === "ArrowDown" ? 1 : -1);
    }
  };
  return (
    <g
      role="button"
      tabIndex={tabbable ? 0 : -1}
      aria-label={name}
      data-index={index}
      data-kind={m.kind}
      data-frame={m.frame}
      aria-current={when === "now" ? "step" : undefined}
      onClick={() => onSeek(m.frame, index)}
      onKeyDown={onKeyDown}
      className="group cursor-pointer outline-none"
    >
      <rect
        x={left - 4}
        y={y - 21}
        width={Math.abs(x2 - x1) + 8}
        height={stub ? 40 : 28}
        rx={4}
        className="fill-transparent stroke-transparent group-hover:fill-indigo-50/70 group-focus-visible:stroke-indigo-600 group-focus-visible:stroke-2 dark:group-hover:fill-indigo-950/60 dark:group-focus-visible:stroke-indigo-300"
      />
      <line x1={start} y1={y} x2={end} y2={y} strokeWidth={width} strokeDasharray={dashed} className={c.stroke} />
      {stub ? (
        <g className={c.stroke} strokeWidth={1.75}>
          <circle cx={end + dir * 6} cy={y} r={6} className="fill-white dark:fill-slate-900" />
          <line x1={end + dir * 6 - 4} y1={y + 4} x2={end + dir * 6 + 4} y2={y - 4} />
        </g>
      ) : cross ? (
        <path d={`M${x2 - dir * 7 - 5} ${y - 5} l10 10 M${x2 - dir * 7 - 5} ${y + 5} l10 -10`} strokeWidth={2} className={c.stroke} />
      ) : (
        <path d={`M${x2 - dir} ${y} l${-dir * 9} -5 v10 z`} className={c.fill} />
      )}
      <text x={textX} y={y - 6} fontSize={13} className={`font-mono ${when === "now" ? "font-semibold" : ""} ${c.text} ${HALO}`}>
        {label}
      </text>
      {stub && stubNote && (
        <text x={end + dir * 16} y={y + 17} fontSize={13} className={`${c.text} ${HALO}`}>
          {stubNote}
        </text>
      )}
    </g>
  );
}

export const Arrow = memo(ArrowImpl);
