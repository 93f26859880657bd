import type { PortLocals, ServerView } from "../../model";
import { useWords } from "../i18n";
import { DECISION as B } from "./layout";
import { TermTitle } from "../orient/TermTitle";

export type Branch = "disk" | "socket" | "error";

export interface DecisionValues {
  locals: PortLocals | null;
  /** The function is running at this frame (else the values are from the last call). */
  live: boolean;
}

/** Which branches the (last) call took. */
function branchesOf(locals: PortLocals | null): Set<Branch> {
  const out = new Set<Branch>();
  if (!locals || locals.socket_target === undefined) return out;
  if (locals.rsiptr !== "NULL") out.add(locals.socket_target ? "socket" : "disk");
  if (locals.retval === -1) out.add("error");
  return out;
}

export const ERROR_ROW_Y = B.y + 110;

function Term({ x, y, label, value }: { x: number; y: number; label: string; value: string }) {
  return (
    <g>
      <text x={x} y={y} className="diagram-small fill-slate-800 font-mono dark:fill-slate-100">
        <TermTitle text={label} />
        {label}
      </text>
      <text x={B.x + B.w - 10} y={y} textAnchor="end" className="diagram-text fill-slate-900 font-mono font-bold dark:fill-slate-50">
        {value}
      </text>
    </g>
  );
}

function BranchRow({ y, label, lit, tone, glyph }: { y: number; label: string; lit: boolean; tone: string; glyph: string }) {
  return (
    <g>
      <rect x={B.x + 6} y={y - 11} width={B.w - 12} height={15} rx={4} className={`lit ${lit ? tone : "fill-transparent stroke-slate-300 dark:stroke-slate-600"}`} strokeWidth={lit ? 1.6 : 1} />
      <text x={B.x + 12} y={y} className={`diagram-small ${lit ? "fill-slate-950 font-bold dark:fill-white" : "fill-slate-700 dark:fill-slate-300"}`}>
        {lit ? "✔ " : "   "}
        {glyph} {label}
      </text>
    </g>
  );
}

/** `socket_target = repl_diskless_sync && (mincapa & SLAVE_CAPA_EOF)`, term by term, branch lit. */
export function DecisionNode({ server, values }: { server: ServerView; values: DecisionValues }) {
  const { locals, live } = values;
  const called = !!locals && locals.socket_target !== undefined;
  const mincapa = locals?.mincapa;
  const branches = branchesOf(locals);
  const y = B.y;
  const t = useWords().dict.page.diagram;
  return (
    <g>
      <rect x={B.x} y={y} width={B.w} height={B.h} rx={8} className="fill-white stroke-indigo-600 dark:fill-slate-900 dark:stroke-indigo-300" strokeWidth={1.6} />
      <text x={B.x + 8} y={y + 15} className="diagram-text fill-slate-900 font-semibold dark:fill-slate-50">
        {t.decision}{" "}
        <tspan className="diagram-small font-normal fill-slate-600 dark:fill-slate-300">{live ? t.decisionWhen.live : called ? t.decisionWhen.last : t.decisionWhen.never}</tspan>
      </text>
      <Term x={B.x + 8} y={y + 31} label="repl_diskless_sync" value={server.replDisklessSync ? "1" : "0"} />
      <Term x={B.x + 8} y={y + 45} label="mincapa & SLAVE_CAPA_EOF" value={mincapa === undefined ? "?" : `${mincapa}&1=${mincapa & 1}`} />
      <Term x={B.x + 8} y={y + 59} label="→ socket_target" value={called ? String(locals?.socket_target) : "?"} />
      <BranchRow y={y + 78} label={t.branchDisk} lit={branches.has("disk")} glyph="▤" tone="fill-amber-100 stroke-amber-600 dark:fill-amber-900 dark:stroke-amber-300" />
      <BranchRow y={y + 94} label={t.branchSocket} lit={branches.has("socket")} glyph="≋" tone="fill-cyan-100 stroke-cyan-600 dark:fill-cyan-900 dark:stroke-cyan-300" />
      <BranchRow y={ERROR_ROW_Y} label={t.branchError} lit={branches.has("error")} glyph="✕" tone="fill-rose-100 stroke-rose-600 dark:fill-rose-900 dark:stroke-rose-300" />
    </g>
  );
}
