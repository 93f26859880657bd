import { childFault, type ChildFault, type ForkFailure } from "../../lesson/faults";
import type { LastChild } from "../../store/derive";
import { useWords } from "../i18n";
import type { PageDict } from "../i18n";
import type { Box } from "./layout";

type Words = PageDict["diagram"];

/** The fault colour: the error path's (Edge.tsx), in both themes. */
export const FAULT_STROKE = "stroke-rose-600 dark:stroke-rose-400";
const FAULT_TEXT = "fill-rose-800 dark:fill-rose-200";

function status(c: LastChild, fault: ChildFault | null, w: Words): { text: string; glyph: string; tone: string; alarm: boolean } {
  if (c.reaped) return { text: c.killed ? w.childStatus.reapedKilled : w.childStatus.reaped, glyph: "○", tone: "stroke-slate-400 dark:stroke-slate-500", alarm: false };
  // Killed, or exited with an error: drawn from then until serverCron reaps it (docs/behaviour.md §11).
  if (fault) return { text: fault.kind === "signal" ? w.fault.killed(fault.signal) : w.fault.exited(fault.code), glyph: "✕", tone: FAULT_STROKE, alarm: true };
  if (c.exited) return { text: w.childStatus.exited, glyph: "■", tone: "stroke-slate-600 dark:stroke-slate-300", alarm: false };
  return {
    text: w.childStatus.running,
    glyph: "●",
    tone: c.kind === "rdb-socket" ? "stroke-cyan-600 dark:stroke-cyan-400" : c.kind === "aof" ? "stroke-slate-600 dark:stroke-slate-300" : "stroke-amber-600 dark:stroke-amber-400",
    alarm: false,
  };
}

/**
 * The forked child: running, ended, reaped — or, when fork() returned -1, no child at all, drawn as
 * the failure it is (it must not look like "no fork yet").
 */
export function ChildNode({ box, child, forkFailure }: { box: Box; child: LastChild | null; forkFailure: ForkFailure | null }) {
  const t = useWords().dict.page.diagram;
  // A failed fork replaces whatever history the box showed; it lasts until the next attempt.
  if (forkFailure) return <ForkFailedNode box={box} failure={forkFailure} />;
  const { x, y, w, h } = box;
  const fault = child && !child.reaped ? childFault(child) : null;
  const s = child && status(child, fault, t);
  return (
    <g>
      {fault && <title>{t.fault.childTitle(fault)}</title>}
      <rect
        data-box=""
        x={x}
        y={y}
        width={w}
        height={h}
        rx={8}
        className={s ? `lit ${fault ? "fill-rose-50 dark:fill-rose-950" : "fill-white dark:fill-slate-900"} ${s.tone}` : "fill-transparent stroke-slate-400 dark:stroke-slate-500"}
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
        <text x={x + 8} y={y + 50} className={`diagram-small font-semibold ${s.alarm ? FAULT_TEXT : "fill-slate-800 dark:fill-slate-100"}`}>
          {s.glyph} {s.text}
        </text>
      )}
    </g>
  );
}

/** fork() returned -1: no child, the errno, and what the caller gets (docs/behaviour.md §6). */
function ForkFailedNode({ box: { x, y, w, h }, failure }: { box: Box; failure: ForkFailure }) {
  const t = useWords().dict.page.diagram.fault;
  return (
    <g>
      <title>{t.forkTitle(failure.errno, failure.by)}</title>
      <rect data-box="" x={x} y={y} width={w} height={h} rx={8} className={`lit fill-rose-50 dark:fill-rose-950 ${FAULT_STROKE}`} strokeWidth={2} />
      <text x={x + 8} y={y + 17} className={`diagram-title ${FAULT_TEXT}`}>
        ✕ {t.forkFailed}
      </text>
      <text x={x + 8} y={y + 34} className="diagram-small fill-slate-800 dark:fill-slate-100">
        <tspan className={`font-mono font-bold ${FAULT_TEXT}`}>{t.errno(failure.errno)}</tspan> {t.noChild}
      </text>
      <text x={x + 8} y={y + 50} className="diagram-small fill-slate-800 font-mono dark:fill-slate-100">
        {failure.by === "aof" ? t.forkReturnedAof : t.forkReturned}
      </text>
    </g>
  );
}
