/** Diagram geometry (viewBox units). Every edge is a 4-point polyline so tokens can follow it. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export type Point = [number, number];
export type Route = [Point, Point, Point, Point];

export const WIDTH = 560;
export const PRIMARY: Box = { x: 6, y: 6, w: 196, h: 104 };
export const CACHE: Box = { x: 6, y: 116, w: 196, h: 28 };
export const DECISION: Box = { x: 6, y: 150, w: 196, h: 124 };
export const CHILD: Box = { x: 232, y: 6, w: 140, h: 62 };
export const FILE: Box = { x: 232, y: 116, w: 140, h: 58 };
const REPLICA_X = 414;
const REPLICA_W = 140;
const REPLICA_H = 96;
const REPLICA_GAP = 8;
const CONTROL_BUS_X = 388;
const ERROR_BUS_X = 401;
const CONTROL_Y = 92;

export function height(replicas: number): number {
  return Math.max(DECISION.y + DECISION.h + 6, 6 + replicas * (REPLICA_H + REPLICA_GAP));
}

export function replicaBox(index: number): Box {
  return { x: REPLICA_X, y: 6 + index * (REPLICA_H + REPLICA_GAP), w: REPLICA_W, h: REPLICA_H };
}

const straight = (a: Point, b: Point): Route => [a, a, b, b];

export const FORK_ROUTE: Route = straight([PRIMARY.x + PRIMARY.w, 34], [CHILD.x, 34]);
export const WRITE_ROUTE: Route = straight([CHILD.x + CHILD.w / 2, CHILD.y + CHILD.h], [FILE.x + FILE.w / 2, FILE.y]);

export function socketRoute(b: Box): Route {
  return straight([CHILD.x + CHILD.w, CHILD.y + 28], [b.x, b.y + 22]);
}
export function diskRoute(b: Box): Route {
  return straight([FILE.x + FILE.w, FILE.y + 30], [b.x, b.y + 42]);
}
export function controlRoute(b: Box): Route {
  const y = b.y + 62;
  return [
    [PRIMARY.x + PRIMARY.w, CONTROL_Y],
    [CONTROL_BUS_X, CONTROL_Y],
    [CONTROL_BUS_X, y],
    [b.x, y],
  ];
}
export function errorRoute(b: Box, fromY: number): Route {
  const y = b.y + 82;
  return [
    [DECISION.x + DECISION.w, fromY],
    [ERROR_BUS_X, fromY],
    [ERROR_BUS_X, y],
    [b.x, y],
  ];
}

export function routePath(r: Route): string {
  return `M${r[0][0]} ${r[0][1]} L${r[1][0]} ${r[1][1]} L${r[2][0]} ${r[2][1]} L${r[3][0]} ${r[3][1]}`;
}

/** A point a fraction t along the route (by length), for labels. */
export function pointAlong(r: Route, t: number): Point {
  const segs: [Point, Point, number][] = [];
  let total = 0;
  for (let i = 0; i < 3; i++) {
    const a = r[i] as Point;
    const b = r[i + 1] as Point;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    segs.push([a, b, len]);
    total += len;
  }
  let d = t * total;
  for (const [a, b, len] of segs) {
    if (d <= len && len > 0) return [a[0] + ((b[0] - a[0]) * d) / len, a[1] + ((b[1] - a[1]) * d) / len];
    d -= len;
  }
  return r[3];
}

export function routeLength(r: Route): number {
  let total = 0;
  for (let i = 0; i < 3; i++) total += Math.hypot((r[i + 1] as Point)[0] - (r[i] as Point)[0], (r[i + 1] as Point)[1] - (r[i] as Point)[1]);
  return total;
}
