import { secondsText, type DisklessStart, type SilenceTimer } from "../../lesson/faults";
import type { ReplicaRow } from "../view/replicaRows";
import { STATE_STYLE, stateInfo, stateLabel } from "../view/replicaRows";
import { StateGlyph } from "../view/StateGlyph";
import { useWords } from "../i18n";
import type { Box } from "./layout";
import { TermTitle } from "../orient/TermTitle";

/**
 * One replica: its state, capabilities, what reached it and what is stuck — and, when it waits on a
 * clock, the countdown: the diskless delay before its BGSAVE starts (docs/behaviour.md §9), or, left
 * in silence by a failed BGSAVE, its own repl-timeout (docs/behaviour.md §8). A silent connection is
 * dead on the primary, so its card gives the capabilities' line to what it received.
 */
export function ReplicaNode({
  row,
  box,
  received,
  unsentError,
  timer,
  delay,
}: {
  row: ReplicaRow;
  box: Box;
  received: string[];
  unsentError: boolean;
  timer: SilenceTimer | null;
  delay: DisklessStart | null;
}) {
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
      {r && !timer && (
        <text x={x + 8} y={y + 66} className="diagram-small fill-slate-700 dark:fill-slate-200">
          <TermTitle text={capa} />
          {capa}
        </text>
      )}
      <text x={x + 8} y={y + (timer ? 66 : 82)} className="diagram-small fill-slate-900 font-mono dark:fill-slate-100">
        {received.slice(0, 2).join(" · ") || (r ? t.receivedNothing : "")}
      </text>
      <text x={x + 8} y={y + (timer ? 82 : 98)} className={`diagram-small font-mono ${unsentError ? "fill-rose-800 font-bold dark:fill-rose-200" : "fill-slate-900 dark:fill-slate-100"}`}>
        {unsentError ? t.errQueued : timer || delay ? "" : received.slice(2).join(" · ")}
      </text>
      {timer && <SilenceClock x={x + 8} y={y + 98} id={row.id} timer={timer} />}
      {!timer && delay && <DelayClock x={x + 8} y={y + 98} delay={delay} />}
    </g>
  );
}

/** The repl-timeout the silent replica's own cron will hit, or that an old SYNC client has none. */
function SilenceClock({ x, y, id, timer }: { x: number; y: number; id: string; timer: SilenceTimer }) {
  const t = useWords().dict.page.diagram.fault;
  return (
    <text x={x} y={y} className="diagram-small fill-rose-800 font-semibold dark:fill-rose-200">
      {timer.kind === "none" ? (
        <>
          <title>{t.noTimeoutTitle(id)}</title>
          {t.noTimeout}
        </>
      ) : (
        <>
          <title>{t.timeoutTitle(id, timer.lastio, timer.replTimeout, secondsText(timer.at), secondsText(timer.left))}</title>{t.timeoutIn(secondsText(timer.left))}
        </>
      )}
    </text>
  );
}

/** When replicationCron will start the BGSAVE this replica waits for. */
export function DelayClock({ x, y, delay }: { x: number; y: number; delay: DisklessStart }) {
  const t = useWords().dict.page.diagram.fault;
  return (
    <text x={x} y={y} className="diagram-small fill-slate-900 font-semibold dark:fill-slate-50">
      <title>{t.delayTitle(delay.maxIdle, delay.delay, secondsText(delay.at), secondsText(delay.left))}</title>{delay.left > 0 ? t.delayIn(secondsText(delay.left)) : t.delayNow}
    </text>
  );
}
