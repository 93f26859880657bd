/**
 * Differential test: the TypeScript port (port.ts) against the real C function, compiled from the
 * shipped, unmodified `src/model/seed/startBgsaveForReplication.c` with the stand-ins of
 * harness.h. Both sides get the same generated pre-states; everything observable is compared —
 * return value, RDB child type, slaveseldb, script cache flush, log, executed seed lines, and every
 * replica (state, membership in server.slaves, flags, offset, wire, output buffer).
 *
 * DIFF_CASES raises the case count (default 5000); DIFF_SEED replays a run. Without a C compiler
 * the test is skipped with the reason printed — unless CI is set, where that is a failure.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createServer,
  SEED_STATEMENTS,
  snapshotServer,
  startBgsaveForReplication,
  type DescReplState,
  type ServerDesc,
  type ServerSnapshot,
} from "../index";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const HARNESS_C = join(ROOT, "src/model/differential/harness.c");
const BUILD_DIR = join(ROOT, ".c-build");
const BINARY = join(BUILD_DIR, "startBgsaveForReplication-harness");

const CASES = Math.max(5000, Number(process.env.DIFF_CASES ?? 0) || 0);
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

function compileHarness(cc: string): void {
  mkdirSync(BUILD_DIR, { recursive: true });
  // -I <repo root>: harness.c does #include "src/model/seed/startBgsaveForReplication.c".
  const r = spawnSync(cc, ["-std=c99", "-Wall", "-O1", "-I", ROOT, "-o", BINARY, HARNESS_C], { encoding: "utf8" });
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

const capaOf = (r: Case["replicas"][number]): number => (r.eof ? 1 : 0) | (r.psync2 ? 2 : 0);

function mincapaOf(c: Case): number {
  if (c.mincapa !== "and") return c.mincapa;
  let mincapa = -1;
  for (const r of c.replicas) {
    if (r.replstate === "WAIT_BGSAVE_START") mincapa = mincapa === -1 ? capaOf(r) : mincapa & capaOf(r);
  }
  return mincapa;
}

function toDesc(c: Case): ServerDesc {
  return {
    config: { replDisklessSync: c.diskless, replDisklessSyncDelay: c.delay },
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
    ...d.replicas.map((r) => `replica ${r.id} ${r.replstate} ${b(r.capa.eof)} ${b(r.capa.psync2)} ${b(r.oldSync)}`),
    "end",
  ];
  return out.join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------
// Running both sides

type Result = { retval: number } & Pick<ServerSnapshot, (typeof FIELDS)[number]>;

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

function runTs(c: Case): Result {
  const server = createServer(toDesc(c));
  const retval = startBgsaveForReplication(server, mincapaOf(c));
  const snap = snapshotServer(server);
  const out = { retval } as Result;
  for (const f of FIELDS) (out as Record<string, unknown>)[f] = snap[f];
  return out;
}

/** All cases through one harness process. */
function runC(cases: Case[]): Result[] {
  const r = spawnSync(BINARY, [], {
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
function firstMismatch(ts: Result, c: Result): { path: string; ts: unknown; c: unknown } | null {
  const keys = ["retval", ...FIELDS] as const;
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

function report(c: Case, m: { path: string; ts: unknown; c: unknown }, ts: Result, cr: Result): string {
  return [
    `TS port and C differ at ${m.path}`,
    `  TS: ${JSON.stringify(m.ts)}`,
    `  C:  ${JSON.stringify(m.c)}`,
    `case (mincapa ${mincapaOf(c)}): ${JSON.stringify(toDesc(c))}`,
    `TS lines: ${JSON.stringify(ts.lines)}`,
    `C lines:  ${JSON.stringify(cr.lines)}`,
    `(replay with DIFF_SEED=${SEED})`,
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------

describe("differential: TS port vs the shipped C startBgsaveForReplication", () => {
  if (!compiler && process.env.CI) {
    it("has a C compiler (required when CI is set)", () => {
      throw new Error(`${NO_COMPILER} — CI is set, so this is a failure, not a skip`);
    });
  }

  it.skipIf(!compiler)(`agrees with the C build on ${CASES} generated pre-states`, () => {
    compileHarness(compiler as string);

    // 1. Sample the cases and run them all through one harness process.
    const cases = fc.sample(caseArb, { seed: SEED, numRuns: CASES });
    const cResults = runC(cases);
    const cache = new Map<string, Result>();
    cases.forEach((c, i) => cache.set(JSON.stringify(c), cResults[i] as Result));

    // 2. Coverage of the C build across the cases.
    const seen = new Set<number>();
    const retvals = new Set<number>();
    const logs = new Set<string>();
    for (const r of cResults) {
      r.lines.forEach((l) => seen.add(l));
      retvals.add(r.retval);
      r.log.forEach((l) => logs.add(l.text.replace(/\d+$/, "<n>")));
    }
    const missing = Object.keys(SEED_STATEMENTS)
      .map(Number)
      .filter((l) => !seen.has(l));
    expect(missing, "SEED_STATEMENTS lines never executed by the C build").toEqual([]);
    const unknown = [...seen].filter((l) => !(l in SEED_STATEMENTS));
    expect(unknown, "C build recorded lines that are not in SEED_STATEMENTS").toEqual([]);
    expect([...retvals].sort(), "both return values").toEqual([-1, 0]);
    for (const text of [
      "Starting BGSAVE for SYNC with target: disk",
      "Starting BGSAVE for SYNC with target: slaves sockets",
      "Background saving started by pid <n>",
      "Background RDB transfer started by pid <n>",
    ]) {
      expect(logs.has(text), `some case logged "${text}"`).toBe(true);
    }

    // 3. Compare every case, with fast-check replaying the same sequence (same seed), so a
    //    mismatch is shrunk; shrunk candidates not in the batch run through the harness alone.
    let misses = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const key = JSON.stringify(c);
        let cr = cache.get(key);
        if (!cr) {
          misses++;
          cr = runC([c])[0] as Result;
          cache.set(key, cr);
        }
        const ts = runTs(c);
        const m = firstMismatch(ts, cr);
        if (m) throw new Error(report(c, m, ts, cr));
      }),
      { seed: SEED, numRuns: CASES },
    );
    expect(misses, "fc.assert replays the batch sampled with the same seed").toBe(0);
  }, Math.max(60_000, CASES));

  it("builds the shipped seed file itself, not a copy", () => {
    const harnessC = readFileSync(HARNESS_C, "utf8");
    const harnessH = readFileSync(join(ROOT, "src/model/differential/harness.h"), "utf8");
    expect(harnessC).toContain('#include "src/model/seed/startBgsaveForReplication.c"');
    for (const text of [harnessC, harnessH]) {
      expect(text).not.toMatch(/int\s+startBgsaveForReplication\s*\(\s*int/);
      expect(text).not.toContain("BGSAVE failed, replication can't continue");
    }
  });
});
