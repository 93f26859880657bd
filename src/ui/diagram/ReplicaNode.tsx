import type { ReplicaRow } from "../view/replicaRows";
import { STATE_STYLE, stateInfo, stateLabel } from "../view/replicaRows";
import { StateGlyph } from "../view/StateGlyph";
import { useWords } from "../i18n";
import type { Box } from "./layout";
import { TermTitle } from "../orient/TermTitle";

export function ReplicaNode({ row, box, received, unsentError }: { row: ReplicaRow; box: Box; received: string[]; unsentError: boolean }) {
  const r = row.current;
  const info = stateInfo(r);
  const style = STATE_STYLE[info.kind];
  const page = useWords().dict.page;
  const t = page.diagram;
  const { x, y, w, h } = box;
  const replstate = info.replstate !== null ? page.replicas.replstate(info.replstate) : "";
  const capa = r ? page.replicas.capa(r.capa) : "";
  return (
    <g>
      <rect data-box="" x={x} y={y} width={w} height={h} rx={8} className={`lit ${style.svgFill} ${style.svgStroke}`} strokeWidth={info.kind === "dropped" ? 2.2 : 1.8} strokeDasharray={info.kind === "none" ? "4 3" : undefined} />
      <text x={x + 8} y={y + 17} className="diagram-title fill-slate-900 dark:fill-slate-50">
        {r && <TermTitle text={r.command} />}
        {row.id}
        <tspan className="diagram-small font-normal fill-slate-700 dark:fill-slate-200">
          {r ? ` ${r.command}${r.conn > 1 ? t.conn(r.conn) : ""}` : t.replicaNotConnected}
        </tspan>
      </text>
      <g className={`${style.svgStroke.replace(/stroke-/g, "text-")}`}>
        <StateGlyph kind={info.kind} sub={info.sub} x={x + 8} y={y + 25} size={10} />
      </g>
      <text x={x + 22} y={y + 34} className="diagram-small fill-slate-950 font-mono font-bold dark:fill-white">
        {stateLabel(info.kind, page.replicas.notConnected)}
      </text>
      {(info.sub || info.replstate !== null) && (
        <text x={x + 8} y={y + 50} className="diagram-small fill-slate-700 dark:fill-slate-200">
          <TermTitle text={replstate} />
          {replstate}
          {info.sub ? ` · ${page.replicas.subs[info.sub]}` : ""}
        </text>
      )}
      {r && (
        <text x={x + 8} y={y + 66} className="diagram-small fill-slate-700 dark:fill-slate-200">
          <TermTitle text={capa} />
          {capa}
        </text>
      )}
      <text x={x + 8} y={y + 82} className="diagram-small fill-slate-900 font-mono dark:fill-slate-100">
        {received.slice(0, 2).join(" · ") || (r ? t.receivedNothing : "")}
      </text>
      <text x={x + 8} y={y + 98} className={`diagram-small font-mono ${unsentError ? "fill-rose-800 font-bold dark:fill-rose-200" : "fill-slate-900 dark:fill-slate-100"}`}>
        {unsentError ? t.errQueued : received.slice(2).join(" · ")}
      </text>
    </g>
  );
}
