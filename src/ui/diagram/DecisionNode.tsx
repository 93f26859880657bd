import type { PortLocals, ServerView } from "../../model";
import { useWords } from "../i18n";
import type { Box } from "./layout";
import { TermTitle } from "../orient/TermTitle";
import { LinkPart, litStrokeClass, ringRect, useLit } from "../link/DiagramLink";

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

/** The middle of the error branch's row, below the box's top: the error pipe starts there. */
export const ERROR_ROW_Y = 121;

/** `socket_target = repl_diskless_sync && (mincapa & SLAVE_CAPA_EOF)`, term by term, branch lit. */
export function DecisionNode({ box: { x, y, w, h }, server, values }: { box: Box; server: ServerView; values: DecisionValues }) {
  const { locals, live } = values;
  const called = !!locals && locals.socket_target !== undefined;
  const mincapa = locals?.mincapa;
  const branches = branchesOf(locals);
  const t = useWords().dict.page.diagram;
  // A term of the expression (16 units a line under the title) and its value at the right.
  const term = (k: number, label: string, value: string) => (
    <g>
      <text x={x + 8} y={y + 34 + 16 * k} className="diagram-small fill-slate-800 font-mono dark:fill-slate-100">
        <TermTitle text={label} />
        {label}
      </text>
      <text x={x + w - 8} y={y + 34 + 16 * k} textAnchor="end" className="diagram-text fill-slate-900 font-mono font-bold dark:fill-slate-50">
        {value}
      </text>
    </g>
  );
  // A branch: a row 18 units tall, 20 apart, after the terms.
  const branch = (k: number, b: Branch, label: string, glyph: string, tone: string) => (
    <BranchRow box={{ x: x + 6, y: y + 72 + 20 * k, w: w - 12, h: 18 }} branch={b} taken={branches.has(b)} label={`${glyph} ${label}`} tone={tone} />
  );
  return (
    <g>
      <rect data-box="" x={x} y={y} width={w} height={h} rx={8} className="fill-white stroke-indigo-600 dark:fill-slate-900 dark:stroke-indigo-300" strokeWidth={1.6} />
      {/* The title and the terms: the part lines 21, 25, 34 and 67 light (src/ui/link). */}
      <LinkPart part={{ kind: "decision" }} ring={ringRect({ x, y, w, h: 72 }, 8)}>
        <text x={x + 8} y={y + 17} className="diagram-title fill-slate-900 dark:fill-slate-50">
          {t.decision}{" "}
          <tspan className="diagram-small font-normal fill-slate-600 dark:fill-slate-300">{live ? t.decisionWhen.live : called ? t.decisionWhen.last : t.decisionWhen.never}</tspan>
        </text>
        {term(0, "repl_diskless_sync", server.replDisklessSync ? "1" : "0")}
        {term(1, "mincapa & SLAVE_CAPA_EOF", mincapa === undefined ? "?" : `${mincapa}&1=${mincapa & 1}`)}
        {term(2, "→ socket_target", called ? String(locals?.socket_target) : "?")}
      </LinkPart>
      {branch(0, "disk", t.branchDisk, "▤", "fill-amber-100 stroke-amber-600 dark:fill-amber-900 dark:stroke-amber-300")}
      {branch(1, "socket", t.branchSocket, "≋", "fill-cyan-100 stroke-cyan-600 dark:fill-cyan-900 dark:stroke-cyan-300")}
      {branch(2, "error", t.branchError, "✕", "fill-rose-100 stroke-rose-600 dark:fill-rose-900 dark:stroke-rose-300")}
    </g>
  );
}

/**
 * A branch row: filled when the (last) call took it. Lit by a line or by the reader's pointing
 * (src/ui/link), it gets a bar at its left end, as the code marks its current line, in the colour
 * of what lit it: the rows are too close together for a ring.
 */
function BranchRow({ box: { x, y, w, h }, branch, taken, label, tone }: { box: Box; branch: Branch; taken: boolean; label: string; tone: string }) {
  const lit = useLit([`branch:${branch}`]);
  return (
    <LinkPart part={{ kind: "branch", branch }} ring={null}>
      <g>
        <rect data-box="" x={x} y={y} width={w} height={h} rx={4} className={`lit ${taken ? tone : "fill-transparent stroke-slate-300 dark:stroke-slate-600"}`} strokeWidth={taken ? 1.6 : 1} />
        {(lit.step || lit.link) && (
          <path aria-hidden="true" d={`M${x + 2.5} ${y + 3}V${y + h - 3}`} className={`pointer-events-none ${litStrokeClass(lit)}`} strokeWidth={3} strokeLinecap="round" />
        )}
        <text x={x + 6} y={y + 14} className={`diagram-small ${taken ? "fill-slate-950 font-bold dark:fill-white" : "fill-slate-700 dark:fill-slate-300"}`}>
          {taken ? "✔ " : "   "}
          {label}
        </text>
      </g>
    </LinkPart>
  );
}
