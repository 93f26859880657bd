/**
 * The messages that moved during the current step, per replica connection, classified by the
 * edge they travel on: what reached the socket (the wire), what was queued but not sent (the
 * output buffer), and the replica's first REPLCONF ACK.
 */
import { ioOf, wireSlice, type Frame, type Trace } from "../../model/trace";

export type Channel = "control" | "disk" | "socket" | "error" | "ack";

export interface Message {
  id: string;
  replica: string;
  key: string;
  channel: Channel;
  label: string;
  /** How many such messages moved on this pipe in the step. */
  count: number;
  /** How many replicas it went to (the diagram merges a group's tokens). */
  replicas: number;
}

/** A token's text: "stream ×3" for three writes, "stream (37)" for one to each of 37 replicas. */
export function tokenText(m: Message): string {
  return `${m.label}${m.count > 1 ? ` ×${m.count}` : ""}${m.replicas > 1 ? ` (${m.replicas})` : ""}`;
}

function classify(msg: string, viaSocketChild: boolean): { channel: Channel; label: string } | null {
  if (msg === "\n") return { channel: "control", label: "\\n" };
  if (msg.startsWith("+FULLRESYNC")) return { channel: "control", label: "+FULLRESYNC" };
  if (msg.startsWith("$EOF:")) return { channel: "socket", label: "$EOF:" };
  if (/^\$\d+$/.test(msg)) return { channel: "disk", label: msg };
  if (msg.startsWith("<RDB payload")) return { channel: viaSocketChild ? "socket" : "disk", label: "RDB" };
  if (/^[0-9a-f]{40}$/.test(msg)) return { channel: "socket", label: "mark" };
  if (msg.startsWith("-")) return { channel: "control", label: msg.split(" ")[0] as string };
  if (msg.startsWith("+")) return { channel: "control", label: msg.split(" ")[0] as string };
  return { channel: "control", label: "stream" };
}

export function stepMessages(trace: Trace, baseline: Frame | undefined, frame: Frame, fromIndex: number): Message[] {
  const out: Message[] = [];
  for (const r of frame.replicas) {
    const log = trace.wires[r.key];
    if (!log) continue;
    const io = ioOf(trace, frame, r);
    // At the baseline the connection's extents (zero if it did not exist yet).
    const beforeIo = baseline ? ioOf(trace, baseline, r) : undefined;
    // The mark is the connection's own entry (the child writes it), never the stream's.
    const viaSocket = log.wire.slice(0, io.wireLen).some((m) => m.startsWith("$EOF:"));
    const fresh = wireSlice(trace, log, beforeIo?.wireLen ?? 0, io.wireLen);
    // Collapse: one token per (channel, label), counting repeats.
    const counts = new Map<string, { channel: Channel; label: string; n: number }>();
    for (const m of fresh) {
      const c = classify(m, viaSocket);
      if (!c) continue;
      const k = `${c.channel}:${c.label}`;
      const e = counts.get(k);
      if (e) e.n++;
      else counts.set(k, { ...c, n: 1 });
    }
    // Errors queued this step and still unsent: they travel the error path and stop short.
    const queued = log.reply.slice(Math.max(beforeIo?.replyEnd ?? 0, io.replyStart), io.replyEnd);
    for (const m of queued) if (m.startsWith("-ERR")) counts.set("error:-ERR", { channel: "error", label: "-ERR", n: 1 });
    // The RDB end mark is part of the stream; show it with the payload.
    if (counts.has("socket:RDB")) counts.delete("socket:mark");
    // Keep-alive newlines only matter when nothing else moved on that pipe.
    if ([...counts.keys()].some((k) => k.startsWith("control:") && k !== "control:\\n")) counts.delete("control:\\n");
    for (const [k, c] of counts) {
      out.push({ id: `${fromIndex}:${r.key}:${k}`, replica: r.id, key: r.key, channel: c.channel, label: c.label, count: c.n, replicas: 1 });
    }
  }
  for (let i = fromIndex; i <= frame.i; i++) {
    for (const n of trace.frames[i]?.notes ?? []) {
      if (n.key === "ack.first" && n.replica) {
        const r = frame.replicas.filter((x) => x.id === n.replica).pop();
        if (r) out.push({ id: `${i}:${r.key}:ack`, replica: r.id, key: r.key, channel: "ack", label: "ACK", count: 1, replicas: 1 });
      }
    }
  }
  return out;
}

/** What a connection has received so far, summarised for the diagram. */
export function receivedSummary(wire: string[]): string[] {
  const out: string[] = [];
  if (wire.some((m) => m.startsWith("+FULLRESYNC"))) out.push("+FULLRESYNC");
  // An error reply that reached the socket (from 5.0 a failed BGSAVE's, docs/versions.md §8): its code.
  const error = wire.find((m) => m.startsWith("-"));
  if (error) out.push(error.split(" ")[0] as string);
  const eof = wire.find((m) => m.startsWith("$EOF:"));
  const len = wire.find((m) => /^\$\d+$/.test(m));
  if (eof) out.push("$EOF:");
  if (len) out.push(len);
  if (wire.some((m) => m.startsWith("<RDB payload"))) out.push("RDB ✓");
  const stream = wire.filter((m) => m !== "\n" && !m.startsWith("+") && !m.startsWith("$") && !m.startsWith("<RDB") && !/^[0-9a-f]{40}$/.test(m) && !m.startsWith("-")).length;
  if (stream) out.push(`stream ${stream}`);
  const keepAlive = wire.filter((m) => m === "\n").length;
  if (!out.length && keepAlive) out.push(`\\n ×${keepAlive}`);
  return out;
}
