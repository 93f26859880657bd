import type { ServerView } from "../../model";
import { AROUND } from "../../model/versions/around";
import type { RedisVersion } from "../../model/versions/names";
import { useWords } from "../i18n";
import type { Box } from "./layout";

/** The replication script cache (docs/behaviour.md §10); 7.0 has none (docs/versions.md §10), and says so. */
export function ScriptCacheNode({ box: { x, y, w, h }, server, flushedNow, redis }: { box: Box; server: ServerView; flushedNow: boolean; redis: RedisVersion }) {
  const n = server.scriptCache.length;
  const t = useWords().dict.page.diagram;
  return (
    <g>
      <rect
        data-box=""
        x={x}
        y={y}
        width={w}
        height={h}
        rx={6}
        className={`lit ${flushedNow ? "fill-indigo-100 stroke-indigo-600 dark:fill-indigo-950 dark:stroke-indigo-300" : "fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500"}`}
        strokeWidth={flushedNow ? 2 : 1.2}
      />
      <text x={x + 8} y={y + 17} className="diagram-small fill-slate-800 dark:fill-slate-100">
        {AROUND[redis].noScriptCache ? t.noScriptCache : t.scriptCache(n, server.scriptCacheFlushes, flushedNow)}
      </text>
    </g>
  );
}
