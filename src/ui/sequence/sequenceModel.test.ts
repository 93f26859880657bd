import { describe, expect, it } from "vitest";
import { runScenario, type Trace } from "../../model";
import { findScenario } from "../../scenarios/catalogue";
import type { Scenario } from "../../scenarios/schema";
import { sequenceEn } from "../i18n/en/sequence";
import { GROUP_ORDER } from "../view/replicaGroups";
import { sequenceLayout } from "./sequenceLayout";
import { CHILD_LANE, MAX_REPLICA_LANES, PRIMARY_LANE, sequenceModel, type SeqMessage, type SequenceModel } from "./sequenceModel";
import { messageName } from "./words";

function traceOf(id: string): Trace {
  const s = findScenario(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return runScenario(s);
}

/** The messages on a replica's lane, to or from it, as "kind" in order. */
function laneKinds(model: SequenceModel, id: string): string[] {
  const lane = model.lanes.findIndex((l) => l.ids.includes(id));
  return model.messages.filter((m) => m.from === lane || m.to === lane).map((m) => m.kind);
}

function first(model: SequenceModel, pred: (m: SeqMessage) => boolean): number {
  return model.messages.findIndex(pred);
}

/** n replicas that connect together (diskless, delay 5), then a few writes once they are online. */
function manyReplicas(n: number): Scenario {
  return {
    format: "fullresync-lab/scenario@1",
    redis: "4.0.14",
    id: `many-${n}`,
    title: { en: `${n} replicas`, zh: `${n} 个从节点` },
    summary: { en: "Many replicas.", zh: "很多从节点。" },
    config: { replDisklessSync: true, replDisklessSyncDelay: 5, replTimeout: 60 },
    primary: { role: "master", rdbBytes: 1 << 20, bgsaveSeconds: 2, transferBytesPerSecond: 8 << 20 },
    replicas: Array.from({ length: n }, (_, i) => ({ id: `r${i + 1}`, capa: ["eof", "psync2"] as ("eof" | "psync2")[], command: "PSYNC" as const })),
    events: [
      ...Array.from({ length: n }, (_, i) => ({ at: 0.1, type: "connect" as const, replica: `r${i + 1}` })),
      { at: 12, type: "write" as const, count: 3 },
    ],
  };
}

describe("the sequence model of catalogue scenarios", () => {
  it("01 disk happy path: PSYNC → fork → +FULLRESYNC → $len → RDB from the primary → the stream, one lane each", () => {
    const trace = traceOf("disk-happy-path");
    const model = sequenceModel(trace);
    expect(model.lanes.map((l) => l.kind)).toEqual(["child", "primary", "replica"]);
    expect(model.lanes[2]?.ids).toEqual(["r1"]);
    expect(laneKinds(model, "r1")).toEqual(["sync", "fullresync", "keepalive", "bulk", "rdb", "stream"]);
    const sync = model.messages[first(model, (m) => m.kind === "sync")] as SeqMessage & { kind: "sync" };
    expect(sync).toMatchObject({ from: 2, to: PRIMARY_LANE, command: "PSYNC", capa: ["eof", "psync2"], t: 250 });
    const full = model.messages.find((m) => m.kind === "fullresync");
    expect(full).toMatchObject({ from: PRIMARY_LANE, to: 2, offset: 0, replid: trace.frames[trace.frames.length - 1]?.server.replid });
    expect(model.messages.find((m) => m.kind === "bulk")).toMatchObject({ text: "$2097152", eof: false });
    // Disk target: the primary sends the file, after the child wrote it and exited.
    const rdb = model.messages.find((m) => m.kind === "rdb");
    expect(rdb).toMatchObject({ from: PRIMARY_LANE, to: 2, via: "disk", bytes: 2097152 });
    expect(first(model, (m) => m.kind === "exit")).toBeLessThan(first(model, (m) => m.kind === "rdb"));
    // The child's life: fork at 0.25 s to its exit at 2.25 s; the transfer from $len to the RDB.
    expect(model.children).toEqual([expect.objectContaining({ child: "rdb-disk", t: 250, endT: 2250, outcome: "done" })]);
    expect(model.bands).toEqual([expect.objectContaining({ kind: "transfer", lane: 2, t: 2300, endT: rdb?.t })]);
    // The replica ends ONLINE: the stream queued since the fork reaches it with the RDB.
    const stream = model.messages.find((m) => m.kind === "stream");
    expect(stream).toMatchObject({ commands: ["SELECT 0", "SET key:1 1", "SET key:2 2"], count: 3, frame: rdb?.frame });
    expect(model.messages.some((m) => m.kind === "queued")).toBe(false);
  });

  it("02 diskless batching: both replicas get +FULLRESYNC before the fork, then $EOF:; the child streams the RDB; each ACKs", () => {
    const model = sequenceModel(traceOf("diskless-batching"));
    const r1 = model.lanes.findIndex((l) => l.ids.includes("r1"));
    const r2 = model.lanes.findIndex((l) => l.ids.includes("r2"));
    const fork = first(model, (m) => m.kind === "fork");
    const fulls = model.messages.map((m, k) => (m.kind === "fullresync" ? k : -1)).filter((k) => k >= 0);
    expect(fulls.map((k) => model.messages[k]?.to)).toEqual([r1, r2]);
    for (const k of fulls) expect(k).toBeLessThan(fork);
    expect(model.messages[fork]).toMatchObject({ from: PRIMARY_LANE, to: CHILD_LANE, child: "rdb-socket", errno: null, t: 6000 });
    const eofs = model.messages.filter((m) => m.kind === "bulk");
    expect(eofs.map((m) => [m.to, m.kind === "bulk" && m.eof])).toEqual([
      [r1, true],
      [r2, true],
    ]);
    for (const m of eofs) expect(model.messages.indexOf(m)).toBeGreaterThan(fork);
    // Same offset for both; the RDB comes from the child's lane, not the primary's.
    expect(model.messages.filter((m) => m.kind === "fullresync").map((m) => m.kind === "fullresync" && m.offset)).toEqual([0, 0]);
    expect(model.messages.filter((m) => m.kind === "rdb").map((m) => [m.from, m.to])).toEqual([
      [CHILD_LANE, r1],
      [CHILD_LANE, r2],
    ]);
    expect(model.messages.filter((m) => m.kind === "ack").map((m) => [m.from, m.to, m.t])).toEqual([
      [r1, PRIMARY_LANE, 8137],
      [r2, PRIMARY_LANE, 8516],
    ]);
    // The wait: the diskless delay on the primary, from r1's PSYNC until the cron starts the BGSAVE.
    expect(model.bands.find((b) => b.kind === "delay")).toMatchObject({ lane: PRIMARY_LANE, t: 50, endT: 6000, delay: 5 });
    expect(model.bands.filter((b) => b.kind === "ackWait").map((b) => [b.lane, b.endT])).toEqual([
      [r1, 8137],
      [r2, 8516],
    ]);
    // Keep-alive newlines while r1 waits: one arrow for the run, ×6, from 1 s to 6 s.
    const keep = model.messages.find((m) => m.kind === "keepalive" && m.to === r1);
    expect(keep).toMatchObject({ count: 6, t: 1000, lastT: 6000 });
  });

  it.each(["fork-failure-disk", "fork-failure-socket"])("%s: the -ERR is queued after the failed fork, never sent, and no RDB follows on that connection", (id) => {
    const trace = traceOf(id);
    const model = sequenceModel(trace);
    const onFirst = model.messages.filter((m) => m.replica === "r1" && m.conn === 1);
    const failed = first(model, (m) => m.kind === "fork" && m.errno !== null);
    const queued = first(model, (m) => m.kind === "queued");
    expect(failed).toBeGreaterThanOrEqual(0);
    expect(model.messages[queued]).toMatchObject({ kind: "queued", text: "-ERR BGSAVE failed, replication can't continue", error: true, from: PRIMARY_LANE });
    expect(queued).toBeGreaterThan(failed);
    // Never sent: it is not in what reached the socket, and nothing of the RDB went on that connection.
    expect(trace.wires["r1#1"]?.wire.some((w) => w.startsWith("-ERR"))).toBe(false);
    expect(onFirst.some((m) => m.kind === "rdb" || m.kind === "bulk" || m.kind === "reply")).toBe(false);
    // Then silence until the replica times out and closes; it asks again on a new connection.
    const close = model.messages.find((m) => m.kind === "close");
    expect(close).toMatchObject({ by: "replica", reason: "timeout", replica: "r1", conn: 1 });
    expect(model.bands.find((b) => b.kind === "silence")).toMatchObject({ lane: 2, t: model.messages[queued]?.t, endT: close?.t });
    const names = messageName(model.messages[queued] as SeqMessage, model.lanes, sequenceEn);
    expect(names).toMatch(/^-ERR BGSAVE failed, replication can't continue: queued, never sent .* primary → r1 at t = \d+\.\d{3} s$/);
  });

  it("09 fork failure, socket: +FULLRESYNC went out before the fork failed; no $EOF:", () => {
    const model = sequenceModel(traceOf("fork-failure-socket"));
    const onFirst = model.messages.filter((m) => m.replica === "r1" && m.conn === 1).map((m) => m.kind);
    expect(onFirst).toEqual(["sync", "keepalive", "fullresync", "queued", "close"]);
    expect(first(model, (m) => m.kind === "fullresync")).toBeLessThan(first(model, (m) => m.kind === "fork"));
  });

  it("16 old SYNC client: SYNC without capabilities, no +FULLRESYNC, then $len, the RDB and the stream", () => {
    const model = sequenceModel(traceOf("old-sync-client"));
    expect(laneKinds(model, "cli")).toEqual(["sync", "keepalive", "bulk", "rdb", "stream"]);
    expect(model.messages[0]).toMatchObject({ kind: "sync", command: "SYNC", capa: [] });
  });

  it("places every message at its frame's time, in order, between existing lanes", () => {
    for (const id of ["disk-happy-path", "diskless-batching", "child-dies-disk", "child-dies-socket", "evalsha-full-sync", "aof-rewrite-active"]) {
      const trace = traceOf(id);
      const model = sequenceModel(trace);
      let prev = -1;
      for (const m of model.messages) {
        expect(m.frame).toBeGreaterThanOrEqual(prev);
        prev = m.frame;
        expect(m.t).toBe(trace.frames[m.frame]?.t);
        expect(m.lastFrame).toBeGreaterThanOrEqual(m.frame);
        expect(model.lanes[m.from]).toBeDefined();
        expect(model.lanes[m.to]).toBeDefined();
        expect(m.from).not.toBe(m.to);
      }
      for (const b of model.bands) expect(b.endFrame === null || b.endFrame >= b.frame).toBe(true);
    }
  });

  it("draws a killed child's bar ending in its kill, and the primary closing the replica it failed", () => {
    const model = sequenceModel(traceOf("child-dies-disk"));
    expect(model.children[0]).toMatchObject({ outcome: "killed" });
    expect(model.messages.find((m) => m.kind === "exit")).toMatchObject({ outcome: "killed", signal: 9, from: CHILD_LANE });
    expect(model.messages.find((m) => m.kind === "close")).toMatchObject({ by: "primary", reason: "childFailed", from: PRIMARY_LANE });
  });
});

describe("many replicas", () => {
  it("beyond a dozen groups them by the state they end in; arrows to a group merge", () => {
    const model = sequenceModel(runScenario(manyReplicas(200)));
    expect(model.grouped).toBe(true);
    const groups = model.lanes.filter((l) => l.kind === "group");
    expect(groups.length).toBeLessThanOrEqual(GROUP_ORDER.length);
    const ids = groups.flatMap((l) => l.ids);
    expect(ids.length).toBe(200);
    expect(new Set(ids).size).toBe(200);
    expect(groups.map((g) => g.state)).toEqual(["ONLINE"]);
    // One PSYNC arrow from the 200 replicas at 0.1 s, one +FULLRESYNC to all of them, before the fork.
    const syncs = model.messages.filter((m) => m.kind === "sync");
    expect(syncs).toEqual([expect.objectContaining({ replicas: 200, t: 100 })]);
    expect(model.messages.filter((m) => m.kind === "fullresync")).toEqual([expect.objectContaining({ replicas: 200 })]);
    expect(first(model, (m) => m.kind === "fullresync")).toBeLessThan(first(model, (m) => m.kind === "fork"));
  });

  it("does not grow with the number of replicas when they act together", () => {
    const kinds = (n: number) => sequenceModel(runScenario(manyReplicas(n))).messages.map((m) => m.kind);
    const at13 = kinds(13);
    expect(kinds(200)).toEqual(at13);
    expect(at13.length).toBeLessThan(40);
  });

  it("keeps one lane each up to a dozen", () => {
    const model = sequenceModel(runScenario(manyReplicas(MAX_REPLICA_LANES)));
    expect(model.grouped).toBe(false);
    expect(model.lanes.filter((l) => l.kind === "replica").map((l) => l.ids[0])).toEqual(Array.from({ length: MAX_REPLICA_LANES }, (_, i) => `r${i + 1}`));
  });
});

describe("the layout", () => {
  it("runs time downwards and cuts long idle gaps short, marking them", () => {
    const model = sequenceModel(traceOf("fork-failure-socket"));
    const layout = sequenceLayout(model);
    for (let k = 1; k < layout.rowY.length; k++) expect(layout.rowY[k]).toBeGreaterThan(layout.rowY[k - 1] as number);
    // 61 s of silence: one break, far shorter than the time it stands for.
    expect(layout.breaks).toEqual([expect.objectContaining({ gap: 67137 - 6000 })]);
    expect(layout.height).toBeLessThan(900);
    // The cursor line sits just below the last message that has happened.
    const trace = traceOf("fork-failure-socket");
    let prev = -Infinity;
    for (const f of trace.frames) {
      const y = layout.cursorY(f.i);
      expect(y).toBeGreaterThanOrEqual(prev);
      prev = y;
    }
    const full = first(model, (m) => m.kind === "fullresync");
    const at = model.messages[full]?.frame as number;
    expect(layout.cursorY(at)).toBeGreaterThan(layout.rowY[full] as number);
    expect(layout.cursorY(at - 1)).toBeLessThan(layout.rowY[full] as number);
  });

  it("names an arrow by what it says, its lanes and its time", () => {
    const model = sequenceModel(traceOf("disk-happy-path"));
    const full = model.messages.find((m) => m.kind === "fullresync") as SeqMessage;
    expect(messageName(full, model.lanes, sequenceEn)).toMatch(/^\+FULLRESYNC [0-9a-f]{40} 0 primary → r1 at t = 0\.250 s$/);
  });
});
