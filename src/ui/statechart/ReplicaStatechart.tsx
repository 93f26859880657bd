import { memo } from "react";
import type { ReplicaView } from "../../model";
import { useWords } from "../i18n";
import { CHART } from "./chartLayout";

/** Is `statePath` the current state, or an ancestor of it (ONLINE for ONLINE.streaming)? */
function isCurrent(statePath: string, machine: string): boolean {
  return machine === statePath || machine.startsWith(`${statePath}.`);
}

/**
 * One replica's XState machine, drawn from its definition: current state lit, last transition marked.
 * Drawn again only when the connection's view changed (views are shared between unchanged frames).
 */
export const ReplicaStatechart = memo(function ReplicaStatechart({ replica, id }: { replica: ReplicaView | null; id: string }) {
  const machine = replica?.machine ?? "";
  const last = replica?.lastTransition ?? null;
  const lastEdge = last ? CHART.edges.find((e) => e.event === last.event && e.from === last.from && isCurrent(e.to, machine)) : undefined;
  const captionId = `chart-caption-${id}`;
  const t = useWords().dict.page.chart;
  return (
    <figure className="m-0">
      <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} className="h-auto w-full max-w-[19rem]" role="img" aria-labelledby={captionId}>
        <defs>
          <marker id={`sc-arrow-${id}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
            <path d="M0 0 L10 5 L0 10 z" className="fill-slate-500 dark:fill-slate-400" />
          </marker>
          <marker id={`sc-arrow-hot-${id}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
            <path d="M0 0 L10 5 L0 10 z" className="fill-indigo-600 dark:fill-indigo-300" />
          </marker>
        </defs>
        {CHART.states.map((s) => {
          const current = isCurrent(s.path, machine);
          const dropped = s.final && current;
          const tone = dropped
            ? "fill-rose-100 stroke-rose-600 dark:fill-rose-900 dark:stroke-rose-300"
            : current
              ? s.compound
                ? "fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950 dark:stroke-emerald-400"
                : "fill-indigo-100 stroke-indigo-600 dark:fill-indigo-900 dark:stroke-indigo-300"
              : "fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500";
          return (
            <g key={s.path}>
              <title>{t.states[s.path] ?? s.description}</title>
              <rect x={s.x} y={s.y} width={s.w} height={s.h} rx={s.final ? 8 : 4} className={`lit ${tone}`} strokeWidth={current ? 2 : 1} strokeDasharray={s.final && !current ? "3 2" : undefined} />
              <text x={s.x + 6} y={s.y + 12} className={`font-mono text-[9.5px] ${current ? "fill-slate-950 font-bold dark:fill-white" : "fill-slate-700 dark:fill-slate-300"}`}>
                {current && !s.compound ? "▶ " : ""}
                {s.key}
              </text>
            </g>
          );
        })}
        {CHART.edges.map((e) => {
          const hot = e === lastEdge;
          return (
            <path
              key={e.id}
              d={e.d}
              className={`fill-none ${hot ? "stroke-indigo-600 dark:stroke-indigo-300" : "stroke-slate-400 dark:stroke-slate-500"}`}
              strokeWidth={hot ? 2 : e.rail ? 0.8 : 1}
              markerEnd={`url(#${hot ? "sc-arrow-hot" : "sc-arrow"}-${id})`}
            >
              <title>{t.edge(e.from, e.to, e.event)}</title>
            </path>
          );
        })}
      </svg>
      <figcaption id={captionId} className="text-[11px] text-slate-700 dark:text-slate-200">
        {t.caption(id)}
        {last ? (
          <>
            : {t.lastTransition} <span className="font-mono">{last.from}</span> → <span className="font-mono">{machine}</span> {t.on}{" "}
            <span className="font-mono font-semibold">{last.event}</span>
          </>
        ) : (
          `: ${replica ? t.noTransition : t.notConnected}`
        )}
      </figcaption>
    </figure>
  );
});
