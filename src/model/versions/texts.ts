/**
 * Each version's shipped function text, loaded on demand, and where it comes from: what a page
 * needs to show the texts (the "what changed" view) without the ports and the model behind them.
 * profiles.ts reads the same table.
 */
import type { RedisVersion } from "./names";

export interface VersionText {
  /** The shipped text, loaded on demand (a chunk of its own in the page). */
  loadText: () => Promise<string>;
  /** Where it comes from: `src/replication.c` of the tag, lines first–last. */
  source: { tag: RedisVersion; file: "src/replication.c"; first: number; last: number; functionLine: number };
}

export const TEXTS: Readonly<Record<RedisVersion, VersionText>> = {
  "4.0.14": {
    loadText: () => import("../seed/startBgsaveForReplication.c?raw").then((m) => m.default),
    source: { tag: "4.0.14", file: "src/replication.c", first: 545, last: 624, functionLine: 563 },
  },
  "5.0.5": {
    loadText: () => import("../seed/5.0.5/startBgsaveForReplication.c?raw").then((m) => m.default),
    source: { tag: "5.0.5", file: "src/replication.c", first: 546, last: 626, functionLine: 564 },
  },
  "6.2.14": {
    loadText: () => import("../seed/6.2.14/startBgsaveForReplication.c?raw").then((m) => m.default),
    source: { tag: "6.2.14", file: "src/replication.c", first: 622, last: 710, functionLine: 640 },
  },
  "7.0.15": {
    loadText: () => import("../seed/7.0.15/startBgsaveForReplication.c?raw").then((m) => m.default),
    source: { tag: "7.0.15", file: "src/replication.c", first: 823, last: 917, functionLine: 841 },
  },
};
