/** The replica's reading of its socket (src/record/wire.ts, docs/recording-format.md §5). */
import { describe, expect, it } from "vitest";
import { bytesToLatin1, feedWire, initialWire, latin1ToBytes, WireError, type WireItem, type WireState } from "./wire";

const MARK = "0123456789abcdef0123456789abcdef01234567";

/** Feeds the chunks in order; every segment's bytes, joined, must be the input. */
function read(chunks: string[]): { items: WireItem[]; state: WireState; parts: string[] } {
  let state = initialWire();
  const items: WireItem[] = [];
  const parts: string[] = [];
  for (const c of chunks) {
    const r = feedWire(state, latin1ToBytes(c));
    state = r.state;
    items.push(...r.items);
    expect(r.segments.map((s) => bytesToLatin1(s.bytes)).join("")).toBe(c);
    parts.push(...r.segments.map((s) => `${s.part}:${s.bytes.length}`));
  }
  return { items, state, parts };
}

describe("reading what reaches a replica's socket", () => {
  it("a disk payload: +FULLRESYNC, keep-alives, $len and its bytes, then the stream", () => {
    const { items, state, parts } = read(["+FULLRESYNC abc 0\r\n", "\n", "\n$5\r\nREDIS", "*1\r\n$4\r\nPING\r\n"]);
    expect(items).toEqual([
      { kind: "line", text: "+FULLRESYNC abc 0" },
      { kind: "keepalive" },
      { kind: "keepalive" },
      { kind: "payload-start", form: "len", length: 5 },
      { kind: "payload-end", rdbBytes: 5 },
      { kind: "stream", bytes: 14 },
    ]);
    expect(state.phase).toBe("stream");
    expect(parts).toEqual(["framing:19", "framing:1", "framing:5", "body:5", "stream:14"]);
  });

  it("a $len payload split across reads ends on its last byte, and what follows in the same read is the stream", () => {
    const { items } = read(["$1", "0\r\nREDIS", "0009", "X*1\r\n"]);
    expect(items).toEqual([
      { kind: "payload-start", form: "len", length: 10 },
      { kind: "payload-end", rdbBytes: 10 },
      { kind: "stream", bytes: 4 },
    ]);
  });

  it("an $EOF: payload ends at its closing mark, even when the mark straddles two reads", () => {
    const body = "REDIS0008\xfa\x00\xff";
    const whole = `$EOF:${MARK}\r\n${body}${MARK}`;
    for (let cut = 1; cut < whole.length; cut += 7) {
      const { items, state } = read([whole.slice(0, cut), whole.slice(cut)]);
      expect(items).toEqual([
        { kind: "payload-start", form: "eof", mark: MARK },
        { kind: "payload-end", rdbBytes: body.length },
      ]);
      expect(state.phase).toBe("stream");
    }
    const marks = read([`$EOF:${MARK}\r\n${body}${MARK.slice(0, 20)}`, MARK.slice(20, 39), `${MARK.slice(39)}*1\r\n`]);
    expect(marks.items.slice(1)).toEqual([{ kind: "payload-end", rdbBytes: body.length }, { kind: "stream", bytes: 4 }]);
  });

  it("an $EOF: payload without its mark has not ended", () => {
    const { items, state } = read([`$EOF:${MARK}\r\nREDIS0008`, MARK.slice(0, 39)]);
    expect(items).toEqual([{ kind: "payload-start", form: "eof", mark: MARK }]);
    expect(state.phase).toBe("body-eof");
  });

  it("keep-alive newlines before +FULLRESYNC (a socket target's delay) are counted, not lines", () => {
    const { items } = read(["+PONG\r\n+OK\r\n+OK\r\n", "\n\n", "+FULLRESYNC 8de1 1234\r\n"]);
    expect(items).toEqual([
      { kind: "line", text: "+PONG" },
      { kind: "line", text: "+OK" },
      { kind: "line", text: "+OK" },
      { kind: "keepalive" },
      { kind: "keepalive" },
      { kind: "line", text: "+FULLRESYNC 8de1 1234" },
    ]);
  });

  it("an -ERR reply is a line, and the replica is still before any payload", () => {
    const { items, state } = read(["+FULLRESYNC abc 0\r\n-ERR BGSAVE failed, replication can't con", "tinue\r\n"]);
    expect(items).toEqual([
      { kind: "line", text: "+FULLRESYNC abc 0" },
      { kind: "line", text: "-ERR BGSAVE failed, replication can't continue" },
    ]);
    expect(state).toEqual({ phase: "lines", pending: [] });
  });

  it("refuses what no primary sends: a bad bulk header, a short mark, an endless line", () => {
    expect(() => read(["$12x\r\n"])).toThrow(WireError);
    expect(() => read(["$EOF:abc\r\n"])).toThrow(/mark of 3 characters/);
    expect(() => read(["+".repeat(5000)])).toThrow(/more than 4096 bytes/);
  });

  it("keeps bytes as one character per byte", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(latin1ToBytes(bytesToLatin1(all))).toEqual(all);
    expect(() => latin1ToBytes("é€")).toThrow(/U\+20ac/);
  });
});
