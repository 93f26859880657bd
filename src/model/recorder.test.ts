/**
 * The recorder shares what did not change between frames, and only that: an unchanged view is
 * the previous frame's very object, a changed one is a new object, and a recorded frame never
 * changes afterwards.
 */
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../scenarios/catalogue";
import { createServer } from "./desc";
import { createClient, freeClient, writeToSocket } from "./networking";
import { Recorder } from "./recorder";
import { note } from "./server";
import { MODELLED_VERSIONS, runScenario, versionProblem } from "./sim";
import { ioOf, markersOf, retiredAt, type Frame } from "./trace";

const desc = {
  config: { replDisklessSync: false, replDisklessSyncDelay: 5 },
  role: "master" as const,
  hasBacklog: true,
  replid: "a".repeat(40),
  masterReplOffset: 0,
  slaveseldb: -1,
  child: "none" as const,
  faults: { forkFails: false },
  replicas: [
    { id: "r1", replstate: "WAIT_BGSAVE_START" as const, capa: { eof: true, psync2: true }, oldSync: false },
    { id: "r2", replstate: "WAIT_BGSAVE_START" as const, capa: { eof: true, psync2: true }, oldSync: false },
  ],
};

describe("the recorder", () => {
  it("shares unchanged views, copies changed ones, and leaves recorded frames as they were", () => {
    const server = createServer(desc);
    const agents = [{ id: "r1", phase: "idle" as const, conn: 1, log: [] as unknown[], command: "PSYNC" as const, lastio: 0, cronPhase: 137, index: 0, changed: false }];
    const rec = new Recorder(server, agents, 100);
    rec.record("event", null, null);
    rec.record("event", null, null);
    const [a, b] = rec.frames as [Frame, Frame];
    expect(b.server).toBe(a.server);
    expect(b.replicas).toBe(a.replicas);
    expect(b.agents).toBe(a.agents);
    const before = JSON.stringify(a);

    // One replica's state changes, the other's does not; the server view does not either.
    const r1 = server.clients[0]!;
    r1.replstate = 7;
    server.masterReplOffset = 0;
    note(server, { key: "port.failed" });
    rec.record("event", null, null);
    const c = rec.frames[2] as Frame;
    expect(c.server).toBe(b.server);
    expect(c.replicas).not.toBe(b.replicas);
    expect(c.replicas[0]).not.toBe(b.replicas[0]);
    expect(c.replicas[0]?.replstate).toBe("WAIT_BGSAVE_END");
    expect(c.replicas[1]).toBe(b.replicas[1]);
    expect(c.notes).toEqual([{ key: "port.failed" }]);

    // A server change gives a new server view; agent changes a new agents array.
    server.masterReplOffset = 42;
    agents[0]!.log.push("x");
    rec.record("event", null, null);
    const d = rec.frames[3] as Frame;
    expect(d.server).not.toBe(c.server);
    expect(d.server.masterReplOffset).toBe(42);
    expect(d.agents).not.toBe(c.agents);
    expect(d.agents[0]?.logLen).toBe(1);
    expect(d.notes).toEqual([]);

    expect(JSON.stringify(a)).toBe(before);
    expect(a.server.masterReplOffset).toBe(0);
    expect(a.replicas[0]?.replstate).toBe("WAIT_BGSAVE_START");
  });

  it("stamps each wire entry with the first frame that shows it", () => {
    const server = createServer(desc);
    const rec = new Recorder(server, [], 100);
    rec.record("event", null, null);
    writeToSocket(server.clients[0]!, "+FULLRESYNC x 0");
    rec.record("event", null, null);
    writeToSocket(server.clients[0]!, "\n");
    rec.record("event", null, null);
    const trace = { wires: rec.wires() } as Parameters<typeof ioOf>[0];
    const [f0, f1, f2] = rec.frames as [Frame, Frame, Frame];
    const r1 = f0.replicas[0]!;
    expect([f0, f1, f2].map((f) => ioOf(trace, f, r1).wireLen)).toEqual([0, 1, 2]);
    expect(rec.wires()[r1.key]?.wireFrame).toEqual([1, 2]);
  });

  it.each(CATALOGUE.map((s) => [s.id, s] as const))("%s: every view equal to the previous frame's is that very object", (_id, s) => {
    const frames = runScenario(s).frames;
    let shared = 0;
    for (let i = 1; i < frames.length; i++) {
      const prev = frames[i - 1] as Frame;
      const cur = frames[i] as Frame;
      const same = <T>(x: T, y: T) => JSON.stringify(x) === JSON.stringify(y);
      if (same(prev.server, cur.server)) expect(cur.server, `frame ${i} server`).toBe(prev.server);
      if (same(prev.agents, cur.agents)) expect(cur.agents, `frame ${i} agents`).toBe(prev.agents);
      const now = new Map(cur.replicas.map((v) => [v.key, v]));
      for (const v of prev.replicas) {
        const w = now.get(v.key);
        if (w && same(v, w)) {
          expect(w, `frame ${i} replica ${v.key}`).toBe(v);
          shared++;
        }
      }
      if (same(prev.replicas, cur.replicas)) expect(cur.replicas, `frame ${i} replicas`).toBe(prev.replicas);
    }
    expect(shared).toBeGreaterThan(0);
  });
});

describe("looking only at what changed", () => {
  const runs = CATALOGUE.flatMap((s) => MODELLED_VERSIONS.filter((v) => !versionProblem(s, v)).map((v) => [`${s.id} on ${v}`, s, v] as const));
  it.each(runs)("%s: the trace is the one made looking at every connection and replica every frame", (_name, s, v) => {
    const tracked = runScenario(s, { redis: v });
    const all = runScenario(s, { redis: v, trackChanges: false });
    expect(JSON.stringify(tracked)).toBe(JSON.stringify(all));
  });
});

describe("markers", () => {
  it.each(CATALOGUE.map((s) => [s.id, s] as const))("%s: the markers made with the frames are markersOf(frames), also when the frame limit cuts the run", (_id, s) => {
    const trace = runScenario(s);
    expect(trace.markers).toEqual(markersOf(trace.frames));
    const cut = runScenario(s, { maxFrames: Math.max(1, Math.floor(trace.frames.length / 2)) });
    expect(cut.endedBy).toBe("frame-limit");
    expect(cut.markers).toEqual(markersOf(cut.frames));
  });
});

describe("live and retired connections", () => {
  /** The replicas connect; every BGSAVE child is killed before it is done, so they are dropped and reconnect again and again. */
  const churn = (replicas: number, kills: number) => {
    const base = CATALOGUE.find((s) => s.id === "child-dies-disk")!;
    return {
      ...base,
      steps: [],
      config: { ...base.config, replDisklessSync: false },
      primary: { ...base.primary, bgsaveSeconds: 2 },
      replicas: Array.from({ length: replicas }, (_, k) => ({ id: `r${k + 1}`, capa: ["eof", "psync2"] as ("eof" | "psync2")[], command: "PSYNC" as const })),
      events: [
        ...Array.from({ length: replicas }, (_, k) => ({ at: k / 1000, type: "connect" as const, replica: `r${k + 1}` })),
        ...Array.from({ length: kills }, (_, k) => ({ at: 1 + k, type: "kill-child" as const })),
      ],
    };
  };

  it("a frame holds the open connections and each replica's latest; every other connection made so far is retired by then", () => {
    const trace = runScenario(churn(3, 6));
    const made = Object.keys(trace.wires);
    expect(made.length).toBeGreaterThan(6); // the replicas reconnected
    expect(trace.retired.length).toBeGreaterThan(0);
    for (const f of trace.frames) {
      const live = f.replicas;
      // Open, or its replica's latest connection.
      const latest = new Map<string, number>();
      for (const v of live) latest.set(v.id, Math.max(latest.get(v.id) ?? 0, v.conn));
      for (const v of live) expect(!v.closed || latest.get(v.id) === v.conn, `frame ${f.i}: ${v.key}`).toBe(true);
      // Live ∪ retired-by-now is every connection shown so far, each once.
      const retired = trace.retired.filter((r) => r.frame <= f.i).map((r) => r.view.key);
      const keys = [...live.map((v) => v.key), ...retired];
      expect(new Set(keys).size, `frame ${f.i}`).toBe(keys.length);
      if (f.i === trace.frames.length - 1) expect(keys.sort()).toEqual([...made].sort());
    }
    // A retired view is its connection's last: closed, and not its replica's latest.
    for (const { view, frame } of trace.retired) {
      expect(view.closed).toBe(true);
      expect(trace.frames[frame - 1]!.replicas.some((v) => v.key === view.key)).toBe(true);
      expect(trace.frames[frame]!.replicas.some((v) => v.key === view.key)).toBe(false);
    }
  });

  it("retiredAt gives a replica's earlier connections at a frame, the last few and how many", () => {
    const trace = runScenario(churn(2, 8));
    const last = trace.frames.length - 1;
    const all = trace.retired.filter((r) => r.view.id === "r1").map((r) => r.view);
    expect(all.length).toBeGreaterThan(3);
    expect(retiredAt(trace, last, "r1")).toEqual({ views: all, count: all.length });
    expect(retiredAt(trace, last, "r1", 2)).toEqual({ views: all.slice(-2), count: all.length });
    expect(retiredAt(trace, 0, "r1")).toEqual({ views: [], count: 0 });
    expect(retiredAt(trace, last, "nobody")).toEqual({ views: [], count: 0 });
  });

  it("a connection made and freed between two frames still has its view and its logs, keyed in the order connections were made", () => {
    const server = createServer(desc);
    const rec = new Recorder(server, [], 100);
    const [r1, r2] = server.clients as [NonNullable<(typeof server.clients)[0]>, NonNullable<(typeof server.clients)[0]>];
    writeToSocket(r1, "+FULLRESYNC x 0");
    rec.record("event", null, null);
    // unlinkClient: a freed connection leaves server.clients; the recorder still shows it.
    freeClient(server, r1);
    expect(server.clients).toEqual([r2]);
    rec.record("event", null, null);
    expect(rec.frames[1]!.replicas.find((v) => v.key === "r1#1")?.closed).toBe(true);
    // r1 reconnects and its new connection is freed before the next frame: r1#1 retires, r1#2 shows closed.
    const again = createClient(server, "r1", 2, 17001);
    writeToSocket(again, "-ERR x");
    freeClient(server, again);
    rec.record("event", null, null);
    const f2 = rec.frames[2]!;
    expect(f2.replicas.map((v) => [v.key, v.closed])).toEqual([
      ["r2#1", false],
      ["r1#2", true],
    ]);
    expect(rec.retired().map((r) => [r.view.key, r.frame])).toEqual([["r1#1", 2]]);
    const wires = rec.wires();
    expect(Object.keys(wires)).toEqual(["r1#1", "r2#1", "r1#2"]);
    expect(wires["r1#1"]).toMatchObject({ wire: ["+FULLRESYNC x 0"], wireFrame: [0] });
    expect(wires["r1#2"]).toMatchObject({ wire: ["-ERR x"], wireFrame: [2] });
    expect(server.clients).toEqual([r2]);
  });

  it("the work per frame follows the live connections: frames stay as small after a thousand reconnections as before", () => {
    const trace = runScenario(churn(4, 300));
    expect(trace.retired.length).toBeGreaterThan(500);
    const widest = Math.max(...trace.frames.map((f) => f.replicas.length));
    expect(widest).toBeLessThanOrEqual(8);
  });
});
