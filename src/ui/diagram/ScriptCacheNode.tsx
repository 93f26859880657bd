import type { ServerView } from "../../model";
import { useWords } from "../i18n";
import { CACHE as B } from "./layout";

export function ScriptCacheNode({ server, flushedNow }: { server: ServerView; flushedNow: boolean }) {
  const n = server.scriptCache.length;
  const t = useWords().dict.page.diagram;
  return (
    <g>
      <rect
        x={B.x}
        y={B.y}
        width={B.w}
        height={B.h}
        rx={6}
        className={`lit ${flushedNow ? "fill-indigo-100 stroke-indigo-600 dark:fill-indigo-950 dark:stroke-indigo-300" : "fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500"}`}
        strokeWidth={flushedNow ? 2 : 1.2}
      />
      <text x={B.x + 8} y={B.y + 18} className="diagram-small fill-slate-800 dark:fill-slate-100">
        {t.scriptCache(n, server.scriptCacheFlushes, flushedNow)}
      </text>
    </g>
  );
}
