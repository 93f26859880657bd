/**
 * The function's lines on each version the page runs, against the lines of the taught text
 * (4.0.14, src/model/seedLines.ts), which the view's rules are written in: what a line lights in
 * the diagram (src/ui/link/codeLink.ts), its explanation. Plain data, no ports.
 *
 * A version's line has a **role**: the 4.0.14 line holding the same statement, matched in order
 * (the k-th `listRewind(server.slaves,&li);` of one text is the k-th of the other). A statement
 * 4.0.14 does not have takes the role of the statement it belongs with: 5.0.5's
 * `slave->replstate = REPL_STATE_NONE;` (line 52, docs/versions.md §8) is part of dropping the
 * replica, as 4.0.14's line 54 is.
 */
import { SEED_CONTINUATIONS, SEED_STATEMENTS } from "../../model/seedLines";
import { CONTINUATIONS_5_0_5, STATEMENTS_5_0_5 } from "../../model/versions/5.0.5/lines";
import { CONTINUATIONS_6_2_14, STATEMENTS_6_2_14 } from "../../model/versions/6.2.14/lines";
import { CONTINUATIONS_7_0_15, STATEMENTS_7_0_15 } from "../../model/versions/7.0.15/lines";
import type { RedisVersion } from "../../model/versions/names";

export interface VersionLines {
  /** Line → the statement it holds. */
  statements: Readonly<Record<number, string>>;
  /** Where a statement spanning several lines continues. */
  continuations: Readonly<Partial<Record<number, number[]>>>;
  /** This version's line → the 4.0.14 line whose role it has (statement lines only). */
  role: ReadonlyMap<number, number>;
  /** A 4.0.14 line → this version's lines with its role. */
  lines: ReadonlyMap<number, readonly number[]>;
  /** A continuation line → the first line of its statement. */
  continuedFrom: ReadonlyMap<number, number>;
  /** The Chinese annotations that came with the seed document (4.0.14's text only, src/ui/code/annotations.ts). */
  annotated: boolean;
}

/**
 * Statements of a version that 4.0.14 does not have, or words differently, and the 4.0.14 line
 * whose role each takes; null: a statement with no counterpart at all (6.0's
 * `RDBGeneratedByReplication`, 7.0's assert and `slave_req` test), explained in its own words
 * only (dict.linesOn) and lighting nothing in the diagram.
 */
const EXTRA_ROLES: Partial<Record<RedisVersion, Readonly<Record<number, number | null>>>> = {
  "5.0.5": { 52: 54 },
  "6.2.14": { 60: 54, 47: null, 48: null },
  "7.0.15": { 28: 21, 30: null, 41: 35, 43: 37, 54: null, 55: null, 67: 54, 87: null, 88: null, 89: 73 },
};

function build(statements: Readonly<Record<number, string>>, continuations: VersionLines["continuations"], extra: Readonly<Record<number, number | null>>, annotated: boolean): VersionLines {
  const seed = Object.entries(SEED_STATEMENTS).map(([n, text]) => [Number(n), text] as const);
  const used = new Set<number>();
  const role = new Map<number, number>();
  for (const [n, text] of Object.entries(statements).map(([k, t]) => [Number(k), t] as const)) {
    const given = extra[n];
    if (given !== undefined) {
      if (given !== null) role.set(n, given);
      continue;
    }
    const match = seed.find(([m, t]) => t === text && !used.has(m));
    if (!match) throw new Error(`line ${n} (${text}) has no counterpart in 4.0.14's text and no role given`);
    used.add(match[0]);
    role.set(n, match[0]);
  }
  const lines = new Map<number, number[]>();
  for (const [n, r] of role) lines.set(r, [...(lines.get(r) ?? []), n]);
  const continuedFrom = new Map(Object.entries(continuations).flatMap(([start, rest]) => (rest ?? []).map((l) => [l, Number(start)] as [number, number])));
  return { statements, continuations, role, lines, continuedFrom, annotated };
}

const BUILT = new Map<RedisVersion, VersionLines>();

const TEXTS: Readonly<Record<RedisVersion, readonly [Readonly<Record<number, string>>, VersionLines["continuations"]]>> = {
  "4.0.14": [SEED_STATEMENTS, SEED_CONTINUATIONS],
  "5.0.5": [STATEMENTS_5_0_5, CONTINUATIONS_5_0_5],
  "6.2.14": [STATEMENTS_6_2_14, CONTINUATIONS_6_2_14],
  "7.0.15": [STATEMENTS_7_0_15, CONTINUATIONS_7_0_15],
};

/** The lines of a version the page runs. */
export function versionLines(redis: RedisVersion): VersionLines {
  let hit = BUILT.get(redis);
  if (!hit) {
    const [statements, continuations] = TEXTS[redis];
    hit = build(statements, continuations, EXTRA_ROLES[redis] ?? {}, redis === "4.0.14");
    BUILT.set(redis, hit);
  }
  return hit;
}

/** The 4.0.14 role of a version's line (a line that is no statement: null). */
export function roleOf(redis: RedisVersion, line: number | null): number | null {
  if (line === null) return null;
  if (redis === "4.0.14") return line in SEED_STATEMENTS ? line : null;
  return versionLines(redis).role.get(line) ?? null;
}

/** The version's lines that have the role of 4.0.14's `line`. */
export function linesOfRole(redis: RedisVersion, line: number): readonly number[] {
  if (redis === "4.0.14") return [line];
  return versionLines(redis).lines.get(line) ?? [];
}

/** The statement a version's line belongs to (a continuation gives its statement's first line), or null. */
export function statementLineOf(redis: RedisVersion, line: number): number | null {
  const v = versionLines(redis);
  return line in v.statements ? line : (v.continuedFrom.get(line) ?? null);
}
