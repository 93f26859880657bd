/**
 * The version profiles (profiles.ts): each shipped text holds, at every line its port records,
 * the statement the port claims; each port's condition values decide the next line; and what
 * each version does differently from 4.0.14, shown on hand-built servers (createServer).
 * The C differential test (src/model/differential/) proves each port against its text.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createServer, snapshotServer, C_ERR, C_OK, type ServerDesc } from "../index";
import { arbDesc, callerMincapa } from "../test/arbitraries";
import { DEFAULT_VERSION, PROFILES, REDIS_VERSIONS, isRedisVersion, sourceLine, type RedisVersion } from "./profiles";
import { ServerAssertionFailed } from "./record";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const textOf = (v: RedisVersion): string => readFileSync(join(ROOT, PROFILES[v].textPath), "utf8");
const linesOf = (v: RedisVersion): string[] => textOf(v).replace(/\n$/, "").split("\n");

describe("the registry", () => {
  it("has the four versions, 4.0.14 the default", () => {
    expect(REDIS_VERSIONS).toEqual(["4.0.14", "5.0.5", "6.2.14", "7.0.15"]);
    expect(DEFAULT_VERSION).toBe("4.0.14");
    expect(isRedisVersion("6.2.14")).toBe(true);
    expect(isRedisVersion("6.2")).toBe(false);
    for (const v of REDIS_VERSIONS) expect(PROFILES[v].version).toBe(v);
  });
});

describe.each(REDIS_VERSIONS.map((v) => [v] as const))("the shipped %s text", (v) => {
  const p = PROFILES[v];
  const lines = linesOf(v);

  it("is the whole function with its comment, as many lines as its source range (plus annotations)", () => {
    expect(lines.length).toBe(p.source.last - p.source.first + 1 + p.annotationLines.length);
    expect(lines[p.signatureLine - 1]).toMatch(/^int startBgsaveForReplication\(int mincapa(, int req)?\) \{$/);
    expect(lines[0]).toBe("/* Start a BGSAVE for replication goals, which is, selecting the disk or");
    expect(lines[lines.length - 1]).toBe("}");
    expect(sourceLine(p, p.signatureLine)).toBe(p.source.functionLine);
  });

  it("loads lazily as the same text the port's lines refer to", async () => {
    expect(await p.loadText()).toBe(textOf(v));
  });

  it("holds, at every line the port can record, the statement the port claims", () => {
    for (const [line, text] of Object.entries(p.statements)) {
      const actual = lines[Number(line) - 1] ?? "";
      expect(actual.trim().startsWith(text) || actual.includes(text), `line ${line}: ${actual}`).toBe(true);
    }
    expect(p.statements[p.returnLines.ok]).toBe("return retval;");
    expect(p.statements[p.returnLines.err]).toBe("return retval;");
  });

  it("continues multi-line statements on the lines the code panel highlights with them", () => {
    for (const [line, more] of Object.entries(p.continuations)) {
      const first = lines[Number(line) - 1] ?? "";
      expect(first.trimEnd().endsWith(","), `line ${line} should continue`).toBe(true);
      for (const m of more ?? []) expect(lines[m - 1]?.trim().length).toBeGreaterThan(0);
    }
  });

  it("carries its attribution: which file and lines of which tag", () => {
    const notice = readFileSync(join(ROOT, dirname(p.textPath), "NOTICE.md"), "utf8");
    expect(notice).toContain(`Redis ${v}`);
    expect(notice).toContain(`lines ${p.source.first}–${p.source.last}`);
    expect(notice).toContain("BSD 3-Clause License");
  });
});

/*
 * Against Redis' own history: with REDIS_GIT_DIR pointing at a clone of redis/redis, every text
 * must be its tag's src/replication.c lines first–last (4.0.14: without its annotation lines).
 */
const REDIS_GIT_DIR = process.env.REDIS_GIT_DIR;
if (!REDIS_GIT_DIR || !existsSync(REDIS_GIT_DIR)) {
  console.warn("[versions] SKIPPED the comparison with Redis' history: REDIS_GIT_DIR is not set to a clone of redis/redis");
}
describe.skipIf(!REDIS_GIT_DIR || !existsSync(REDIS_GIT_DIR))("against redis/redis (REDIS_GIT_DIR)", () => {
  it.each(REDIS_VERSIONS.map((v) => [v] as const))("%s is its tag's text, unchanged", (v) => {
    const p = PROFILES[v];
    const r = spawnSync("git", ["--git-dir", REDIS_GIT_DIR as string, "show", `${v}:src/replication.c`], { encoding: "utf8", maxBuffer: 1 << 26 });
    expect(r.status).toBe(0);
    const upstream = r.stdout.split("\n").slice(p.source.first - 1, p.source.last);
    const ours = linesOf(v).filter((_, i) => !p.annotationLines.includes(i + 1));
    expect(ours).toEqual(upstream);
  });
});

/**
 * Where the C goes when each condition is true: the first line of the body (else the loop ends
 * or the branch is skipped) — an oracle independent of how the port records the value.
 */
const BODY: Record<RedisVersion, Record<number, number>> = {
  "4.0.14": { 33: 34, 34: 35, 47: 48, 50: 51, 53: 54, 67: 68, 69: 70, 72: 73 },
  "5.0.5": { 32: 33, 33: 34, 45: 46, 48: 49, 51: 52, 65: 66, 67: 68, 70: 71 },
  "6.2.14": { 32: 33, 33: 34, 47: 48, 53: 54, 56: 57, 59: 60, 73: 74, 75: 76, 78: 79 },
  "7.0.15": { 39: 40, 40: 41, 54: 55, 60: 61, 63: 64, 66: 67, 80: 81, 82: 83, 85: 87, 87: 88 },
};

const arbVersionDesc = fc.tuple(arbDesc, fc.boolean(), fc.array(fc.constantFrom(0, 0, 1, 3), { minLength: 6, maxLength: 6 })).map(
  ([d, del, reqs]): ServerDesc => ({
    ...d,
    config: { ...d.config, rdbDelSyncFiles: del },
    replicas: d.replicas.map((r, i) => ({ ...r, req: reqs[i] ?? 0 })),
  }),
);

describe.each(REDIS_VERSIONS.map((v) => [v] as const))("the %s port's condition values", (v) => {
  it("carry the value that decided the next line, on 600 generated servers", () => {
    const body = BODY[v];
    const checked = new Set<number>();
    for (const desc of fc.sample(arbVersionDesc, { seed: 15, numRuns: 600 })) {
      const s = createServer(desc);
      const seen: { line: number; condition: boolean | null }[] = [];
      s.onLine = (line, _locals, condition) => seen.push({ line, condition });
      // 7.0: the req of the first waiting replica, as replicationCron passes it.
      const req = desc.replicas.find((r) => r.replstate === "WAIT_BGSAVE_START")?.req ?? 0;
      const waiting = desc.replicas.filter((r) => r.replstate === "WAIT_BGSAVE_START" && (v !== "7.0.15" || r.req === req));
      try {
        PROFILES[v].port(s, callerMincapa({ ...desc, replicas: waiting }), req);
      } catch (e) {
        if (!(e instanceof ServerAssertionFailed)) throw e;
      }
      seen.forEach((f, i) => {
        const next = body[f.line];
        if (next === undefined) {
          expect(f.condition, `line ${f.line}`).toBeNull();
          return;
        }
        expect(f.condition, `line ${f.line} then ${seen[i + 1]?.line}`).toBe(seen[i + 1]?.line === next);
        checked.add(f.line);
      });
    }
    expect([...checked].sort((a, b) => a - b)).toEqual(Object.keys(body).map(Number));
  });
});

// ---------------------------------------------------------------------------------------------
// What each version does differently, on hand-built servers.

const capa = { eof: true, psync2: true };
const base: ServerDesc = {
  config: { replDisklessSync: false, replDisklessSyncDelay: 5 },
  role: "master",
  hasBacklog: true,
  replid: "a".repeat(40),
  masterReplOffset: 1000,
  slaveseldb: 3,
  child: "none",
  faults: { forkFails: false },
  replicas: [],
};
const FULLRESYNC = `+FULLRESYNC ${"a".repeat(40)} 1000`;
const ERR = "-ERR BGSAVE failed, replication can't continue";

function run(v: RedisVersion, desc: ServerDesc, mincapa = 3, req?: number) {
  const s = createServer(desc);
  const retval = PROFILES[v].port(s, mincapa, req);
  return { s, retval, snap: snapshotServer(s) };
}

describe("the failed BGSAVE's -ERR: queued and never sent in 4.0.14, written from 5.0.5 on", () => {
  const failing: ServerDesc = { ...base, faults: { forkFails: true }, replicas: [{ id: "a", replstate: "WAIT_BGSAVE_START", capa, oldSync: false }] };

  it("4.0.14: replstate stays WAIT_BGSAVE_START, the reply stays in the output buffer", () => {
    const { retval, snap } = run("4.0.14", failing);
    expect(retval).toBe(C_ERR);
    expect(snap.replicas[0]).toMatchObject({ replstate: "WAIT_BGSAVE_START", inSlaves: false, flags: ["CLOSE_AFTER_REPLY"], wire: [], outputBuffer: [ERR] });
  });

  it.each(["5.0.5", "6.2.14", "7.0.15"] as const)("%s: replstate REPL_STATE_NONE, so the reply reaches the wire, then the connection closes", (v) => {
    const { retval, snap } = run(v, failing);
    expect(retval).toBe(C_ERR);
    expect(snap.replicas[0]).toMatchObject({ replstate: "NONE", inSlaves: false, flags: ["CLOSE_AFTER_REPLY"], wire: [ERR], outputBuffer: [] });
    expect(snap.lines).toContain(PROFILES[v].returnLines.err);
    expect(snap.log.map((l) => l.text)).toEqual([
      "Starting BGSAVE for SYNC with target: disk",
      "Can't save in background: fork: Resource temporarily unavailable",
      "BGSAVE for replication failed",
    ]);
  });
});

describe("the log's target wording", () => {
  const diskless: ServerDesc = { ...base, config: { replDisklessSync: true, replDisklessSyncDelay: 5 }, replicas: [{ id: "a", replstate: "WAIT_BGSAVE_START", capa, oldSync: false }] };
  it.each([
    ["4.0.14", "slaves sockets"],
    ["5.0.5", "replicas sockets"],
    ["6.2.14", "replicas sockets"],
    ["7.0.15", "replicas sockets"],
  ] as const)("%s: %s", (v, words) => {
    expect(run(v, diskless).snap.log[0]?.text).toBe(`Starting BGSAVE for SYNC with target: ${words}`);
  });
});

describe("6.2.14 and 7.0.15: the socket child writes into a pipe", () => {
  const diskless: ServerDesc = {
    ...base,
    config: { replDisklessSync: true, replDisklessSyncDelay: 5 },
    replicas: [{ id: "a", replstate: "WAIT_BGSAVE_START", capa, oldSync: false }],
  };

  it("4.0.14 and 5.0.5: $EOF:<mark> is on the socket at the fork; 6.2.14, 7.0.15: only +FULLRESYNC", () => {
    for (const v of ["4.0.14", "5.0.5"] as const) {
      const { snap, s } = run(v, diskless);
      expect(snap.replicas[0]?.wire).toEqual([FULLRESYNC, `$EOF:${s.child?.eofMark}`]);
      expect(s.child?.viaPipe).toBeUndefined();
    }
    for (const v of ["6.2.14", "7.0.15"] as const) {
      const { snap, s } = run(v, diskless);
      expect(snap.rdbChildType).toBe("socket");
      expect(snap.replicas[0]?.wire).toEqual([FULLRESYNC]);
      expect(s.child).toMatchObject({ viaPipe: true, targets: [s.clients[0]?.cid] });
    }
  });

  it("a failed fork puts every WAIT_BGSAVE_END replica back, so the error loop drops it too", () => {
    const desc: ServerDesc = {
      ...diskless,
      faults: { forkFails: true },
      replicas: [
        { id: "old", replstate: "WAIT_BGSAVE_END", capa, oldSync: false },
        { id: "new", replstate: "WAIT_BGSAVE_START", capa, oldSync: false },
      ],
    };
    const five = run("5.0.5", desc).snap.replicas;
    expect(five.find((r) => r.id === "old")).toMatchObject({ replstate: "WAIT_BGSAVE_END", inSlaves: true });
    for (const v of ["6.2.14", "7.0.15"] as const) {
      const { snap, retval } = run(v, desc);
      expect(retval).toBe(C_ERR);
      for (const id of ["old", "new"]) {
        expect(snap.replicas.find((r) => r.id === id)).toMatchObject({ replstate: "NONE", inSlaves: false, flags: ["CLOSE_AFTER_REPLY"] });
      }
    }
  });
});

describe("6.2.14 and 7.0.15: rdb-del-sync-files", () => {
  const one = [{ id: "a", replstate: "WAIT_BGSAVE_START" as const, capa, oldSync: false }];
  it.each(["6.2.14", "7.0.15"] as const)("%s: a disk BGSAVE started with it on is remembered (RDBGeneratedByReplication), and only then", (v) => {
    expect(run(v, { ...base, config: { ...base.config, rdbDelSyncFiles: true }, replicas: one }).s.rdbGeneratedByReplication).toBe(true);
    expect(run(v, { ...base, config: { ...base.config, rdbDelSyncFiles: false }, replicas: one }).s.rdbGeneratedByReplication).toBe(false);
    const socket = { ...base, config: { replDisklessSync: true, replDisklessSyncDelay: 5, rdbDelSyncFiles: true }, replicas: one };
    expect(run(v, socket).s.rdbGeneratedByReplication).toBe(false);
    const failed = { ...base, config: { ...base.config, rdbDelSyncFiles: true }, faults: { forkFails: true }, replicas: one };
    expect(run(v, failed).s.rdbGeneratedByReplication).toBe(false);
  });
  it("4.0.14 and 5.0.5 have no such thing", () => {
    for (const v of ["4.0.14", "5.0.5"] as const) {
      expect(run(v, { ...base, config: { ...base.config, rdbDelSyncFiles: true }, replicas: one }).s.rdbGeneratedByReplication).toBe(false);
    }
  });
});

describe("7.0.15: req, the assertion, no script cache flush", () => {
  it("a filtered RDB (req & SLAVE_REQ_RDB_MASK) goes to sockets even with repl-diskless-sync off", () => {
    const desc: ServerDesc = { ...base, replicas: [{ id: "f", replstate: "WAIT_BGSAVE_START", capa, oldSync: false, req: 1 }] };
    const { snap, retval } = run("7.0.15", desc, 3, 1);
    expect(retval).toBe(C_OK);
    expect(snap.rdbChildType).toBe("socket");
    expect(snap.log[0]?.text).toBe("Starting BGSAVE for SYNC with target: replicas sockets");
    expect(run("7.0.15", desc, 3, 0).snap.rdbChildType).toBe("disk");
  });

  it("only replicas whose slave_req equals req are set up; the others keep waiting (lines 87–88)", () => {
    const desc: ServerDesc = {
      ...base,
      replicas: [
        { id: "plain", replstate: "WAIT_BGSAVE_START", capa, oldSync: false, req: 0 },
        { id: "filtered", replstate: "WAIT_BGSAVE_START", capa, oldSync: false, req: 1 },
      ],
    };
    const { snap } = run("7.0.15", desc, 3, 0);
    expect(snap.replicas.find((r) => r.id === "plain")).toMatchObject({ replstate: "WAIT_BGSAVE_END", wire: [FULLRESYNC] });
    expect(snap.replicas.find((r) => r.id === "filtered")).toMatchObject({ replstate: "WAIT_BGSAVE_START", inSlaves: true, wire: [] });
    expect(snap.lines).toEqual([28, 30, 32, 36, 39, 40, 43, 54, 60, 80, 81, 82, 83, 85, 87, 89, 82, 83, 85, 87, 88, 82, 94]);
    const sockets = run("7.0.15", { ...desc, config: { replDisklessSync: true, replDisklessSyncDelay: 5 } }, 3, 1).snap;
    expect(sockets.replicas.find((r) => r.id === "filtered")).toMatchObject({ replstate: "WAIT_BGSAVE_END", wire: [FULLRESYNC] });
    expect(sockets.replicas.find((r) => r.id === "plain")).toMatchObject({ replstate: "WAIT_BGSAVE_START", wire: [] });
  });

  it("the error loop drops every waiting replica, whatever its slave_req", () => {
    const desc: ServerDesc = {
      ...base,
      faults: { forkFails: true },
      replicas: [
        { id: "plain", replstate: "WAIT_BGSAVE_START", capa, oldSync: false, req: 0 },
        { id: "filtered", replstate: "WAIT_BGSAVE_START", capa, oldSync: false, req: 1 },
      ],
    };
    const { snap } = run("7.0.15", desc, 3, 0);
    for (const r of snap.replicas) expect(r).toMatchObject({ replstate: "NONE", inSlaves: false, wire: [ERR] });
  });

  it("a filtered request without the EOF capability fails serverAssert: the bug report starts and the process dies", () => {
    const s = createServer({ ...base, replicas: [{ id: "f", replstate: "WAIT_BGSAVE_START", capa: { eof: false, psync2: true }, oldSync: false, req: 1 }] });
    expect(() => PROFILES["7.0.15"].port(s, 2, 1)).toThrow(ServerAssertionFailed);
    expect(s.lines).toEqual([28, 30]);
    expect(s.log.map((l) => l.text)).toEqual([
      "=== REDIS BUG REPORT START: Cut & paste starting from here ===",
      "=== ASSERTION FAILED ===",
      "==> replication.c:852 'socket_target || !(req & SLAVE_REQ_RDB_MASK)' is not true",
    ]);
  });

  it("does not flush the replication script cache (7.0 has none); every earlier version does", () => {
    const desc: ServerDesc = { ...base, scriptCache: ["977fbd4a4958e03b169e1ee1daad5f92589cd641"], replicas: [{ id: "a", replstate: "WAIT_BGSAVE_START", capa, oldSync: false }] };
    expect(run("7.0.15", desc).snap.scriptCacheFlushed).toBe(false);
    for (const v of ["4.0.14", "5.0.5", "6.2.14"] as const) expect(run(v, desc).snap.scriptCacheFlushed).toBe(true);
  });
});
