/**
 * Beyond a handful of replicas the diagram cannot draw one box each and stay readable, so it
 * draws one box per state instead: "ONLINE ×37", "WAIT_BGSAVE_START ×12", … in lifecycle order.
 * The Replicas panel still lists every replica.
 */
import type { ReplicaRow, StateKind } from "./replicaRows";
import { stateInfo } from "./replicaRows";

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
 * Replica ids in a short line: runs of consecutive numbers collapse ("r1–r5, r9"), and what does
 * not fit in `max` characters becomes "+N".
 */
export function idList(ids: string[], max: number, more: (n: number) => string): string {
  const parts: string[] = [];
  let k = 0;
  while (k < ids.length) {
    const m = /^(.*?)(\d+)$/.exec(ids[k] as string);
    let end = k;
    if (m) {
      const [, prefix, num] = m;
      while (end + 1 < ids.length && ids[end + 1] === `${prefix}${Number(num) + (end + 1 - k)}`) end++;
    }
    parts.push(end - k >= 2 ? `${ids[k]}–${ids[end]}` : ids.slice(k, end + 1).join(", "));
    k = end + 1;
  }
  const flat = parts.join(", ").split(", ");
  let text = "";
  for (let i = 0; i < flat.length; i++) {
    const next = text ? `${text}, ${flat[i]}` : (flat[i] as string);
    const rest = flat.length - i - 1;
    if (next.length + (rest ? more(rest).length + 1 : 0) > max && text) {
      // Count the replicas left out, not the ranges.
      const shown = text.split(", ").reduce((n, p) => n + rangeSize(p), 0);
      return `${text} ${more(ids.length - shown)}`;
    }
    text = next;
  }
  return text;
}

function rangeSize(part: string): number {
  const m = /^(.*?)(\d+)–\1(\d+)$/.exec(part);
  return m ? Number(m[3]) - Number(m[2]) + 1 : 1;
}
