import type { StateCreator } from "zustand";
import type { LabState } from "../types";

/** A branch row of the diagram's Decision box. */
export type DecisionBranch = "disk" | "socket" | "error";

/**
 * A part of the diagram a reader can point at (hover or keyboard focus). A replica box is one
 * replica; with many replicas a box is every replica in one state (`ids`), so a part names the
 * replicas it stands for.
 */
export type DiagramPart =
  | { kind: "primary" }
  | { kind: "scriptCache" }
  | { kind: "decision" }
  | { kind: "branch"; branch: DecisionBranch }
  | { kind: "child" }
  | { kind: "rdbFile" }
  | { kind: "replicas"; key: string; ids: readonly string[] };

/** What the reader points at: a part of the diagram, or a line of the function (its seed line number). */
export type LinkSource = { from: "diagram"; part: DiagramPart } | { from: "code"; line: number };

/**
 * The code ↔ picture link (docs/architecture.md §18): what the reader is pointing at now, so the
 * diagram, the code panel, the server log and the replica cards light what belongs to it. Not
 * remembered and not in the link: it lasts while the pointer or the focus stays.
 */
export interface LinkSlice {
  link: LinkSource | null;
  setLink: (link: LinkSource | null) => void;
}

/** A stable key for a source: pointing again at the same thing changes nothing. */
export function linkKey(link: LinkSource | null): string {
  if (!link) return "";
  if (link.from === "code") return `line:${link.line}`;
  const p = link.part;
  return p.kind === "branch" ? `branch:${p.branch}` : p.kind === "replicas" ? `replicas:${p.key}:${p.ids.join(",")}` : p.kind;
}

export const createLinkSlice: StateCreator<LabState, [], [], LinkSlice> = (set, get) => ({
  link: null,
  setLink: (link) => {
    if (linkKey(get().link) === linkKey(link)) return;
    set({ link });
  },
});
