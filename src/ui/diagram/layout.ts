/**
 * Diagram geometry in viewBox units, where body text is 13 and titles 14 (index.css), so a
 * layout's width in units says how wide its panel must be for a text size on screen
 * (docs/architecture.md §16). Two layouts:
 * - wide: the primary, the script cache, the decision and dump.rdb in a left column; the child
 *   and the replicas in a right one, the pipes on a bus between them (the socket pipe on the right);
 * - tall (a phone): everything in one column, the replicas under the primary, the pipes down the right.
 * Above each replica is a lane where the step's message tokens come to rest, beside the labels.
 */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export type Point = [number, number];
/** A polyline. A pipe has four points: out of a box, along its bus, into the other box. */
export type Route = Point[];
export type Pipe = "fork" | "write" | "socket" | "disk" | "control" | "error";

export interface Layout {
  w: number;
  h: number;
  p: Box;
  c: Box;
  d: Box;
  k: Box;
  f: Box;
  /** One box per replica (or group of replicas); its lane is the LANE units above it. */
  r: Box[];
  /** The bus each pipe runs along (x). */
  bus: Record<Pipe, number>;
}

/** The lane above a replica box where tokens rest. */
export const LANE = 22;
/** The width of the primary's column (its chips, the decision's longest branch). */
const COL = 272;
/** Between boxes, and around the picture. */
const GAP = 5;
const EDGE = 3;

export function layout(tall: boolean, lanes: number, upstream: boolean): Layout {
  let y = EDGE;
  const box = (x: number, w: number, h: number, before = 0): Box => {
    y += before;
    const b = { x, y, w, h };
    y += h + GAP;
    return b;
  };
  const p = box(EDGE, COL, upstream ? 113 : 97);
  const c = box(EDGE, COL, 24);
  const d = box(EDGE, COL, 134);
  // Wide: dump.rdb under the decision, then the child back at the top of the right column.
  const wideFile = tall ? null : box(EDGE, COL, 58);
  if (!tall) y = EDGE;
  const k = box(tall ? EDGE : 306, tall ? COL : 190, 58);
  const f = wideFile ?? box(EDGE, COL, 58);
  const r = Array.from({ length: lanes }, () => box(k.x, k.w, 106, LANE - GAP));
  return {
    w: tall ? 310 : 510,
    h: Math.max(...[f, ...r].map((b) => b.y + b.h)) + EDGE,
    p,
    c,
    d,
    k,
    f,
    r,
    bus: tall
      ? { fork: 281, write: 285, socket: 289, disk: 293, control: 297, error: 301 }
      : { fork: 291, write: 302, socket: 503, disk: 288, control: 281, error: 295 },
  };
}

/** Where a route leaves or enters a box: the side that faces the bus. */
const side = (b: Box, x: number) => (x > b.x ? b.x + b.w : b.x);

/** From `a` (at `ay` below its top) along the bus at `x` to `b` (at `by`). */
export function pipe(a: Box, ay: number, b: Box, by: number, x: number): Route {
  return [
    [side(a, x), a.y + ay],
    [x, a.y + ay],
    [x, b.y + by],
    [side(b, x), b.y + by],
  ];
}

export const routePath = (r: Route) => `M${r.join("L")}`;
