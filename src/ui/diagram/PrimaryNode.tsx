import type { ServerView } from "../../model";
import { Chip, chipWidth } from "./Chip";
import { useWords } from "../i18n";
import type { Box } from "./layout";
import { StuckMark } from "./StuckMark";
import { upstreamLink } from "../../lesson/faults";
import { FAULT_STROKE } from "./ChildNode";
import { idList } from "../view/replicaGroups";

/** Line k's baseline below the box's top: the title, the chips (18 units), then 16 a line. */
const line = (k: number) => 26 + 16 * k;

export function PrimaryNode({ box: { x, y, w, h }, server, pid }: { box: Box; server: ServerView; pid: number | null }) {
  const diskless = `repl-diskless-sync ${server.replDisklessSync ? "yes" : "no"}`;
  const t = useWords().dict.page.diagram;
  // In list order; a long list collapses runs and says how many more (it must fit the box).
  const slaves = idList(server.slaves.map((k) => k.split("#")[0] as string), 16, t.groupMore) || "—";
  const text = "diagram-small fill-slate-700 font-mono dark:fill-slate-200";
  return (
    <g>
      <rect data-box="" x={x} y={y} width={w} height={h} rx={8} className="fill-white stroke-slate-700 dark:fill-slate-900 dark:stroke-slate-300" strokeWidth={1.8} />
      <text x={x + 8} y={y + 17} className="diagram-title fill-slate-900 dark:fill-slate-50">
        {server.role === "master" ? t.primary : t.primaryReplica}
        {pid !== null && <tspan className="diagram-small fill-slate-600 dark:fill-slate-300">{t.pid(pid)}</tspan>}
      </text>
      <Chip x={x + 8} y={y + 23} text={diskless} on={server.replDisklessSync} />
      <Chip x={x + 12 + chipWidth(diskless)} y={y + 23} text={`delay ${server.replDisklessSyncDelay}`} />
      <text x={x + 8} y={y + line(2)} className={text}>
        replid {server.replid.slice(0, 8)}… offset {server.masterReplOffset}
      </text>
      <text x={x + 8} y={y + line(3)} className={text}>
        {t.backlog(!!server.replBacklog)} · {t.unixtime} {server.unixtime}
      </text>
      <text x={x + 8} y={y + line(4)} className={text}>
        server.slaves: {slaves}
      </text>
      {server.role === "replica" && <UpstreamLink x={x + 8} y={y + line(5)} state={upstreamLink(server)} />}
    </g>
  );
}

/**
 * This server's own link to its master (it is a replica in a chain), drawn as a short pipe coming
 * in: whole while linked; cut by a ✕ once lost — with no cached master, rdbPopulateSaveInfo then
 * returns NULL (docs/behaviour.md §5).
 */
function UpstreamLink({ x, y, state }: { x: number; y: number; state: "linked" | "cached" | "lost" }) {
  const t = useWords().dict.page.diagram.fault;
  const cut = state !== "linked";
  const mid = y - 4;
  return (
    <g>
      <title>{t.upstreamTitle(state)}</title>
      <path
        d={`M${x} ${mid}H${x + 26}`}
        className={`fill-none ${cut ? FAULT_STROKE : "stroke-slate-500 dark:stroke-slate-400"}`}
        strokeWidth={2}
        strokeDasharray={cut ? "3 3" : undefined}
        markerEnd={cut ? undefined : "url(#arrow-control)"}
      />
      {cut && <StuckMark at={[x + 13, mid]} />}
      <text x={x + 32} y={y} className={`diagram-small ${cut ? "fill-rose-800 font-semibold dark:fill-rose-200" : "fill-slate-700 dark:fill-slate-200"}`}>
        {t.upstream(state)}
      </text>
    </g>
  );
}
