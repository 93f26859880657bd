import type { CSSProperties } from "react";
import type { Channel } from "../view/stepMessages";
import { pointAlong, routeLength, routePath, type Point, type Route } from "./layout";

const TONE: Record<Channel, string> = {
  control: "fill-white stroke-slate-600 dark:fill-slate-800 dark:stroke-slate-300",
  disk: "fill-amber-50 stroke-amber-600 dark:fill-amber-950 dark:stroke-amber-300",
  socket: "fill-cyan-50 stroke-cyan-600 dark:fill-cyan-950 dark:stroke-cyan-300",
  error: "fill-rose-50 stroke-rose-600 dark:fill-rose-950 dark:stroke-rose-300",
  ack: "fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950 dark:stroke-emerald-300",
};

/**
 * A message travelling along a route (CSS motion path; keyframes in index.css). With reduced
 * motion it simply sits where it ends. `stop` < 1 leaves it part-way: the -ERR never sent.
 */
export function MessageToken({
  route,
  label,
  channel,
  delay = 0,
  reverse = false,
  stop = 1,
  slot = 0,
}: {
  route: Route;
  label: string;
  channel: Channel;
  delay?: number;
  reverse?: boolean;
  stop?: number;
  /** Position in the queue of messages on the same pipe: later ones wait further back. */
  slot?: number;
}) {
  const pts = reverse ? ([...route].reverse() as Route) : route;
  const w = Math.max(24, label.length * 6.1 + 10);
  // A delivered message stops with its nose at the receiving node, not on top of it.
  const total = routeLength(pts) || 1;
  const at = Math.max(0.05, Math.min(stop, 1 - (w / 2 + 3) / total) - (slot * 62) / total);
  const end: Point = pointAlong(pts, at);
  const style = {
    "--route": `path("${routePath(pts)}")`,
    "--stop": `${(at * 100).toFixed(2)}%`,
    "--xe": `${end[0]}px`,
    "--ye": `${end[1]}px`,
    animationDelay: `${delay}ms`,
  } as CSSProperties;
  return (
    <g className="msg-token" style={style}>
      <rect x={-w / 2} y={-8} width={w} height={16} rx={8} className={TONE[channel]} strokeWidth={1.3} />
      <text y={3.5} textAnchor="middle" className="diagram-small fill-slate-900 font-mono dark:fill-slate-50">
        {label}
      </text>
    </g>
  );
}
