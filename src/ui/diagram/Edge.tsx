import { litAttrs, litEdgeClass, type PartLit } from "../link/DiagramLink";
import { routePath, type Route } from "./layout";

export type EdgeKind = "fork" | "write" | "disk" | "socket" | "control" | "error";

/** Each pipe's colour classes and dashes (the exported picture's legend draws its samples with them). */
export const EDGE_STYLE: Record<EdgeKind, { stroke: string; dash?: string }> = {
  fork: { stroke: "stroke-slate-500 dark:stroke-slate-400" },
  write: { stroke: "stroke-amber-600 dark:stroke-amber-400" },
  disk: { stroke: "stroke-amber-600 dark:stroke-amber-400" },
  socket: { stroke: "stroke-cyan-600 dark:stroke-cyan-400", dash: "6 3" },
  control: { stroke: "stroke-slate-500 dark:stroke-slate-400" },
  error: { stroke: "stroke-rose-600 dark:stroke-rose-400", dash: "3 3" },
};

/**
 * A pipe between two nodes: faint when idle, bold when in use (the error path ends at its ✕, no
 * arrow). Lit by the code ↔ picture link (`lit`, src/ui/link), it shows at full strength with a glow.
 */
export function Edge({ route, kind, active, lit }: { route: Route; kind: EdgeKind; active: boolean; lit?: PartLit & { key: string } }) {
  const s = EDGE_STYLE[kind];
  const on = !!lit && (lit.step || lit.link);
  return (
    <path
      d={routePath(route)}
      data-edge={lit?.key}
      {...(lit ? litAttrs(lit) : {})}
      className={`fill-none ${s.stroke} ${active || on ? "" : "opacity-35"} ${lit ? litEdgeClass(lit) : ""}`}
      strokeWidth={active ? 2.2 : 1.2}
      strokeDasharray={s.dash}
      markerEnd={active && kind !== "error" ? `url(#arrow-${kind})` : undefined}
    />
  );
}

export function EdgeMarkers() {
  return (
    <defs>
      {(Object.keys(EDGE_STYLE) as EdgeKind[]).map((k) => (
        <marker key={k} id={`arrow-${k}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0 0 L10 5 L0 10 z" className={EDGE_STYLE[k].stroke.replace(/stroke-/g, "fill-")} />
        </marker>
      ))}
    </defs>
  );
}
