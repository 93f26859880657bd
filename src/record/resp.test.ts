/** The control connections' RESP reading (src/record/resp.ts) and the dataset's shape (play.ts). */
import { describe, expect, it } from "vitest";
import { datasetShape, horizonSeconds } from "./play";
import { clientFields, encodeCommand, infoFields, parseReply } from "./resp";
import { CATALOGUE } from "../scenarios/catalogue";

describe("RESP for the control connection", () => {
  it("encodes a command as an array of bulk strings", () => {
    expect(encodeCommand(["SET", "k", "é"]).toString("latin1")).toBe("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\n\xc3\xa9\r\n");
  });

  it("reads each reply type, and says when one is not all there yet", () => {
    const buf = Buffer.from("+OK\r\n-ERR no\r\n:12\r\n$-1\r\n*2\r\n$3\r\nabc\r\n:1\r\n");
    const out = [];
    let at = 0;
    for (let i = 0; i < 5; i++) {
      const r = parseReply(buf, at)!;
      out.push(r.reply);
      at = r.end;
    }
    expect(out).toEqual([
      { type: "status", value: "OK" },
      { type: "error", value: "ERR no" },
      { type: "int", value: 12 },
      { type: "bulk", value: null },
      { type: "array", value: [{ type: "bulk", value: "abc" }, { type: "int", value: 1 }] },
    ]);
    expect(at).toBe(buf.length);
    expect(parseReply(Buffer.from("$5\r\nab"))).toBeNull();
    expect(parseReply(Buffer.from("*2\r\n:1\r\n"))).toBeNull();
    expect(() => parseReply(Buffer.from("?x\r\n"))).toThrow(/not a RESP reply/);
  });

  it("reads INFO and CLIENT LIST as fields", () => {
    expect(infoFields("# Replication\r\nrole:master\r\nslave0:ip=127.0.0.1,port=17001\r\n")).toEqual({ role: "master", slave0: "ip=127.0.0.1,port=17001" });
    expect(clientFields("id=3 addr=127.0.0.1:5 flags=c obl=48 name=\nid=4 flags=N\n")).toEqual([
      { id: "3", addr: "127.0.0.1:5", flags: "c", obl: "48", name: "" },
      { id: "4", flags: "N" },
    ]);
  });
});

describe("the recorder's dataset and horizon", () => {
  it("makes about rdbBytes of keys", () => {
    for (const bytes of [1, 100, 2097152, 64 * 1024 * 1024]) {
      const { keys, valueBytes } = datasetShape(bytes);
      expect(keys).toBeGreaterThanOrEqual(1);
      expect(valueBytes).toBeGreaterThanOrEqual(1);
      if (bytes > 10_000) expect(Math.abs(keys * (valueBytes + 16) - bytes) / bytes).toBeLessThan(0.01);
    }
  });

  it("has few keys, so that a slow child's per-key delay is long (docs/recording-format.md §3)", () => {
    expect(datasetShape(2 * 1024 * 1024).keys).toBe(16);
    expect(datasetShape(100).keys).toBe(1);
  });

  it("ends where the model's run would at the latest (docs/scenario-format.md §2)", () => {
    const byId = (id: string) => CATALOGUE.find((s) => s.id === id)!;
    expect(horizonSeconds(byId("disk-happy-path"))).toBe(1 + 2 * 60 + 30);
    expect(horizonSeconds(byId("no-replication-info"))).toBe(19);
  });
});
