import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createServer, snapshotServer, startBgsaveForReplication, SEED_STATEMENTS, SEED_CONTINUATIONS, C_ERR, C_OK } from "./index";
import type { ServerDesc } from "./index";
import { runScenario } from "./index";
import { CATALOGUE } from "../scenarios/catalogue";

const SEED_PATH = fileURLToPath(new URL("./seed/startBgsaveForReplication.c", import.meta.url));
const seedLines = readFileSync(SEED_PATH, "utf8").split("\n");

describe("the shipped reference text", () => {
  it("is the 83-line function with its Chinese annotations", () => {
    expect(seedLines.filter((l, i) => i < 83 || l !== "").length).toBe(83);
    expect(seedLines[18]).toBe("int startBgsaveForReplication(int mincapa) {");
    expect(seedLines.some((l) => l.includes("获取 rdb 信息"))).toBe(true);
  });

  it("holds, at every line the port can record, the statement the port claims", () => {
    for (const [line, text] of Object.entries(SEED_STATEMENTS)) {
      const actual = seedLines[Number(line) - 1] ?? "";
      expect(actual.trim().startsWith(text) || actual.includes(text), `line ${line}: ${actual}`).toBe(true);
    }
  });

  it("continues multi-line statements on the lines the code panel highlights with them", () => {
    for (const [line, more] of Object.entries(SEED_CONTINUATIONS)) {
      const first = seedLines[Number(line) - 1] ?? "";
      expect(first.trimEnd().endsWith(","), `line ${line} should continue`).toBe(true);
      for (const m of more ?? []) expect(seedLines[m - 1]?.trim().length).toBeGreaterThan(0);
    }
  });
});

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
const capa = { eof: true, psync2: true };

describe("startBgsaveForReplication (headless)", () => {
  it("disk target: every WAIT_BGSAVE_START replica gets +FULLRESYNC with the current offset", () => {
    const s = createServer({
      ...base,
      replicas: [
        { id: "a", replstate: "WAIT_BGSAVE_START", capa, oldSync: false },
        { id: "b", replstate: "ONLINE", capa, oldSync: false },
        { id: "c", replstate: "WAIT_BGSAVE_START", capa: { eof: false, psync2: false }, oldSync: true },
      ],
    });
    expect(startBgsaveForReplication(s, 3)).toBe(C_OK);
    const snap = snapshotServer(s);
    expect(snap.rdbChildType).toBe("disk");
    expect(snap.slaveseldb).toBe(-1);
    expect(snap.scriptCacheFlushed).toBe(true);
    const [a, b, c] = snap.replicas;
    expect(a).toMatchObject({ replstate: "WAIT_BGSAVE_END", psyncInitialOffset: 1000, wire: [`+FULLRESYNC ${"a".repeat(40)} 1000`] });
    expect(b).toMatchObject({ replstate: "ONLINE", wire: [] });
    // An old SYNC client gets no +FULLRESYNC (docs/behaviour.md §7).
    expect(c).toMatchObject({ replstate: "WAIT_BGSAVE_END", psyncInitialOffset: 1000, wire: [] });
    expect(snap.log.map((l) => l.text)).toEqual([
      "Starting BGSAVE for SYNC with target: disk",
      expect.stringMatching(/^Background saving started by pid \d+$/),
    ]);
    expect(snap.lines).toEqual([21, 25, 30, 33, 34, 37, 47, 67, 68, 69, 70, 72, 73, 69, 70, 72, 69, 70, 72, 73, 69, 81, 82]);
  });

  it("error path: drops every WAIT_BGSAVE_START replica, deleting while iterating, and leaves replstate 6", () => {
    const s = createServer({
      ...base,
      config: { replDisklessSync: true, replDisklessSyncDelay: 5 },
      faults: { forkFails: true },
      replicas: [
        { id: "a", replstate: "WAIT_BGSAVE_START", capa, oldSync: false },
        { id: "b", replstate: "WAIT_BGSAVE_START", capa, oldSync: false },
        { id: "c", replstate: "ONLINE", capa, oldSync: false },
        { id: "d", replstate: "WAIT_BGSAVE_START", capa, oldSync: false },
      ],
    });
    expect(startBgsaveForReplication(s, 3)).toBe(C_ERR);
    const snap = snapshotServer(s);
    expect(snap.rdbChildType).toBe("none");
    expect(snap.scriptCacheFlushed).toBe(false);
    for (const id of ["a", "b", "d"]) {
      const r = snap.replicas.find((x) => x.id === id);
      expect(r).toMatchObject({
        replstate: "WAIT_BGSAVE_START",
        inSlaves: false,
        flags: ["CLOSE_AFTER_REPLY"],
        outputBuffer: ["-ERR BGSAVE failed, replication can't continue"],
      });
      // Socket target: +FULLRESYNC went out before the failed fork (docs/behaviour.md §6).
      expect(r?.wire).toEqual([`+FULLRESYNC ${"a".repeat(40)} 1000`]);
    }
    expect(snap.replicas.find((x) => x.id === "c")).toMatchObject({ replstate: "ONLINE", inSlaves: true, flags: ["SLAVE"] });
    expect(snap.log.map((l) => l.text)).toEqual([
      "Starting BGSAVE for SYNC with target: slaves sockets",
      "Can't save in background: fork: Resource temporarily unavailable",
      "BGSAVE for replication failed",
    ]);
    // No "== CRITICAL ==" line: CLIENT_SLAVE is cleared before addReplyError (docs/behaviour.md §4 step 5).
    expect(snap.log.some((l) => l.text.includes("CRITICAL"))).toBe(false);
  });

  it("rsiptr == NULL on a replica whose master link dropped uncached", () => {
    const s = createServer({
      ...base,
      role: "replica",
      upstream: "none",
      replicas: [{ id: "s", replstate: "WAIT_BGSAVE_START", capa, oldSync: false }],
    });
    expect(startBgsaveForReplication(s, 3)).toBe(C_ERR);
    const snap = snapshotServer(s);
    expect(snap.log.map((l) => l.text)).toEqual([
      "Starting BGSAVE for SYNC with target: disk",
      "BGSAVE for replication: replication information not available, can't generate the RDB file right now. Try later.",
      "BGSAVE for replication failed",
    ]);
    expect(snap.lines.slice(0, 8)).toEqual([21, 25, 30, 33, 39, 40, 47, 48]);
  });

  it("a cached master still provides the replication info", () => {
    const s = createServer({
      ...base,
      role: "replica",
      upstream: "cached",
      replicas: [{ id: "s", replstate: "WAIT_BGSAVE_START", capa, oldSync: false }],
    });
    expect(startBgsaveForReplication(s, 3)).toBe(C_OK);
  });

  it("a child already running makes the start fail silently (unreachable from 4.0.14's callers, §17)", () => {
    const s = createServer({ ...base, child: "aof", replicas: [{ id: "a", replstate: "WAIT_BGSAVE_START", capa, oldSync: false }] });
    expect(startBgsaveForReplication(s, 3)).toBe(C_ERR);
    expect(snapshotServer(s).log.map((l) => l.text)).toEqual([
      "Starting BGSAVE for SYNC with target: disk",
      "BGSAVE for replication failed",
    ]);
  });
});

describe("the condition values the port records", () => {
  // Where the C goes when each condition is true: the first line of the body (else the loop ends
  // or the branch is skipped). An oracle independent of how the port records the value.
  const BODY: Record<number, number> = { 33: 34, 34: 35, 47: 48, 50: 51, 53: 54, 67: 68, 69: 70, 72: 73 };
  it.each(CATALOGUE.map((s) => [s.id, s] as const))("%s: every condition line carries the value that decided the next line", (_id, s) => {
    const trace = runScenario(s);
    let checked = 0;
    trace.frames.forEach((f, i) => {
      if (f.kind !== "line" || f.line === null) return;
      const body = BODY[f.line];
      if (body === undefined) {
        expect(f.condition, `frame ${i} line ${f.line}`).toBeUndefined();
        return;
      }
      const next = trace.frames[i + 1] as (typeof trace.frames)[number];
      expect(f.condition, `frame ${i} line ${f.line}`).toBe(next.kind === "line" && next.line === body);
      checked++;
    });
    expect(checked).toBeGreaterThan(0);
  });
});
