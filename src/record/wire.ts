/**
 * What reaches a replica's socket, read the way a replica reads it (docs/recording-format.md §5):
 * reply lines (`+PONG`, `+OK`, `+FULLRESYNC <replid> <offset>`, `-ERR …`), keep-alive newlines,
 * the payload — `$<len>\r\n` and that many bytes (disk target, docs/behaviour.md §16) or
 * `$EOF:<40 chars>\r\n`, the RDB, the same 40 chars (socket target) — and the stream after it.
 *
 * Pure and incremental: `feed` takes the bytes of one read, in order, and says what they were,
 * cut exactly where the read's bytes change meaning, so every byte keeps the time of the read
 * that brought it. No Node API: a comparer or the page can read a recording with it.
 */

/** A meaningful thing in the bytes, in order. */
export type WireItem =
  | { kind: "line"; text: string } // a reply line before the payload, without its CRLF
  | { kind: "keepalive" } // a bare "\n" before the payload (docs/behaviour.md §9, §16)
  | { kind: "payload-start"; form: "len"; length: number }
  | { kind: "payload-start"; form: "eof"; mark: string }
  | { kind: "payload-end"; rdbBytes: number } // the RDB's size (for $EOF:, without the closing mark)
  | { kind: "stream"; bytes: number }; // bytes after the payload (the replication stream)

/** A run of one read's bytes: framing and replies (kept), the payload's body, or the stream. */
export type WireSegment = { part: "framing" | "body" | "stream"; bytes: Uint8Array };

export type WireState =
  | { phase: "lines"; pending: number[] } // bytes of a line not ended yet
  | { phase: "body-len"; remaining: number; total: number }
  | { phase: "body-eof"; mark: Uint8Array; tail: Uint8Array; total: number }
  | { phase: "stream" };

/** The longest line a replica accepts before the payload (a bulk header or a reply). */
export const MAX_LINE = 4096;

export class WireError extends Error {}

export function initialWire(): WireState {
  return { phase: "lines", pending: [] };
}

const latin1 = (bytes: ArrayLike<number>): string => {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i] as number);
  return s;
};

/** Bytes as a string of one character per byte (U+0000–U+00FF), the recording's form (§5). */
export function bytesToLatin1(bytes: Uint8Array): string {
  return latin1(bytes);
}

export function latin1ToBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) throw new WireError(`not a byte string: U+${c.toString(16)} at ${i}`);
    out[i] = c;
  }
  return out;
}

/** Index of `needle` in `hay`, or -1. */
function indexOf(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Reads one chunk. Returns the new state (the old one is not changed), the items the chunk
 * completed and the chunk cut into segments that together are exactly its bytes.
 * Throws WireError on something no Redis primary sends (a line longer than MAX_LINE, a bad
 * bulk length).
 */
export function feedWire(state: WireState, chunk: Uint8Array): { state: WireState; items: WireItem[]; segments: WireSegment[] } {
  const items: WireItem[] = [];
  const segments: WireSegment[] = [];
  let s: WireState = state.phase === "lines" ? { phase: "lines", pending: [...state.pending] } : state;
  let at = 0;
  const push = (part: WireSegment["part"], from: number, to: number) => {
    if (to <= from) return;
    const last = segments[segments.length - 1];
    if (last && last.part === part) last.bytes = chunk.subarray(from - last.bytes.length, to);
    else segments.push({ part, bytes: chunk.subarray(from, to) });
  };

  while (at < chunk.length) {
    if (s.phase === "lines") {
      const nl = chunk.indexOf(0x0a, at);
      const end = nl === -1 ? chunk.length : nl + 1;
      push("framing", at, end);
      for (let i = at; i < (nl === -1 ? chunk.length : nl); i++) s.pending.push(chunk[i] as number);
      at = end;
      if (s.pending.length > MAX_LINE) throw new WireError(`a line of more than ${MAX_LINE} bytes before the payload`);
      if (nl === -1) break;
      const line = s.pending;
      s = { phase: "lines", pending: [] };
      if (line.length === 0) {
        items.push({ kind: "keepalive" });
        continue;
      }
      const text = latin1(line[line.length - 1] === 0x0d ? line.slice(0, -1) : line);
      if (text.startsWith("$EOF:")) {
        const mark = text.slice(5);
        if (mark.length !== 40) throw new WireError(`$EOF: mark of ${mark.length} characters (a primary sends 40)`);
        items.push({ kind: "payload-start", form: "eof", mark });
        s = { phase: "body-eof", mark: latin1ToBytes(mark), tail: new Uint8Array(0), total: 0 };
      } else if (text.startsWith("$")) {
        if (!/^\$\d{1,15}$/.test(text)) throw new WireError(`bad bulk header ${JSON.stringify(text.slice(0, 40))}`);
        const length = Number(text.slice(1));
        items.push({ kind: "payload-start", form: "len", length });
        s = { phase: "body-len", remaining: length, total: length };
        if (length === 0) {
          items.push({ kind: "payload-end", rdbBytes: 0 });
          s = { phase: "stream" };
        }
      } else items.push({ kind: "line", text });
    } else if (s.phase === "body-len") {
      const take = Math.min(s.remaining, chunk.length - at);
      push("body", at, at + take);
      at += take;
      s = { ...s, remaining: s.remaining - take };
      if (s.remaining === 0) {
        items.push({ kind: "payload-end", rdbBytes: s.total });
        s = { phase: "stream" };
      }
    } else if (s.phase === "body-eof") {
      // The mark may straddle reads: look for it in the last bytes of the body seen so far and
      // this read together, as a replica compares its last 40 bytes after every read.
      const rest = chunk.subarray(at);
      const window = new Uint8Array(s.tail.length + rest.length);
      window.set(s.tail);
      window.set(rest, s.tail.length);
      const found = indexOf(window, s.mark);
      if (found !== -1) {
        const endInChunk = at + found + s.mark.length - s.tail.length;
        push("body", at, endInChunk);
        const total = s.total + (endInChunk - at);
        at = endInChunk;
        items.push({ kind: "payload-end", rdbBytes: total - s.mark.length });
        s = { phase: "stream" };
      } else {
        push("body", at, chunk.length);
        const keep = Math.min(window.length, s.mark.length - 1);
        s = { ...s, tail: window.slice(window.length - keep), total: s.total + rest.length };
        at = chunk.length;
      }
    } else {
      push("stream", at, chunk.length);
      items.push({ kind: "stream", bytes: chunk.length - at });
      at = chunk.length;
    }
  }
  return { state: s, items, segments };
}
