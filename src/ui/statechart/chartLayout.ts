/**
 * Lays the replica statechart out from the machine definition itself (replicaMachine.root), not
 * from a hand-made picture: one row per atomic state in document order, compound states as
 * frames around their children, final states at the bottom behind a shared rail on the left.
 */
import type { AnyStateNode } from "xstate";
import { replicaMachine } from "../../machines/replica";

export interface ChartState {
  /** Dotted path, as the model reports it ("ONLINE.waitingForAck"). */
  path: string;
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
  compound: boolean;
  final: boolean;
  description: string;
}

export interface ChartEdge {
  id: string;
  from: string;
  to: string;
  event: string;
  d: string;
  /** Edges into a final state share the left rail. */
  rail: boolean;
}

export interface ChartLayout {
  width: number;
  height: number;
  states: ChartState[];
  edges: ChartEdge[];
}

const ROW = 22;
const BOX_H = 17;
const LEFT = 22;
const BOX_W = 156;
const INDENT = 10;
const RAIL_X = 8;
const LANE_X0 = LEFT + BOX_W + 8;
const LANE_STEP = 9;

function pathOf(n: AnyStateNode): string {
  return n.path.join(".");
}

function layoutChart(root: AnyStateNode = replicaMachine.root as AnyStateNode): ChartLayout {
  const states: ChartState[] = [];
  const finals: AnyStateNode[] = [];
  let row = 0;
  const place = (n: AnyStateNode, depth: number) => {
    if (n.type === "final") {
      finals.push(n);
      return;
    }
    const x = LEFT + depth * INDENT;
    const w = BOX_W - depth * INDENT * 2;
    const startRow = row;
    const entry: ChartState = { path: pathOf(n), key: n.key, x, y: 6 + startRow * ROW, w, h: BOX_H, compound: false, final: false, description: n.description ?? "" };
    states.push(entry);
    row++;
    const children = Object.values(n.states) as AnyStateNode[];
    if (children.length) {
      entry.compound = true;
      for (const c of children) place(c, depth + 1);
      entry.h = (row - startRow) * ROW - (ROW - BOX_H) + 4;
    }
  };
  for (const n of Object.values(root.states) as AnyStateNode[]) place(n, 0);
  for (const n of finals) {
    states.push({ path: pathOf(n), key: n.key, x: LEFT, y: 6 + row * ROW + 4, w: BOX_W, h: BOX_H, compound: false, final: true, description: n.description ?? "" });
    row++;
  }

  const byPath = new Map(states.map((s) => [s.path, s]));
  const edges: ChartEdge[] = [];
  let lane = 0;
  const visit = (n: AnyStateNode) => {
    const src = byPath.get(pathOf(n));
    for (const [event, defs] of n.transitions) {
      for (const def of defs) {
        for (const t of def.target ?? []) {
          const dst = byPath.get(pathOf(t));
          if (!src || !dst) continue;
          const id = `${src.path}--${event}--${dst.path}`;
          if (dst.final) {
            // Stub to the rail, down the rail, into the final state's left side.
            const y = src.y + Math.min(src.h, BOX_H) / 2;
            edges.push({ id, from: src.path, to: dst.path, event, rail: true, d: `M${src.x} ${y} H${RAIL_X} V${dst.y + dst.h / 2} H${dst.x}` });
          } else if (dst.y === src.y + ROW && !src.compound) {
            const cx = dst.x + Math.min(dst.w, src.w) / 2;
            edges.push({ id, from: src.path, to: dst.path, event, rail: false, d: `M${cx} ${src.y + BOX_H} V${dst.y}` });
          } else {
            const x = LANE_X0 + lane * LANE_STEP;
            lane++;
            const y1 = src.y + BOX_H / 2 + (dst.y < src.y ? -3 : 3);
            const y2 = dst.y + BOX_H / 2 + (dst.y < src.y ? 3 : -3);
            edges.push({ id, from: src.path, to: dst.path, event, rail: false, d: `M${src.x + src.w} ${y1} H${x} V${y2} H${dst.x + dst.w}` });
          }
        }
      }
    }
    for (const c of Object.values(n.states) as AnyStateNode[]) visit(c);
  };
  for (const n of Object.values(root.states) as AnyStateNode[]) visit(n);

  const width = LANE_X0 + lane * LANE_STEP + 4;
  const height = 6 + row * ROW + 8;
  return { width, height, states, edges };
}

/** The machine never changes at run time, so its layout is computed once. */
export const CHART = layoutChart();
