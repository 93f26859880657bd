/** The recording document's validator (src/record/format.ts, docs/recording-format.md §1). */
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../scenarios/catalogue";
import { RECORDING_FORMAT, validateRecording } from "./format";

const scenario = CATALOGUE.find((s) => s.id === "disk-happy-path")!;

/** A small valid recording: one replica that got +FULLRESYNC and a 5-byte payload. */
function sample(): Record<string, unknown> {
  return {
    format: RECORDING_FORMAT,
    scenario,
    server: { version: "7.0.15", path: "/usr/bin/redis-server", args: ["--port", "1"], pid: 10, port: 1, user: "root" },
    upstream: null,
    t0: "2025-12-08T00:00:00.000Z",
    end: { t: 4000, reason: "settled" },
    log: [
      { t: 260, pid: 10, role: "M", stamp: "08 Dec 2025 00:00:00.252", at: 252, level: "notice", text: "Replica 127.0.0.1:17001 asks for synchronization" },
      { t: 20, raw: "a banner line" },
    ],
    upstreamLog: [],
    replicas: {
      r1: {
        connections: [
          {
            t: 250,
            localPort: 50000,
            command: "PSYNC",
            capa: ["eof", "psync2"],
            sent: [{ t: 250, data: "*1\r\n$4\r\nPING\r\n" }],
            received: [{ t: 253, data: "+FULLRESYNC abc 0\r\n$5\r\n" }, { t: 2500, body: 5 }],
            payload: { form: "len", length: 5, mark: null, tStart: 253, tEnd: 2500, rdbBytes: 5, head: "REDIS", sha1: "0".repeat(40) },
            ackOffset: 0,
            closed: { t: 4000, by: "recorder", reason: "the recording ended" },
          },
        ],
      },
    },
    snapshots: [{ t: 0, after: "start", info: { replication: { role: "master" }, persistence: {} }, clients: [{ id: "3" }] }],
    events: [{ t: 250, index: 0, type: "connect", outcome: { status: "done", detail: "PSYNC ? -1 sent" } }],
    unsupported: [],
  };
}

const errorsOf = (doc: unknown) => {
  const r = validateRecording(doc);
  return r.ok ? [] : r.errors;
};

describe("validateRecording", () => {
  it("accepts a whole recording and hands back its scenario validated", () => {
    const r = validateRecording(JSON.parse(JSON.stringify(sample())));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.recording.scenario).toEqual(scenario);
  });

  it("refuses another format by name", () => {
    expect(errorsOf({ ...sample(), format: "fullresync-lab/recording@0" })).toEqual([
      `format: unknown recording format "fullresync-lab/recording@0" (expected "${RECORDING_FORMAT}")`,
    ]);
  });

  it("names the field that is wrong", () => {
    const bad = sample();
    const r1 = (bad.replicas as { r1: { connections: Record<string, unknown>[] } }).r1;
    (r1.connections[0] as Record<string, unknown>).closed = { t: 1, by: "nobody", reason: "" };
    expect(errorsOf(bad)[0]).toMatch(/^replicas\.r1\.connections\[0\]\.closed\.by: /);

    const bytes = sample();
    ((bytes.replicas as { r1: { connections: { received: unknown[] }[] } }).r1.connections[0] as { received: unknown[] }).received[0] = { t: 1, data: "€" };
    expect(errorsOf(bytes)[0]).toMatch(/^replicas\.r1\.connections\[0\]\.received\[0\]/);

    const { t0: _t0, ...noT0 } = sample();
    expect(errorsOf(noT0)[0]).toMatch(/^t0: /);

    expect(errorsOf({ ...sample(), extra: 1 })[0]).toMatch(/^extra: /);
  });

  it("checks the scenario inside with the scenario validator, and that replicas and events are the scenario's", () => {
    expect(errorsOf({ ...sample(), scenario: { ...scenario, title: 3 } })[0]).toMatch(/^scenario\.title: /);
    const stray = sample();
    (stray.replicas as Record<string, unknown>).r9 = { connections: [] };
    expect(errorsOf(stray)).toEqual(["replicas.r9: not a replica of the scenario"]);
    expect(errorsOf({ ...sample(), events: [{ t: 1, index: 0, type: "kill-child", outcome: { status: "done", detail: "" } }] })).toEqual([
      "events: event 0 (kill-child) is not the scenario's",
    ]);
  });
});
