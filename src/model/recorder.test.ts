/**
 * The recorder shares what did not change between frames, and only that: an unchanged view is
 * the previous frame's very object, a changed one is a new object, and a recorded frame never
 * changes afterwards.
 */
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../scenarios/catalogue";
import { createServer } from "./desc";
import { writeToSocket } from "./networking";
import { Recorder } from "./recorder";
import { note } from "./server";
import { runScenario } from "./sim";
import { ioOf, type Frame } from "./trace";

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
    const agents = [{ id: "r1", phase: "idle" as const, conn: 1, log: [] as unknown[] }];
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
      prev.replicas.forEach((v, k) => {
        if (same(v, cur.replicas[k])) {
          expect(cur.replicas[k], `frame ${i} replica ${v.key}`).toBe(v);
          shared++;
        }
      });
    }
    expect(shared).toBeGreaterThan(0);
  });
});
