import type { ServerView } from "../../model";
import { Chip, chipWidth } from "./Chip";
import { useWords } from "../i18n";
import { PRIMARY as B } from "./layout";
import { idList } from "../view/replicaGroups";

export function PrimaryNode({ server, pid }: { server: ServerView; pid: number | null }) {
  const diskless = `repl-diskless-sync ${server.replDisklessSync ? "yes" : "no"}`;
  const delay = `delay ${server.replDisklessSyncDelay}`;
  const t = useWords().dict.page.diagram;
  // In list order; a long list collapses runs and says how many more (it must fit the box).
  const slaves = idList(server.slaves.map((k) => k.split("#")[0] as string), 18, t.groupMore) || "—";
  return (
    <g>
      <rect x={B.x} y={B.y} width={B.w} height={B.h} rx={8} className="fill-white stroke-slate-700 dark:fill-slate-900 dark:stroke-slate-300" strokeWidth={1.8} />
      <text x={B.x + 8} y={B.y + 16} className="diagram-title fill-slate-900 dark:fill-slate-50">
        {server.role === "master" ? t.primary : t.primaryReplica}
        {pid !== null && <tspan className="diagram-small fill-slate-600 dark:fill-slate-300">{t.pid(pid)}</tspan>}
      </text>
      <Chip x={B.x + 8} y={B.y + 23} text={diskless} on={server.replDisklessSync} />
      <Chip x={B.x + 12 + chipWidth(diskless)} y={B.y + 23} text={delay} />
      <text x={B.x + 8} y={B.y + 54} className="diagram-small fill-slate-700 font-mono dark:fill-slate-200">
        replid {server.replid.slice(0, 8)}… offset {server.masterReplOffset}
      </text>
      <text x={B.x + 8} y={B.y + 68} className="diagram-small fill-slate-700 font-mono dark:fill-slate-200">
        {t.backlog(!!server.replBacklog)} · {t.unixtime} {server.unixtime}
      </text>
      <text x={B.x + 8} y={B.y + 82} className="diagram-small fill-slate-700 font-mono dark:fill-slate-200">
        server.slaves: {slaves}
      </text>
      {server.role === "replica" && (
        <text x={B.x + 8} y={B.y + 96} className="diagram-small fill-slate-700 font-mono dark:fill-slate-200">
          {t.upstream(server.upstreamConnected ? "linked" : server.hasCachedMaster ? "cached" : "lost")}
        </text>
      )}
    </g>
  );
}
