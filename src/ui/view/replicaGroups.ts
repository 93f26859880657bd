/**
 * Beyond a handful of replicas the diagram cannot draw one box each and stay readable, so it
 * draws one box per state instead: "ONLINE ×37", "WAIT_BGSAVE_START ×12", … in lifecycle order.
 * The Replicas panel still lists every replica.
 */
import type { ReplicaRow, StateKind } from "./replicaRows";
import { stateInfo } from "./replicaRows";
import { numberedId } from "../../scenarios/edits";

/** The diagram draws each replica on its own up to this many; more are grouped by state. */
export const MAX_SINGLE_REPLICAS = 6;

export const GROUP_ORDER: StateKind[] = ["none", "handshake", "WAIT_BGSAVE_START", "WAIT_BGSAVE_END", "SEND_BULK", "ONLINE", "dropped"];

export interface ReplicaGroup {
  kind: StateKind;
  rows: ReplicaRow[];
}

export function replicaGroups(rows: ReplicaRow[]): ReplicaGroup[] {
  const byKind = new Map<StateKind, ReplicaRow[]>();
  for (const row of rows) {
    const kind = stateInfo(row.current).kind;
    const list = byKind.get(kind);
    if (list) list.push(row);
    else byKind.set(kind, [row]);
  }
  return GROUP_ORDER.filter((k) => byKind.has(k)).map((kind) => ({ kind, rows: byKind.get(kind) as ReplicaRow[] }));
}

/**
 * Replica ids in a short line: runs of three or more consecutive numbers collapse ("r1–r5, r9"),
 * and what does not fit in `max` characters becomes "+N" (N counts replicas, not runs).
 */
export function idList(ids: string[], max: number, more: (n: number) => string): string {
  // Runs of ids numbered one after another (r4, r5, r6), as [first index, last index].
  const runs: [number, number][] = [];
  for (let k = 0; k < ids.length; ) {
    const first = numberedId(ids[k] as string);
    let end = k;
    while (first && end + 1 < ids.length && ids[end + 1] === `${first.prefix}${first.n + (end + 1 - k)}`) end++;
    if (end - k >= 2) runs.push([k, end]);
    else for (let j = k; j <= end; j++) runs.push([j, j]);
    k = end + 1;
  }
  let text = "";
  let shown = 0;
  for (let i = 0; i < runs.length; i++) {
    const [a, b] = runs[i] as [number, number];
    const part = a === b ? (ids[a] as string) : `${ids[a]}–${ids[b]}`;
    const next = text ? `${text}, ${part}` : part;
    const left = ids.length - shown - (b - a + 1);
    if (text && next.length + (left ? more(left).length + 1 : 0) > max) return `${text} ${more(ids.length - shown)}`;
    text = next;
    shown += b - a + 1;
  }
  return text;
}
