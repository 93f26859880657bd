import { useWords } from "../i18n";
import { idList, type ReplicaGroup } from "../view/replicaGroups";
import { STATE_STYLE, stateInfo, stateLabel } from "../view/replicaRows";
import { StateGlyph } from "../view/StateGlyph";
import type { DisklessStart } from "../../lesson/faults";
import type { Box } from "./layout";
import { DelayClock } from "./ReplicaNode";

/** The replicas in one state, drawn as one box: the state, how many, which, and what is stuck. */
export function GroupNode({ group, box, unsentErrors, delay }: { group: ReplicaGroup; box: Box; unsentErrors: number; delay: DisklessStart | null }) {
  const page = useWords().dict.page;
  const t = page.diagram;
  const info = stateInfo(group.rows[0]?.current ?? null);
  const style = STATE_STYLE[group.kind];
  const waitingAck = group.kind === "ONLINE" ? group.rows.filter((r) => stateInfo(r.current).sub === "waitingForAck").length : 0;
  const { x, y, w, h } = box;
  return (
    <g>
      {/* A stack: two offset outlines behind the box say "several". */}
      <rect x={x + 4} y={y - 3} width={w - 4} height={h} rx={8} className={`${style.svgFill} ${style.svgStroke}`} strokeWidth={1} opacity={0.6} />
      <rect data-box="" x={x} y={y} width={w} height={h} rx={8} className={`lit ${style.svgFill} ${style.svgStroke}`} strokeWidth={group.kind === "dropped" ? 2.2 : 1.8} strokeDasharray={group.kind === "none" ? "4 3" : undefined} />
      <g className={`${style.svgStroke.replace(/stroke-/g, "text-")}`}>
        <StateGlyph kind={group.kind} sub={info.sub} x={x + 8} y={y + 8} size={10} />
      </g>
      <text x={x + 22} y={y + 17} className="diagram-small fill-slate-950 font-mono font-bold dark:fill-white">
        {stateLabel(group.kind, page.replicas.notConnected)}
      </text>
      <text x={x + 8} y={y + 34} className="diagram-title fill-slate-900 dark:fill-slate-50">
        {t.groupCount(group.rows.length)}
      </text>
      {info.replstate !== null && group.kind !== "dropped" && (
        <text x={x + 8} y={y + 50} className="diagram-small fill-slate-700 dark:fill-slate-200">
          {page.replicas.replstate(info.replstate)}
        </text>
      )}
      <text x={x + 8} y={y + 66} className="diagram-small fill-slate-900 font-mono dark:fill-slate-100">
        {idList(
          group.rows.map((r) => r.id),
          21,
          t.groupMore,
        )}
      </text>
      {waitingAck > 0 && (
        <text x={x + 8} y={y + 82} className="diagram-small fill-slate-700 dark:fill-slate-200">
          {t.groupWaitingAck(waitingAck)}
        </text>
      )}
      {/* They all wait for the same cron run: the diskless delay counts from the longest-waiting one. */}
      {delay && <DelayClock x={x + 8} y={y + 98} delay={delay} />}
      {unsentErrors > 0 && (
        <text x={x + 8} y={y + 98} className="diagram-small fill-rose-800 font-mono font-bold dark:fill-rose-200">
          {t.groupErrQueued(unsentErrors)}
        </text>
      )}
    </g>
  );
}
