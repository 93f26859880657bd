/** How much memory a trace takes, estimated from what it holds (the trace cache's bound). */
import type { Trace } from "../model/trace";

/**
 * A trace's weight in memory, estimated from what it holds: frames, the connection views they do
 * not share, every wire and buffer entry with its stamp, the log lines. Within a factor of two of
 * the heap a trace takes, which is enough to keep a few long runs from filling the tab.
 */
export function traceBytes(trace: Trace): number {
  let bytes = trace.frames.length * 360 + trace.log.length * 160 + trace.retired.length * 320;
  let prev: Trace["frames"][number]["replicas"] | null = null;
  for (const f of trace.frames) {
    if (f.replicas !== prev) bytes += 16 + f.replicas.length * 8;
    prev = f.replicas;
  }
  for (const io of Object.values(trace.wires)) bytes += 200 + (io.wire.length + io.reply.length) * 24;
  bytes += trace.stream.text.length * 24;
  return bytes;
}
