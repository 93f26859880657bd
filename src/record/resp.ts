/**
 * A small RESP client for the recorder's control connections (snapshots, CONFIG SET, the
 * scenario's writes): one command at a time, each with a bounded wait. Node only.
 */
import { connect, type Socket } from "node:net";

export type Reply = { type: "status"; value: string } | { type: "error"; value: string } | { type: "int"; value: number } | { type: "bulk"; value: string | null } | { type: "array"; value: Reply[] | null };

export class RecordError extends Error {}

/** Encodes a command as a RESP array of bulk strings. */
export function encodeCommand(args: readonly string[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = Buffer.from(a, "utf8");
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from("\r\n"));
  }
  return Buffer.concat(parts);
}

/** One reply from the front of `buf`, and how many bytes it took; null if it is not all there. */
export function parseReply(buf: Buffer, at = 0): { reply: Reply; end: number } | null {
  const nl = buf.indexOf("\r\n", at);
  if (nl === -1) return null;
  const head = buf.toString("latin1", at + 1, nl);
  const after = nl + 2;
  switch (buf[at]) {
    case 0x2b: // +
      return { reply: { type: "status", value: head }, end: after };
    case 0x2d: // -
      return { reply: { type: "error", value: head }, end: after };
    case 0x3a: // :
      return { reply: { type: "int", value: Number(head) }, end: after };
    case 0x24: {
      // $
      const n = Number(head);
      if (n < 0) return { reply: { type: "bulk", value: null }, end: after };
      if (buf.length < after + n + 2) return null;
      return { reply: { type: "bulk", value: buf.toString("utf8", after, after + n) }, end: after + n + 2 };
    }
    case 0x2a: {
      // *
      const n = Number(head);
      if (n < 0) return { reply: { type: "array", value: null }, end: after };
      const items: Reply[] = [];
      let pos = after;
      for (let i = 0; i < n; i++) {
        const r = parseReply(buf, pos);
        if (!r) return null;
        items.push(r.reply);
        pos = r.end;
      }
      return { reply: { type: "array", value: items }, end: pos };
    }
    default:
      throw new RecordError(`not a RESP reply: ${JSON.stringify(buf.toString("latin1", at, Math.min(buf.length, at + 40)))}`);
  }
}

/** The text of a reply, for an event's outcome: `+OK`, `-ERR …`, `:3`, a bulk's text. */
export function replyText(r: Reply): string {
  if (r.type === "status") return `+${r.value}`;
  if (r.type === "error") return `-${r.value}`;
  if (r.type === "int") return `:${r.value}`;
  if (r.type === "bulk") return r.value ?? "(nil)";
  return r.value === null ? "(nil)" : `[${r.value.map(replyText).join(", ")}]`;
}

/** A control connection: `send` one command (or a pipelined batch) and wait for its replies. */
export class Control {
  private buf: Buffer = Buffer.alloc(0);
  private waiting: { n: number; got: Reply[]; resolve: (r: Reply[]) => void; reject: (e: Error) => void; timer: NodeJS.Timeout } | null = null;
  private closedWith: Error | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on("data", (d: Buffer) => {
      this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
      this.drain();
    });
    const end = (e?: Error) => {
      this.closedWith = new RecordError(`control connection closed${e ? `: ${e.message}` : ""}`);
      if (this.waiting) {
        clearTimeout(this.waiting.timer);
        this.waiting.reject(this.closedWith);
        this.waiting = null;
      }
    };
    socket.on("error", end);
    socket.on("close", () => end());
  }

  static open(port: number, timeoutMs = 2000): Promise<Control> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: "127.0.0.1", port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new RecordError(`could not connect to 127.0.0.1:${port} within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.setNoDelay(true);
        resolve(new Control(socket));
      });
      socket.once("error", (e) => {
        clearTimeout(timer);
        reject(new RecordError(`could not connect to 127.0.0.1:${port}: ${(e as NodeJS.ErrnoException).code ?? e.message}`));
      });
    });
  }

  private drain(): void {
    while (this.waiting) {
      const r = parseReply(this.buf);
      if (!r) return;
      this.buf = this.buf.subarray(r.end);
      const w = this.waiting;
      w.got.push(r.reply);
      if (w.got.length === w.n) {
        clearTimeout(w.timer);
        this.waiting = null;
        w.resolve(w.got);
      }
    }
  }

  /** Sends the commands in one write and waits for all their replies. */
  batch(commands: readonly (readonly string[])[], timeoutMs = 5000): Promise<Reply[]> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    if (this.waiting) return Promise.reject(new RecordError("control connection busy"));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new RecordError(`no reply to ${commands[0]?.[0] ?? "?"} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting = { n: commands.length, got: [], resolve, reject, timer };
      this.socket.write(Buffer.concat(commands.map(encodeCommand)));
      this.drain();
    });
  }

  async send(...args: string[]): Promise<Reply> {
    const [r] = await this.batch([args]);
    return r as Reply;
  }

  /** A bulk or status reply's text; an error reply is thrown. */
  async text(...args: string[]): Promise<string> {
    const r = await this.send(...args);
    if (r.type === "error") throw new RecordError(`${args[0]}: ${r.value}`);
    return r.type === "bulk" || r.type === "status" ? (r.value ?? "") : replyText(r);
  }

  close(): void {
    this.socket.destroy();
  }
}

/** `INFO <section>` text as its `key:value` fields. */
export function infoFields(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    if (!line || line.startsWith("#")) continue;
    const k = line.indexOf(":");
    if (k > 0) out[line.slice(0, k)] = line.slice(k + 1);
  }
  return out;
}

/** `CLIENT LIST` text as one record of `key=value` fields per client. */
export function clientFields(text: string): Record<string, string>[] {
  return text
    .split(/\r?\n/)
    .filter(Boolean)
    .map((line) => {
      const out: Record<string, string> = {};
      for (const kv of line.split(" ")) {
        const k = kv.indexOf("=");
        if (k > 0) out[kv.slice(0, k)] = kv.slice(k + 1);
      }
      return out;
    });
}
