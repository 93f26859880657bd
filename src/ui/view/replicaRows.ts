/** Per replica id: its latest connection (what the page shows) and earlier ones (history). */
import { retiredAt, type AgentView, type Frame, type ReplicaView, type Trace } from "../../model/trace";
import type { StateSub } from "../i18n";

export interface ReplicaRow {
  id: string;
  current: ReplicaView | null;
  /** Its latest earlier connections, oldest first (at most HISTORY_SHOWN). */
  history: ReplicaView[];
  /** How many earlier connections it has had in all (history shows the last few). */
  historyCount: number;
  agent: AgentView | undefined;
}

/**
 * Frames are immutable, so a frame's rows are built once and shared by the diagram, the replicas
 * panel and the sandbox.
 */
const ROWS = new WeakMap<Frame, ReplicaRow[]>();

/** How many earlier connections a row carries: a replica that reconnected thousands of times shows its last few. */
export const HISTORY_SHOWN = 5;

export function replicaRows(trace: Trace, frame: Frame): ReplicaRow[] {
  let rows = ROWS.get(frame);
  if (!rows) {
    rows = buildRows(trace, frame);
    ROWS.set(frame, rows);
  }
  return rows;
}

function buildRows(trace: Trace, frame: Frame): ReplicaRow[] {
  const conns = new Map<string, ReplicaView[]>(frame.agents.map((a) => [a.id, []]));
  for (const r of frame.replicas) {
    const list = conns.get(r.id);
    if (list) list.push(r);
    else conns.set(r.id, [r]);
  }
  const agents = new Map(frame.agents.map((a) => [a.id, a]));
  return [...conns].map(([id, list]) => {
    const sorted = list.sort((a, b) => a.conn - b.conn);
    // Earlier connections: the retired ones, then live ones that are not the latest (still open).
    const retired = retiredAt(trace, frame.i, id, HISTORY_SHOWN);
    const earlierLive = sorted.slice(0, -1);
    const history = [...retired.views, ...earlierLive].sort((a, b) => a.conn - b.conn).slice(-HISTORY_SHOWN);
    return { id, current: sorted[sorted.length - 1] ?? null, history, historyCount: retired.count + earlierLive.length, agent: agents.get(id) };
  });
}

export type StateKind = "none" | "handshake" | "WAIT_BGSAVE_START" | "WAIT_BGSAVE_END" | "SEND_BULK" | "ONLINE" | "dropped";

export interface StateInfo {
  kind: StateKind;
  /** The state's name as tests and students read it (Redis's word, the same in every language). */
  name: string;
  /** The ONLINE sub-state or why it was dropped; the dictionary words it (page.replicas.subs). */
  sub: StateSub | null;
  /** The replstate number the primary holds for it. */
  replstate: number | null;
}

const REPLSTATE_NUM: Record<string, number> = { NONE: 0, WAIT_BGSAVE_START: 6, WAIT_BGSAVE_END: 7, SEND_BULK: 8, ONLINE: 9 };

export function stateInfo(r: ReplicaView | null): StateInfo {
  if (!r) return { kind: "none", name: "not connected", sub: null, replstate: null };
  const [top, sub] = r.machine.split(".");
  const replstate = REPLSTATE_NUM[r.replstate] ?? null;
  if (top === "dropped") return { kind: "dropped", name: "dropped", sub: r.dropReason ?? null, replstate };
  if (top === "handshake") return { kind: "handshake", name: "handshake", sub: null, replstate };
  if (top === "ONLINE") {
    return { kind: "ONLINE", name: "ONLINE", sub: sub === "waitingForAck" ? "waitingForAck" : "streaming", replstate };
  }
  return { kind: top as StateKind, name: top as string, sub: null, replstate };
}

/** A state as the page names it: Redis's word, or the dictionary's words for no connection. */
export function stateLabel(kind: StateKind, notConnected: string): string {
  return kind === "none" ? notConnected : kind;
}

/** Tailwind classes per state: stroke/fill for SVG, border/background/text for HTML. */
export const STATE_STYLE: Record<StateKind, { svgFill: string; svgStroke: string; html: string }> = {
  none: {
    svgFill: "fill-slate-50 dark:fill-slate-900",
    svgStroke: "stroke-slate-400 dark:stroke-slate-500",
    html: "border-slate-400 bg-slate-50 text-slate-800 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-200",
  },
  handshake: {
    svgFill: "fill-slate-100 dark:fill-slate-800",
    svgStroke: "stroke-slate-500 dark:stroke-slate-400",
    html: "border-slate-500 bg-slate-100 text-slate-900 dark:border-slate-400 dark:bg-slate-800 dark:text-slate-100",
  },
  WAIT_BGSAVE_START: {
    svgFill: "fill-amber-50 dark:fill-amber-950",
    svgStroke: "stroke-amber-600 dark:stroke-amber-400",
    html: "border-amber-600 bg-amber-50 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100",
  },
  WAIT_BGSAVE_END: {
    svgFill: "fill-sky-50 dark:fill-sky-950",
    svgStroke: "stroke-sky-600 dark:stroke-sky-400",
    html: "border-sky-600 bg-sky-50 text-sky-950 dark:border-sky-400 dark:bg-sky-950 dark:text-sky-100",
  },
  SEND_BULK: {
    svgFill: "fill-violet-50 dark:fill-violet-950",
    svgStroke: "stroke-violet-600 dark:stroke-violet-400",
    html: "border-violet-600 bg-violet-50 text-violet-950 dark:border-violet-400 dark:bg-violet-950 dark:text-violet-100",
  },
  ONLINE: {
    svgFill: "fill-emerald-50 dark:fill-emerald-950",
    svgStroke: "stroke-emerald-600 dark:stroke-emerald-400",
    html: "border-emerald-600 bg-emerald-50 text-emerald-950 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-100",
  },
  dropped: {
    svgFill: "fill-rose-50 dark:fill-rose-950",
    svgStroke: "stroke-rose-600 dark:stroke-rose-400",
    html: "border-rose-600 bg-rose-50 text-rose-950 dark:border-rose-400 dark:bg-rose-950 dark:text-rose-100",
  },
};
