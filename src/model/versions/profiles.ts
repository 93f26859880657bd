/**
 * The version profiles of the taught function (docs/architecture.md §19): for each Redis version
 * the lab can show, its shipped text, the lines its port records and what each holds, and the
 * port itself. 4.0.14 is the default and is the existing seed and port.ts, unchanged.
 *
 * runScenario runs the versions whose server around the function is modelled (sim.ts,
 * MODELLED_VERSIONS): all four, with what each does around the function in versions/around.ts.
 */
import { SEED_CONTINUATIONS, SEED_STATEMENTS, startBgsaveForReplication } from "../port";
import type { Server } from "../types";
import { TEXTS } from "./texts";
import { AROUND } from "./around";
import { CONTINUATIONS_5_0_5, STATEMENTS_5_0_5 } from "./5.0.5/lines";
import { startBgsaveForReplication_5_0_5 } from "./5.0.5/port";
import { CONTINUATIONS_6_2_14, STATEMENTS_6_2_14 } from "./6.2.14/lines";
import { startBgsaveForReplication_6_2_14 } from "./6.2.14/port";
import { CONTINUATIONS_7_0_15, STATEMENTS_7_0_15 } from "./7.0.15/lines";
import { startBgsaveForReplication_7_0_15 } from "./7.0.15/port";

import { type RedisVersion } from "./names";

export { DEFAULT_VERSION, REDIS_VERSIONS, isRedisVersion, type RedisVersion } from "./names";

/**
 * A port: `req` is 7.0's second argument (SLAVE_REQ_* bits) and is ignored by earlier versions,
 * whose function takes `mincapa` only.
 */
export type PortFunction = (server: Server, mincapa: number, req?: number) => number;

export interface VersionProfile {
  version: RedisVersion;
  /** The shipped text, relative to the repository root (for Node: tests, the CLI). */
  textPath: string;
  /** The shipped text, loaded on demand (a separate chunk in the page, like the 4.0.14 code panel's `?raw`). */
  loadText: () => Promise<string>;
  /** Where the text comes from: `src/replication.c` of the tag, lines first–last. */
  source: { tag: RedisVersion; file: "src/replication.c"; first: number; last: number; functionLine: number };
  /**
   * Lines of the text that are not in Redis' file (4.0.14's Chinese annotations): the text's line
   * n is the file's line n + first − 1 − (annotation lines above n).
   */
  annotationLines: readonly number[];
  /** Line → the statement text it holds (every line the port can record). */
  statements: Readonly<Record<number, string>>;
  /** Where a statement spanning several lines continues. */
  continuations: Readonly<Partial<Record<number, number[]>>>;
  /** The function's signature line in the text. */
  signatureLine: number;
  /** The line executed last on success and on failure (the two `return retval;`). */
  returnLines: { ok: number; err: number };
  port: PortFunction;
}

export const PROFILES: Readonly<Record<RedisVersion, VersionProfile>> = {
  "4.0.14": {
    version: "4.0.14",
    textPath: "src/model/seed/startBgsaveForReplication.c",
    loadText: TEXTS["4.0.14"].loadText,
    source: TEXTS["4.0.14"].source,
    annotationLines: [29, 46, 66],
    statements: SEED_STATEMENTS,
    continuations: SEED_CONTINUATIONS,
    signatureLine: 19,
    returnLines: { ok: 82, err: 61 },
    port: (server, mincapa) => startBgsaveForReplication(server, mincapa),
  },
  "5.0.5": {
    version: "5.0.5",
    textPath: "src/model/seed/5.0.5/startBgsaveForReplication.c",
    loadText: TEXTS["5.0.5"].loadText,
    source: TEXTS["5.0.5"].source,
    annotationLines: [],
    statements: STATEMENTS_5_0_5,
    continuations: CONTINUATIONS_5_0_5,
    signatureLine: 19,
    returnLines: { ok: 80, err: 60 },
    port: (server, mincapa) => startBgsaveForReplication_5_0_5(server, mincapa),
  },
  "6.2.14": {
    version: "6.2.14",
    textPath: "src/model/seed/6.2.14/startBgsaveForReplication.c",
    loadText: TEXTS["6.2.14"].loadText,
    source: TEXTS["6.2.14"].source,
    annotationLines: [],
    statements: STATEMENTS_6_2_14,
    continuations: CONTINUATIONS_6_2_14,
    signatureLine: 19,
    returnLines: { ok: 88, err: 68 },
    port: (server, mincapa) => startBgsaveForReplication_6_2_14(server, mincapa),
  },
  "7.0.15": {
    version: "7.0.15",
    textPath: "src/model/seed/7.0.15/startBgsaveForReplication.c",
    loadText: TEXTS["7.0.15"].loadText,
    source: TEXTS["7.0.15"].source,
    annotationLines: [],
    statements: STATEMENTS_7_0_15,
    continuations: CONTINUATIONS_7_0_15,
    signatureLine: 19,
    returnLines: { ok: 94, err: 75 },
    port: (server, mincapa, req) => startBgsaveForReplication_7_0_15(server, mincapa, req),
  },
};

/** Give a server a version: its port of the function and what it does around it (runScenario, the probe). */
export function applyVersion(server: Server, redis: RedisVersion): void {
  server.version = redis;
  server.startBgsave = PROFILES[redis].port;
  server.around = AROUND[redis];
}

/** The line of `src/replication.c` at the profile's tag that the text's line `line` is (null for an annotation line). */
export function sourceLine(profile: VersionProfile, line: number): number | null {
  if (profile.annotationLines.includes(line)) return null;
  const above = profile.annotationLines.filter((a) => a < line).length;
  return line + profile.source.first - 1 - above;
}
