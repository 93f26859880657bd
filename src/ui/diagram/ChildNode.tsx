import type { LastChild } from "../../store/derive";
import { useWords } from "../i18n";
import type { PageDict } from "../i18n";
import { CHILD as B } from "./layout";

function status(c: LastChild, w: PageDict["diagram"]["childStatus"]): { text: string; glyph: string; tone: string } {
  if (c.reaped) return { text: c.killed ? w.reapedKilled : w.reaped, glyph: "○", tone: "stroke-slate-400 dark:stroke-slate-500" };
  if (c.killed) return { text: w.killed, glyph: "✕", tone: "stroke-rose-600 dark:stroke-rose-400" };
  if (c.exited) return { text: w.exited, glyph: "■", tone: "stroke-slate-600 dark:stroke-slate-300" };
  return { text: w.running, glyph: "●", tone: c.kind === "rdb-socket" ? "stroke-cyan-600 dark:stroke-cyan-400" : c.kind === "aof" ? "stroke-slate-600 dark:stroke-slate-300" : "stroke-amber-600 dark:stroke-amber-400" };
}

export function ChildNode({ child }: { child: LastChild | null }) {
  const t = useWords().dict.page.diagram;
  if (!child) {
    return (
      <g>
        <rect x={B.x} y={B.y} width={B.w} height={B.h} rx={8} className="fill-transparent stroke-slate-400 dark:stroke-slate-500" strokeDasharray="4 3" />
        <text x={B.x + 8} y={B.y + 18} className="diagram-text fill-slate-700 dark:fill-slate-200">
          {t.childNone}
        </text>
        <text x={B.x + 8} y={B.y + 36} className="diagram-small fill-slate-600 dark:fill-slate-300">
          {t.noChild}
        </text>
      </g>
    );
  }
  const s = status(child, t.childStatus);
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
        {t.childTitle} <tspan className="font-mono">{child.pid}</tspan>
      </text>
      <text x={B.x + 8} y={B.y + 33} className="diagram-small fill-slate-800 dark:fill-slate-100">
        {t.childKind[child.kind]}
        {child.origin === "user" ? t.childUser : ""}
      </text>
      <text x={B.x + 8} y={B.y + 50} className="diagram-small fill-slate-800 font-semibold dark:fill-slate-100">
        {s.glyph} {s.text}
      </text>
    </g>
  );
}
