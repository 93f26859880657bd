/**
 * Differential test: the TypeScript port (port.ts) against the real C function, compiled from the
 * shipped, unmodified `src/model/seed/startBgsaveForReplication.c` with the stand-ins of
 * harness.h. Both sides get the same generated pre-states; everything observable is compared —
 * return value, RDB child type, slaveseldb, script cache flush, log, executed seed lines, and every
 * replica (state, membership in server.slaves, flags, offset, wire, output buffer).
 *
 * The same for every version profile (src/model/versions/profiles.ts): its shipped text, compiled
 * by harness-<version>.c, against its port; 6.0+ also compares RDBGeneratedByReplication, and a
 * failed 7.0 serverAssert is the return value "assert" on both sides.
 *
 * DIFF_CASES raises the case count (default 5000 for 4.0.14, 3000 for each other version);
 * DIFF_SEED replays a run. Without a C compiler the tests are skipped with the reason printed —
 * unless CI is set, where that is a failure.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createServer, snapshotServer, type DescReplState, type ServerDesc, type ServerSnapshot } from "../index";
import { PROFILES, REDIS_VERSIONS, type RedisVersion } from "../versions/profiles";
import { ServerAssertionFailed } from "../versions/record";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const BUILD_DIR = join(ROOT, ".c-build");

/** Each version's harness source and binary (4.0.14: harness.c, as before). */
const harnessOf = (v: RedisVersion) => ({
  source: join(ROOT, "src/model/differential", v === "4.0.14" ? "harness.c" : `harness-${v}.c`),
  binary: join(BUILD_DIR, v === "4.0.14" ? "startBgsaveForReplication-harness" : `startBgsaveForReplication-harness-${v}`),
});

const MIN_CASES: Record<RedisVersion, number> = { "4.0.14": 5000, "5.0.5": 3000, "6.2.14": 3000, "7.0.15": 3000 };
const casesFor = (v: RedisVersion) => Math.max(MIN_CASES[v], Number(process.env.DIFF_CASES ?? 0) || 0);
/** 6.0 and later: rdb-del-sync-files and RDBGeneratedByReplication; 7.0: slave_req and req. */
const hasDelSync = (v: RedisVersion) => v === "6.2.14" || v === "7.0.15";
const hasReq = (v: RedisVersion) => v === "7.0.15";
const SEED = process.env.DIFF_SEED !== undefined ? Number(process.env.DIFF_SEED) : Math.floor(Math.random() * 0x7fffffff);

function findCompiler(): string | null {
  const candidates = [process.env.CC, "cc", "gcc"].filter((c): c is string => !!c);
  for (const cc of candidates) {
    const r = spawnSync(cc, ["--version"], { encoding: "utf8" });
    if (!r.error && r.status === 0) return cc;
  }
  return null;
}

const compiler = findCompiler();
const NO_COMPILER = "no C compiler found (tried $CC, cc, gcc): cannot build the shipped seed startBgsaveForReplication.c";
if (!compiler && !process.env.CI) console.warn(`[differential] SKIPPED: ${NO_COMPILER}`);

function compileHarness(cc: string, v: RedisVersion): void {
  mkdirSync(BUILD_DIR, { recursive: true });
  const { source, binary } = harnessOf(v);
  // -I <repo root>: harness.c does #include "src/model/seed/startBgsaveForReplication.c".
  const r = spawnSync(cc, ["-std=c99", "-Wall", "-O1", "-I", ROOT, "-o", binary, source], { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    throw new Error(`compiling the C harness failed (${cc}):\n${r.error?.message ?? ""}${r.stderr}`);
  }
  if (r.stderr.trim()) console.warn(`[differential] compiler warnings:\n${r.stderr}`);
}

// ---------------------------------------------------------------------------------------------
// Generated pre-states

const REPLSTATES: DescReplState[] = ["WAIT_BGSAVE_START", "WAIT_BGSAVE_END", "SEND_BULK", "ONLINE"];

interface Case {
  diskless: boolean;
  delay: number;
  role: "master" | "replica";
  hasBacklog: boolean;
  upstream: "linked" | "cached" | "none";
  replid: string;
  masterReplOffset: number;
  slaveseldb: number;
  child: ServerDesc["child"];
  forkFails: boolean;
  replicas: { replstate: DescReplState; eof: boolean; psync2: boolean; oldSync: boolean }[];
  /** "and": the AND of the WAIT_BGSAVE_START replicas' capas, -1 when none (as the callers). */
  mincapa: "and" | number;
  /** 6.0+ only: rdb-del-sync-files. */
  delSyncFiles?: boolean;
  /** 7.0 only: each replica's slave_req (by index; 0 beyond), and the call's req ("first": as the cron). */
  reqs?: number[];
  req?: "first" | number;
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  diskless: fc.boolean(),
  delay: fc.integer({ min: 0, max: 10 }),
  role: fc.constantFrom("master" as const, "replica" as const),
  hasBacklog: fc.boolean(),
  upstream: fc.constantFrom("linked" as const, "cached" as const, "none" as const),
  replid: fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 40, maxLength: 40 }),
  masterReplOffset: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.maxSafeNat()),
  slaveseldb: fc.integer({ min: -1, max: 15 }),
  // Weighted so that successful BGSAVEs (no child, fork works) are common.
  child: fc.oneof(
    { weight: 4, arbitrary: fc.constant("none" as const) },
    { weight: 1, arbitrary: fc.constantFrom("rdb-disk" as const, "rdb-socket" as const, "aof" as const) },
  ),
  forkFails: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  replicas: fc.array(
    fc.record({ replstate: fc.constantFrom(...REPLSTATES), eof: fc.boolean(), psync2: fc.boolean(), oldSync: fc.boolean() }),
    { maxLength: 6 },
  ),
  mincapa: fc.oneof(fc.constant("and" as const), fc.integer({ min: 0, max: 3 })),
});

/** slave_req values: mostly none, then what REPLCONF rdb-filter-only sets ("functions": 1, "": 3). */
const reqArb = fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.constantFrom(1, 3) }, { weight: 1, arbitrary: fc.constant(2) });

function caseArbFor(v: RedisVersion): fc.Arbitrary<Case> {
  if (v === "4.0.14" || v === "5.0.5") return caseArb;
  if (v === "6.2.14") return fc.tuple(caseArb, fc.boolean()).map(([c, delSyncFiles]) => ({ ...c, delSyncFiles }));
  return fc
    .tuple(
      caseArb,
      fc.boolean(),
      fc.array(reqArb, { minLength: 6, maxLength: 6 }),
      fc.oneof({ weight: 3, arbitrary: fc.constant("first" as const) }, { weight: 1, arbitrary: reqArb }),
    )
    .map(([c, delSyncFiles, reqs, req]) => ({ ...c, delSyncFiles, reqs, req }));
}

const reqOf = (c: Case, i: number): number => c.reqs?.[i] ?? 0;

/** 7.0's req argument: as replicationCron passes it, the first waiting replica's (-1 when none), or the case's. */
function reqArgOf(c: Case): number {
  if (c.req === undefined) return 0;
  if (c.req !== "first") return c.req;
  const i = c.replicas.findIndex((r) => r.replstate === "WAIT_BGSAVE_START");
  return i === -1 ? -1 : reqOf(c, i);
}

const capaOf = (r: Case["replicas"][number]): number => (r.eof ? 1 : 0) | (r.psync2 ? 2 : 0);

function mincapaOf(c: Case): number {
  if (c.mincapa !== "and") return c.mincapa;
  let mincapa = -1;
  // 7.0's cron ANDs the capas of the waiting replicas that share the first one's req.
  const req = c.req === "first" ? reqArgOf(c) : null;
  c.replicas.forEach((r, i) => {
    if (r.replstate !== "WAIT_BGSAVE_START") return;
    if (req !== null && reqOf(c, i) !== req) return;
    mincapa = mincapa === -1 ? capaOf(r) : mincapa & capaOf(r);
  });
  return mincapa;
}

function toDesc(c: Case): ServerDesc {
  return {
    config: {
      replDisklessSync: c.diskless,
      replDisklessSyncDelay: c.delay,
      ...(c.delSyncFiles !== undefined ? { rdbDelSyncFiles: c.delSyncFiles } : {}),
    },
    role: c.role,
    ...(c.role === "master" ? { hasBacklog: c.hasBacklog } : { upstream: c.upstream }),
    replid: c.replid,
    masterReplOffset: c.masterReplOffset,
    slaveseldb: c.slaveseldb,
    child: c.child,
    faults: { forkFails: c.forkFails },
    replicas: c.replicas.map((r, i) => ({
      id: `r${i + 1}`,
      replstate: r.replstate,
      capa: { eof: r.eof, psync2: r.psync2 },
      oldSync: r.oldSync,
      ...(c.reqs ? { req: reqOf(c, i) } : {}),
    })),
  };
}

/** The line-based format harness.c reads (documented at its top). */
function toCInput(c: Case): string {
  const d = toDesc(c);
  const b = (v: boolean) => (v ? 1 : 0);
  const out = [
    "case",
    `diskless ${b(d.config.replDisklessSync)}`,
    `delay ${d.config.replDisklessSyncDelay}`,
    `role ${d.role}`,
    `backlog ${b(d.hasBacklog ?? false)}`,
    `upstream ${d.upstream ?? "none"}`,
    `replid ${d.replid}`,
    `offset ${d.masterReplOffset}`,
    `slaveseldb ${d.slaveseldb}`,
    `child ${d.child}`,
    `forkfails ${b(d.faults.forkFails)}`,
    `mincapa ${mincapaOf(c)}`,
    ...(d.config.rdbDelSyncFiles !== undefined ? [`delsyncfiles ${b(d.config.rdbDelSyncFiles)}`] : []),
    ...(c.req !== undefined ? [`req ${reqArgOf(c)}`] : []),
    ...d.replicas.map(
      (r) => `replica ${r.id} ${r.replstate} ${b(r.capa.eof)} ${b(r.capa.psync2)} ${b(r.oldSync)}${r.req !== undefined ? ` ${r.req}` : ""}`,
    ),
    "end",
  ];
  return out.join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------
// Running both sides

type Result = { retval: number | "assert"; rdbGeneratedByReplication?: boolean } & Pick<ServerSnapshot, (typeof FIELDS)[number]>;

const FIELDS = [
  "rdbChildType",
  "slaveseldb",
  "scriptCacheFlushed",
  "log",
  "lines",
  "replicas",
  "replid",
  "masterReplOffset",
  "aofChild",
] as const;

function runTs(v: RedisVersion, c: Case): Result {
  const server = createServer(toDesc(c));
  let retval: Result["retval"];
  try {
    retval = PROFILES[v].port(server, mincapaOf(c), reqArgOf(c));
  } catch (e) {
    if (!(e instanceof ServerAssertionFailed)) throw e;
    retval = "assert";
  }
  const snap = snapshotServer(server);
  const out = { retval } as Result;
  for (const f of FIELDS) (out as Record<string, unknown>)[f] = snap[f];
  if (hasDelSync(v)) out.rdbGeneratedByReplication = server.rdbGeneratedByReplication === true;
  return out;
}

/** All cases through one harness process. */
function runC(v: RedisVersion, cases: Case[]): Result[] {
  const r = spawnSync(harnessOf(v).binary, [], {
    input: cases.map(toCInput).join(""),
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (r.error || r.status !== 0) throw new Error(`C harness failed (status ${r.status}): ${r.error?.message ?? ""}${r.stderr}`);
  const lines = r.stdout.split("\n").filter((l) => l.length > 0);
  if (lines.length !== cases.length) throw new Error(`C harness printed ${lines.length} results for ${cases.length} cases`);
  return lines.map((l) => JSON.parse(l) as Result);
}

/** The first difference, with a path such as `replicas[2].wire`. */
function firstMismatch(v: RedisVersion, ts: Result, c: Result): { path: string; ts: unknown; c: unknown } | null {
  const keys = ["retval", ...FIELDS, ...(hasDelSync(v) ? (["rdbGeneratedByReplication"] as const) : [])] as const;
  const extra = Object.keys(c).filter((k) => !(keys as readonly string[]).includes(k));
  if (extra.length) return { path: `(C output has unexpected fields ${extra.join(", ")})`, ts: undefined, c: extra };
  for (const k of keys) {
    if (k === "replicas") {
      const a = ts.replicas;
      const b = c.replicas;
      if (a.length !== b.length) return { path: "replicas.length", ts: a.length, c: b.length };
      for (let i = 0; i < a.length; i++) {
        const ra = a[i] as unknown as Record<string, unknown>;
        const rb = b[i] as unknown as Record<string, unknown>;
        for (const f of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
          if (!isDeepStrictEqual(ra[f], rb[f])) return { path: `replicas[${i}].${f}`, ts: ra[f], c: rb[f] };
        }
      }
    } else if (!isDeepStrictEqual(ts[k], c[k])) {
      return { path: k, ts: ts[k], c: c[k] };
    }
  }
  return null;
}

function report(v: RedisVersion, c: Case, m: { path: string; ts: unknown; c: unknown }, ts: Result, cr: Result): string {
  return [
    `${v}: TS port and C differ at ${m.path}`,
    `  TS: ${JSON.stringify(m.ts)}`,
    `  C:  ${JSON.stringify(m.c)}`,
    `case (mincapa ${mincapaOf(c)}${hasReq(v) ? `, req ${reqArgOf(c)}` : ""}): ${JSON.stringify(toDesc(c))}`,
    `TS lines: ${JSON.stringify(ts.lines)}`,
    `C lines:  ${JSON.stringify(cr.lines)}`,
    `(replay with DIFF_SEED=${SEED})`,
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------

/** Log texts some case must produce, per version (pids as <n>). */
const EXPECTED_LOGS: Record<RedisVersion, string[]> = {
  "4.0.14": ["Starting BGSAVE for SYNC with target: disk", "Starting BGSAVE for SYNC with target: slaves sockets"],
  "5.0.5": ["Starting BGSAVE for SYNC with target: disk", "Starting BGSAVE for SYNC with target: replicas sockets"],
  "6.2.14": ["Starting BGSAVE for SYNC with target: disk", "Starting BGSAVE for SYNC with target: replicas sockets"],
  "7.0.15": [
    "Starting BGSAVE for SYNC with target: disk",
    "Starting BGSAVE for SYNC with target: replicas sockets",
    "==> replication.c:852 'socket_target || !(req & SLAVE_REQ_RDB_MASK)' is not true",
  ],
};

if (!compiler && process.env.CI) {
  describe("differential: a C compiler", () => {
    it("has a C compiler (required when CI is set)", () => {
      throw new Error(`${NO_COMPILER} — CI is set, so this is a failure, not a skip`);
    });
  });
}

describe.each(REDIS_VERSIONS.map((v) => [v] as const))("differential %s: TS port vs the shipped C startBgsaveForReplication", (v) => {
  const CASES = casesFor(v);
  const arb = caseArbFor(v);
  const profile = PROFILES[v];

  it.skipIf(!compiler)(`agrees with the C build on ${CASES} generated pre-states`, () => {
    compileHarness(compiler as string, v);

    // 1. Sample the cases and run them all through one harness process.
    const cases = fc.sample(arb, { seed: SEED, numRuns: CASES });
    const cResults = runC(v, cases);
    const cache = new Map<string, Result>();
    cases.forEach((c, i) => cache.set(JSON.stringify(c), cResults[i] as Result));

    // 2. Coverage of the C build across the cases.
    const seen = new Set<number>();
    const retvals = new Set<number | string>();
    const logs = new Set<string>();
    for (const r of cResults) {
      r.lines.forEach((l) => seen.add(l));
      retvals.add(r.retval);
      r.log.forEach((l) => logs.add(l.text.replace(/\d+$/, "<n>")));
    }
    const missing = Object.keys(profile.statements)
      .map(Number)
      .filter((l) => !seen.has(l));
    expect(missing, "statement lines never executed by the C build").toEqual([]);
    const unknown = [...seen].filter((l) => !(l in profile.statements));
    expect(unknown, "C build recorded lines that are not in the statements table").toEqual([]);
    expect([...retvals].map(String).sort(), "every return value").toEqual(v === "7.0.15" ? ["-1", "0", "assert"] : ["-1", "0"]);
    for (const text of [...EXPECTED_LOGS[v], "Background saving started by pid <n>", "Background RDB transfer started by pid <n>"]) {
      expect(logs.has(text), `some case logged "${text}"`).toBe(true);
    }
    if (hasDelSync(v)) {
      expect(new Set(cResults.map((r) => r.rdbGeneratedByReplication)), "RDBGeneratedByReplication both ways").toEqual(new Set([true, false]));
    }

    // 3. Compare every case, with fast-check replaying the same sequence (same seed), so a
    //    mismatch is shrunk; shrunk candidates not in the batch run through the harness alone.
    let misses = 0;
    fc.assert(
      fc.property(arb, (c) => {
        const key = JSON.stringify(c);
        let cr = cache.get(key);
        if (!cr) {
          misses++;
          cr = runC(v, [c])[0] as Result;
          cache.set(key, cr);
        }
        const ts = runTs(v, c);
        const m = firstMismatch(v, ts, cr);
        if (m) throw new Error(report(v, c, m, ts, cr));
      }),
      { seed: SEED, numRuns: CASES },
    );
    expect(misses, "fc.assert replays the batch sampled with the same seed").toBe(0);
  }, Math.max(60_000, CASES));

  it("builds the shipped text itself, not a copy", () => {
    const harnessC = readFileSync(harnessOf(v).source, "utf8");
    const others = ["harness.h", "harness_main.h"].map((f) => readFileSync(join(ROOT, "src/model/differential", f), "utf8"));
    expect(harnessC).toContain(`#include "${profile.textPath}"`);
    for (const text of [harnessC, ...others]) {
      expect(text).not.toMatch(/int\s+startBgsaveForReplication\s*\(\s*int/);
      expect(text).not.toContain("BGSAVE failed, replication can't continue");
    }
  });
});
