/** The lanes' titles at the top of the sequence diagram (drawn in the picture and, on screen, kept in view). */
import type { SequenceDict } from "../i18n";
import { STATE_STYLE } from "../view/replicaRows";
import { HEADER_H, GUTTER, textWidth } from "./sequenceLayout";
import type { Lane } from "./sequenceModel";
import { laneTitle } from "./words";

const BOX: Record<"child" | "primary" | "replica", string> = {
  child: "fill-violet-50 stroke-violet-500 dark:fill-violet-950 dark:stroke-violet-400",
  primary: "fill-indigo-50 stroke-indigo-500 dark:fill-indigo-950 dark:stroke-indigo-400",
  replica: "fill-slate-50 stroke-slate-500 dark:fill-slate-800 dark:stroke-slate-400",
};

export function LaneHeads({ lanes, laneX, width, w }: { lanes: Lane[]; laneX: number[]; width: number; w: SequenceDict }) {
  return (
    <g>
      <rect x={0} y={0} width={width} height={HEADER_H} className="fill-white dark:fill-slate-900" />
      <line x1={0} y1={HEADER_H - 0.5} x2={width} y2={HEADER_H - 0.5} className="stroke-slate-200 dark:stroke-slate-700" />
      <text x={GUTTER - 8} y={HEADER_H - 10} textAnchor="end" fontSize={13} className="fill-slate-700 dark:fill-slate-200">
        {w.lanes.time}
      </text>
      {lanes.map((lane, k) => {
        const x = laneX[k] as number;
        const { title, sub } = laneTitle(lane, w);
        const box = lane.kind === "group" ? STATE_STYLE[lane.state ?? "none"] : null;
        const half = Math.max(34, Math.min(80, textWidth(title, 7.5) / 2 + 12));
        return (
          <g key={lane.key}>
            <rect
              x={x - half}
              y={sub ? 4 : 9}
              width={half * 2}
              height={sub ? HEADER_H - 9 : HEADER_H - 18}
              rx={6}
              strokeWidth={1.5}
              className={box ? `${box.svgFill} ${box.svgStroke}` : BOX[lane.kind === "group" ? "replica" : lane.kind]}
            />
            <text x={x} y={sub ? 20 : 29} textAnchor="middle" fontSize={13} className="fill-slate-900 font-semibold dark:fill-slate-100">
              {title}
            </text>
            {sub && (
              <text x={x} y={37} textAnchor="middle" fontSize={13} className="fill-slate-700 dark:fill-slate-200">
                {sub}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}
