import type { LastChild } from "../../store/derive";
import { useWords } from "../i18n";
import type { PageDict } from "../i18n";
import type { Box } from "./layout";

function status(c: LastChild, w: PageDict["diagram"]["childStatus"]): { text: string; glyph: string; tone: string } {
  if (c.reaped) return { text: c.killed ? w.reapedKilled : w.reaped, glyph: "○", tone: "stroke-slate-400 dark:stroke-slate-500" };
  if (c.killed) return { text: w.killed, glyph: "✕", tone: "stroke-rose-600 dark:stroke-rose-400" };
  if (c.exited) return { text: w.exited, glyph: "■", tone: "stroke-slate-600 dark:stroke-slate-300" };
  return { text: w.running, glyph: "●", tone: c.kind === "rdb-socket" ? "stroke-cyan-600 dark:stroke-cyan-400" : c.kind === "aof" ? "stroke-slate-600 dark:stroke-slate-300" : "stroke-amber-600 dark:stroke-amber-400" };
}

export function ChildNode({ box: { x, y, w, h }, child }: { box: Box; child: LastChild | null }) {
  const t = useWords().dict.page.diagram;
  const s = child && status(child, t.childStatus);
  return (
    <g>
      <rect
        data-box=""
        x={x}
        y={y}
        width={w}
        height={h}
        rx={8}
        className={s ? `lit fill-white dark:fill-slate-900 ${s.tone}` : "fill-transparent stroke-slate-400 dark:stroke-slate-500"}
        strokeWidth={child && !child.reaped ? 2 : 1.2}
        strokeDasharray={!child || child.reaped ? "4 3" : undefined}
      />
      {/* The pipe from the primary is the fork. */}
      <text x={x + w - 8} y={y + 17} textAnchor="end" className="diagram-small fill-slate-600 font-mono dark:fill-slate-300">
        {t.fork}
      </text>
      <text x={x + 8} y={y + 17} className="diagram-title fill-slate-900 dark:fill-slate-50">
        {child ? t.childTitle : t.childNone} <tspan className="font-mono">{child?.pid}</tspan>
      </text>
      <text x={x + 8} y={y + 34} className="diagram-small fill-slate-800 dark:fill-slate-100">
        {child ? t.childKind[child.kind] + (child.origin === "user" ? t.childUser : "") : t.noChild}
      </text>
      {s && (
        <text x={x + 8} y={y + 50} className="diagram-small fill-slate-800 font-semibold dark:fill-slate-100">
          {s.glyph} {s.text}
        </text>
      )}
    </g>
  );
}
