import type { CSSProperties } from "react";
import type { Channel } from "../view/stepMessages";
import { routePath, type Route } from "./layout";
import { StuckMark } from "./StuckMark";

const TONE: Record<Channel, string> = {
  control: "fill-white stroke-slate-600 dark:fill-slate-800 dark:stroke-slate-300",
  disk: "fill-amber-50 stroke-amber-600 dark:fill-amber-950 dark:stroke-amber-300",
  socket: "fill-cyan-50 stroke-cyan-600 dark:fill-cyan-950 dark:stroke-cyan-300",
  error: "",
  ack: "fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950 dark:stroke-emerald-300",
};

/** A token's width for its text (13-unit monospace, 0.6 em a character, and its padding). */
export const tokenWidth = (label: string) => label.length * 7.9 + 10;

/**
 * A message travelling along `path` (CSS motion path; keyframes in index.css) to where it rests,
 * the path's end. With reduced motion it simply sits there. Without a label it is the ✕ of a
 * queued -ERR that is never sent.
 */
export function MessageToken({ path, label, channel, delay }: { path: Route; label: string | null; channel: Channel; delay: number }) {
  const w = tokenWidth(label ?? "");
  const [x, y] = path[path.length - 1] as [number, number];
  const style = {
    "--route": `path("${routePath(path)}")`,
    "--xe": `${x}px`,
    "--ye": `${y}px`,
    animationDelay: `${delay}ms`,
  } as CSSProperties;
  return (
    <g className="msg-token" style={style}>
      {label === null ? (
        <StuckMark at={[0, 0]} />
      ) : (
        <>
          <rect data-box="" x={-w / 2} y={-9} width={w} height={18} rx={9} className={TONE[channel]} strokeWidth={1.3} />
          <text y={4} textAnchor="middle" className="diagram-small fill-slate-900 font-mono dark:fill-slate-50">
            {label}
          </text>
        </>
      )}
    </g>
  );
}
