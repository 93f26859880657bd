import type { LastChild } from "../../store/derive";
import { CHILD as B } from "./layout";

const KIND_TEXT = { "rdb-disk": "RDB → disk", "rdb-socket": "RDB → sockets", aof: "AOF rewrite" } as const;

function status(c: LastChild): { text: string; glyph: string; tone: string } {
  if (c.reaped) return { text: c.killed ? "killed, reaped" : "exited, reaped", glyph: "○", tone: "stroke-slate-400 dark:stroke-slate-500" };
  if (c.killed) return { text: "killed (SIGKILL)", glyph: "✕", tone: "stroke-rose-600 dark:stroke-rose-400" };
  if (c.exited) return { text: "exited, not reaped", glyph: "■", tone: "stroke-slate-600 dark:stroke-slate-300" };
  return { text: "running", glyph: "●", tone: c.kind === "rdb-socket" ? "stroke-cyan-600 dark:stroke-cyan-400" : c.kind === "aof" ? "stroke-slate-600 dark:stroke-slate-300" : "stroke-amber-600 dark:stroke-amber-400" };
}

export function ChildNode({ child }: { child: LastChild | null }) {
  if (!child) {
    return (
      <g>
        <rect x={B.x} y={B.y} width={B.w} height={B.h} rx={8} className="fill-transparent stroke-slate-400 dark:stroke-slate-500" strokeDasharray="4 3" />
        <text x={B.x + 8} y={B.y + 18} className="diagram-text fill-slate-700 dark:fill-slate-200">
          forked child
        </text>
        <text x={B.x + 8} y={B.y + 36} className="diagram-small fill-slate-600 dark:fill-slate-300">
          none yet
        </text>
      </g>
    );
  }
  const s = status(child);
  return (
    <g>
      <rect
        x={B.x}
        y={B.y}
        width={B.w}
        height={B.h}
        rx={8}
        className={`lit fill-white dark:fill-slate-900 ${s.tone}`}
        strokeWidth={child.reaped ? 1.2 : 2}
        strokeDasharray={child.reaped ? "4 3" : undefined}
      />
      <text x={B.x + 8} y={B.y + 17} className="diagram-title fill-slate-900 dark:fill-slate-50">
        child <tspan className="font-mono">{child.pid}</tspan>
      </text>
      <text x={B.x + 8} y={B.y + 33} className="diagram-small fill-slate-800 dark:fill-slate-100">
        {KIND_TEXT[child.kind]}
        {child.origin === "user" ? " (user BGSAVE)" : ""}
      </text>
      <text x={B.x + 8} y={B.y + 50} className="diagram-small fill-slate-800 font-semibold dark:fill-slate-100">
        {s.glyph} {s.text}
      </text>
    </g>
  );
}
