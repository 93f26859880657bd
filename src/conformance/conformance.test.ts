/**
 * The comparer on hand-made recordings (docs/architecture.md §21): a recording that does what the
 * model does agrees, and each kind of difference — a log line, a +FULLRESYNC offset, `$EOF:` for
 * `$len`, an -ERR delivered, the stream, keep-alive counts, who closed, when, the final state — is
 * reported. No server is needed.
 */
import { describe, expect, it } from "vitest";
import type { ConnectionRecord, LogRecord, Recording } from "../record/format";
import { rhythmOf } from "../record/replica";
import { findScenario } from "../scenarios/catalogue";
import type { Scenario } from "../scenarios/schema";
import { compareObservations } from "./compare";
import { asPlayed, conform } from "./conform";
import { observeRecording } from "./fromRecording";
import { Normaliser, realOnly } from "./observation";

const REPLID = "7251b1036ac206b512e5cd121702cd96cbccc8ad";
const PID = 31562;
const CHILD = 31576;

const line = (at: number, text: string, role: "M" | "C" = "M", level: "verbose" | "notice" | "warning" = "notice", pid = role === "M" ? PID : CHILD): LogRecord => ({
  t: at + 10,
  pid,
  role,
  stamp: "08 Dec 2026 01:00:57.305",
  at,
  level,
  text,
});

const resp = (...args: string[]) => `*${args.length}\r\n${args.map((a) => `$${a.length}\r\n${a}\r\n`).join("")}`;

/** Scenario 1 on 7.0.15 as the model runs it (src/scenarios/catalogue/01-disk-happy-path.json), written as a real server would record it. */
function disk(over: { connection?: Partial<ConnectionRecord>; log?: LogRecord[]; final?: string } = {}): Recording {
  const scenario = findScenario("disk-happy-path") as Scenario;
  const connection: ConnectionRecord = {
    t: 251.7,
    localPort: 57384,
    command: "PSYNC",
    capa: ["eof", "psync2"],
    sent: [
      { t: 251.8, data: resp("PING") },
      { t: 252.7, data: resp("REPLCONF", "listening-port", "17001") },
      { t: 252.9, data: resp("REPLCONF", "capa", "eof", "capa", "psync2") },
      { t: 253.1, data: resp("PSYNC", "?", "-1") },
    ],
    received: [
      { t: 252.4, data: "+PONG\r\n" },
      { t: 252.8, data: "+OK\r\n" },
      { t: 253.1, data: "+OK\r\n" },
      { t: 254.1, data: `+FULLRESYNC ${REPLID} 0\r\n` },
      { t: 867.4, data: "\n" },
      { t: 1871.1, data: "\n" },
      { t: 2473.8, data: "$2089140\r\n" },
      { t: 2478, body: 2089140 },
      { t: 2478, data: resp("SELECT", "0") + resp("SET", "key:1", "1") + resp("SET", "key:2", "2") },
    ],
    payload: { form: "len", length: 2089140, mark: null, tStart: 2473.8, tEnd: 2478, rdbBytes: 2089140, head: "REDIS0010", sha1: "443da44bdfaa23fa4d04e8e8de1fa5de8aa51920" },
    ackOffset: 85,
    closed: { t: 5335.2, by: "recorder", reason: "the recording ended" },
    ...over.connection,
  };
  return {
    format: "fullresync-lab/recording@1",
    scenario,
    server: { version: "7.0.15", path: "/usr/bin/redis-server", args: [], pid: PID, port: 39935, user: "root" },
    upstream: null,
    t0: "2026-12-08T01:00:57.052Z",
    end: { t: 8000, reason: "settled" },
    log: over.log ?? [
      line(-140, "Ready to accept connections"),
      line(252, "Accepted 127.0.0.1:57384", "M", "verbose"),
      line(253, "Replica 127.0.0.1:17001 asks for synchronization"),
      line(253, "Full resync requested by replica 127.0.0.1:17001"),
      line(253, `Replication backlog created, my new replication IDs are '${REPLID}' and '0000000000000000000000000000000000000000'`),
      line(253, "Starting BGSAVE for SYNC with target: disk"),
      line(253, `Background saving started by pid ${CHILD}`),
      line(1441, "Fork CoW for RDB: current 0 MB, peak 0 MB, average 0 MB", "C", "verbose"),
      line(2452, "DB saved on disk", "C"),
      line(2453, "Fork CoW for RDB: current 1 MB, peak 1 MB, average 0 MB", "C"),
      line(2472, "Background saving terminated with success"),
      line(2473, "Synchronization with replica 127.0.0.1:17001 succeeded"),
      line(4892, "DB 0: 1909 keys (0 volatile) in 2048 slots HT.", "M", "verbose"),
      line(5335, "Connection with replica 127.0.0.1:17001 lost.", "M", "warning"),
    ],
    upstreamLog: [],
    replicas: { r1: { connections: [connection] } },
    snapshots: [{ t: 5334.7, after: "end", info: { replication: { role: "master", slave0: `ip=127.0.0.1,port=17001,state=${over.final ?? "online"},offset=85,lag=0` }, persistence: {} }, clients: [] }],
    events: [],
    unsupported: [],
  };
}

function diffs(rec: Recording) {
  const c = conform(rec);
  if ("error" in c) throw new Error(c.error);
  return c.diffs;
}

const withReceived = (edit: (r: ConnectionRecord["received"]) => ConnectionRecord["received"]) => disk({ connection: { received: edit(disk().replicas.r1?.connections[0]?.received ?? []) } });

describe("the comparer", () => {
  it("agrees with a recording that does what the model does (scenario 1 on 7.0.15)", () => {
    expect(diffs(disk())).toEqual([]);
  });

  it("reads a recording's wire as the model writes it: handshake replies left out, replid normalised, keep-alives counted, the payload, the stream", () => {
    const real = observeRecording(disk(), 3800);
    expect(real.replicas.r1?.[0]?.wire.map((w) => w.text)).toEqual(["+FULLRESYNC <id1> 0", "\\n×2", "$len", "<payload>", "SELECT 0", "SET key:1 1", "SET key:2 2"]);
    expect(real.log.map((l) => l.text)).toContain("Synchronization with replica r1 succeeded");
    expect(real.bgsaves).toEqual(["disk"]);
  });

  it("reports a +FULLRESYNC offset that differs", () => {
    const d = diffs(withReceived((r) => r.map((s) => ("data" in s && s.data.startsWith("+FULLRESYNC") ? { ...s, data: `+FULLRESYNC ${REPLID} 14\r\n` } : s))));
    expect(d).toEqual([{ where: "r1 connection 1 wire[0]", model: '"+FULLRESYNC <id1> 0" at 0 s', real: '"+FULLRESYNC <id1> 14" at 0 s' }]);
  });

  it("reports $EOF: where the model sends $len", () => {
    const d = diffs(withReceived((r) => r.map((s) => ("data" in s && s.data.startsWith("$2089140") ? { ...s, data: `$EOF:${"a".repeat(40)}\r\n` } : s))));
    expect(d[0]?.where).toBe("r1 connection 1 wire[2]");
    expect(d[0]?.real).toContain("$EOF:");
  });

  it("reports an -ERR delivered that the model does not deliver", () => {
    const d = diffs(withReceived((r) => [...r.slice(0, 4), { t: 300, data: "-ERR BGSAVE failed, replication can't continue\r\n" }, ...r.slice(4)]));
    expect(d[0]).toMatchObject({ where: "r1 connection 1 wire[1]", real: expect.stringContaining("-ERR BGSAVE failed") });
  });

  it("reports a stream command that differs", () => {
    const d = diffs(withReceived((r) => r.map((s) => ("data" in s && s.data.includes("SELECT") ? { ...s, data: resp("SELECT", "0") + resp("SET", "key:1", "1") } : s))));
    expect(d).toEqual([{ where: "r1 connection 1 wire[6]", model: '"SET key:2 2" at 2 s', real: "nothing" }]);
  });

  it("counts keep-alives: one cron run more is within the tolerance, two are not", () => {
    const more = (k: number) => withReceived((r) => [...r.slice(0, 4), ...Array.from({ length: k }, (_, i) => ({ t: 300 + i, data: "\n" })), ...r.slice(4)]);
    expect(diffs(more(1))).toEqual([]);
    expect(diffs(more(2))[0]).toEqual({ where: "r1 connection 1 wire[1]", model: '"\\\\n×2" at 1 s', real: '"\\\\n×4" at 0 s' });
  });

  it("reports a time more than one cron run away, and not one within it", () => {
    const at = (ms: number) => disk({ log: disk().log.map((l) => ("text" in l && l.text.startsWith("Background saving terminated") ? { ...l, at: ms } : l)) });
    expect(diffs(at(1400))).toEqual([]);
    expect(diffs(at(400))).toEqual([{ where: "log[7]", model: "2 s M notice Background saving terminated with success", real: "0 s M notice Background saving terminated with success" }]);
  });

  it("reports a log line the model does not print, and keeps notice lines an allow-list entry names only at verbose", () => {
    const extra = disk({ log: [...disk().log.slice(0, 3), line(253, "Something the model never says"), ...disk().log.slice(3)] });
    expect(diffs(extra)[0]).toMatchObject({ where: "log[1]", real: "0 s M notice Something the model never says" });
    expect(realOnly("Fork CoW for RDB: current 0 MB, peak 0 MB, average 0 MB", "verbose")).toBe(true);
    expect(realOnly("Fork CoW for RDB: current 0 MB, peak 0 MB, average 0 MB", "notice")).toBe(false);
    expect(realOnly("Accepted 127.0.0.1:5000", "verbose")).toBe(true);
    expect(realOnly("Synchronization with replica 127.0.0.1:17001 succeeded", "notice")).toBe(false);
  });

  it("does not report what is left over on one side in the window's last second", () => {
    const late = withReceived((r) => [...r, { t: 6000, data: resp("PING") }]);
    expect(diffs(late)).toEqual([]);
    const early = withReceived((r) => [...r, { t: 3000, data: resp("PING") }]);
    expect(diffs(early)).toEqual([{ where: "r1 connection 1 wire[7]", model: "nothing", real: '"PING" at 3 s' }]);
  });

  it("reports who closed a connection", () => {
    const d = diffs(disk({ connection: { closed: { t: 3000, by: "primary", reason: "the connection was closed by the server" } }, final: "online" }));
    expect(d).toContainEqual({ where: "r1 connection 1 end", model: "open", real: "closed by the primary at 3 s" });
  });

  it("reports a final state that differs", () => {
    expect(diffs(disk({ final: "wait_bgsave" }))).toEqual([{ where: "r1 final state", model: "online", real: "wait_bgsave" }]);
  });

  it("normalises pids, replication ids, replica addresses and temp files", () => {
    const n = new Normaliser(new Map([[17001, "r1"], [57384, "r1"]]));
    n.pid(PID);
    expect(n.text(`Background saving started by pid ${CHILD}`)).toBe("Background saving started by pid <pid2>");
    expect(n.text(`Removing the temp file temp-${CHILD}.rdb`)).toBe("Removing the temp file temp-<pid2>.rdb");
    expect(n.text("Connection with replica 127.0.0.1:57384 lost.")).toBe("Connection with replica r1 lost.");
    expect(n.text(`IDs are '${REPLID}' and '${"0".repeat(40)}'`)).toBe(`IDs are '<id1>' and '${"0".repeat(40)}'`);
  });

  it("runs the model with EAGAIN where the recorder could only produce EAGAIN for ENOMEM", () => {
    const base = findScenario("fork-failure-socket") as Scenario;
    const i = base.events.findIndex((e) => e.type === "fork-fails");
    const rec = { ...disk(), scenario: base, events: [{ t: 0, index: i, type: "fork-fails", outcome: { status: "done" as const, detail: "nobody's NPROC soft limit set; ENOMEM cannot be produced this way, so the fork fails with EAGAIN instead" } }] };
    const e = asPlayed(rec).events[i];
    expect(e?.type === "fork-fails" && e.errno).toBe("EAGAIN");
  });

  it("refuses a server version with no model profile", () => {
    const rec = disk();
    expect(conform({ ...rec, server: { ...rec.server, version: "7.2.4" } })).toEqual({ error: expect.stringContaining("no model profile for redis 7.2.4") });
  });

  it("compares observations part by part", () => {
    const a = observeRecording(disk(), 3800);
    expect(compareObservations(a, a)).toEqual([]);
    expect(compareObservations(a, { ...a, bgsaves: ["socket"] })).toEqual([{ where: "BGSAVE targets", model: "disk", real: "socket" }]);
  });
});

describe("the raw replica's rhythm follows the server's version (docs/versions.md §20)", () => {
  it("reconnects at once and ACKs after loading from 6.2; at the next tick before", () => {
    expect(rhythmOf("4.0.14")).toEqual({ reconnectAtOnce: false, ackAfterLoad: false });
    expect(rhythmOf("5.0.5")).toEqual({ reconnectAtOnce: false, ackAfterLoad: false });
    expect(rhythmOf("6.2.14")).toEqual({ reconnectAtOnce: true, ackAfterLoad: true });
    expect(rhythmOf("7.0.15")).toEqual({ reconnectAtOnce: true, ackAfterLoad: true });
  });
});
