/**
 * A computed trace sent from the simulation worker in parts (docs/architecture.md §17). Receiving
 * a message costs the page's main thread a structured-clone read proportional to its size, in one
 * task; a long trace sent whole is one task of seconds. Sent as parts of bounded weight, each read
 * is a short task of its own, and the page answers clicks and paints between them.
 *
 * The parts carry the trace's big lists in order — frames, the primary's log, each replica's log,
 * the retired connections, the markers, the stream, each connection's wire and buffer logs (in
 * slices) and the per-frame indexes — and the last one
 * carries the rest. Objects shared by consecutive frames stay shared within a part; at a part
 * boundary the next part carries its own copy (nothing reads frames by identity).
 */
import type { ConnectionIo, Frame, Trace } from "../model/trace";
import type { LogEntry } from "../model/types";
import type { LoadedTrace } from "./runner";

/** The rest of a trace: everything but the lists sent in parts. */
export type TraceRest = Omit<Trace, "frames" | "log" | "wires" | "stream" | "retired" | "replicaLogs" | "markers">;

/** The per-frame and per-marker lists beside the trace, sent in parts too. */
const DERIVED_LISTS = ["eventFrames", "stops", "lastCall", "lastTarget", "lastChild", "forkFailure", "markers"] as const;
type DerivedList = (typeof DERIVED_LISTS)[number];

export type TracePart =
  | { kind: "frames"; frames: Frame[] }
  | { kind: "log"; log: LogEntry[] }
  | { kind: "replicaLog"; id: string; log: LogEntry[] }
  | { kind: "retired"; retired: Trace["retired"] }
  | { kind: "markers"; markers: Trace["markers"] }
  | { kind: "stream"; text: string[]; frame: number[] }
  | { kind: "derived"; list: DerivedList; items: unknown[] }
  /** Slices of connections' logs, each appended to what came before for the same key. */
  | { kind: "wires"; slices: { key: string; io: ConnectionIo }[] };

export interface TraceRestPart {
  trace: TraceRest;
  derived: Omit<LoadedTrace["derived"], DerivedList>;
  bytes: number;
}

/**
 * The weight of one part: about the number of values a structured-clone read creates. A part of
 * this weight reads in a few tens of milliseconds on a laptop (npm run bench measures the longest
 * main-thread task while a long trace arrives).
 */
export const PART_WEIGHT = 20_000;

/** Roughly how many values reading this frame creates, given the frame before it in the same part. */
function frameWeight(f: Frame, prev: Frame | undefined): number {
  let w = 16 + f.notes.length * 6;
  if (f.locals) w += 6;
  if (!prev || f.server !== prev.server) w += 24;
  if (!prev || f.replicas !== prev.replicas) {
    w += f.replicas.length;
    // Each view that changed is a new object of about 20 values.
    for (let k = 0; k < f.replicas.length; k++) if (!prev || f.replicas[k] !== prev.replicas[k]) w += 20;
  }
  if (!prev || f.agents !== prev.agents) w += f.agents.length * 5;
  return w;
}

/** Split a list into slices of at most `weight` by `weigh`, calling `emit` with each. */
function sliced<T>(items: readonly T[], weigh: (item: T, prev: T | undefined) => number, emit: (slice: T[]) => void, weight: number): void {
  let start = 0;
  let w = 0;
  for (let k = 0; k < items.length; k++) {
    const item = items[k] as T;
    w += weigh(item, k > start ? items[k - 1] : undefined);
    if (w >= weight) {
      emit(items.slice(start, k + 1));
      start = k + 1;
      w = 0;
    }
  }
  if (start < items.length) emit(items.slice(start));
}

const LOG_WEIGHT = () => 6;

/** The parts of a computed trace, in the order they are sent, and the rest to send last. */
export function splitTrace(result: LoadedTrace, emit: (part: TracePart) => void, weight = PART_WEIGHT): TraceRestPart {
  const { frames, log, wires, stream, retired, replicaLogs, markers, ...rest } = result.trace;
  const { eventFrames, stops, lastCall, lastTarget, lastChild, forkFailure, markers: derivedMarkers, ...derivedRest } = result.derived;
  sliced(frames, frameWeight, (s) => emit({ kind: "frames", frames: s }), weight);
  sliced(log, LOG_WEIGHT, (s) => emit({ kind: "log", log: s }), weight);
  for (const [id, entries] of Object.entries(replicaLogs)) {
    if (!entries.length) emit({ kind: "replicaLog", id, log: [] });
    else sliced(entries, LOG_WEIGHT, (s) => emit({ kind: "replicaLog", id, log: s }), weight);
  }
  sliced(retired, () => 22, (s) => emit({ kind: "retired", retired: s }), weight);
  sliced(markers, () => 6, (s) => emit({ kind: "markers", markers: s }), weight);
  const streamStep = Math.max(1, Math.floor(weight / 2));
  for (let from = 0; from < stream.text.length; from += streamStep) {
    emit({ kind: "stream", text: stream.text.slice(from, from + streamStep), frame: stream.frame.slice(from, from + streamStep) });
  }
  const lists: Record<DerivedList, readonly unknown[]> = { eventFrames, stops, lastCall, lastTarget, lastChild, forkFailure, markers: derivedMarkers };
  for (const list of DERIVED_LISTS) sliced(lists[list], () => 3, (items) => emit({ kind: "derived", list, items }), weight);
  // Connections' logs in slices of at most a part each, several short ones to a part: about three
  // values an entry (the entry and its stamps).
  let batch: { key: string; io: ConnectionIo }[] = [];
  let batchWeight = 0;
  const flush = () => {
    if (batch.length) emit({ kind: "wires", slices: batch });
    batch = [];
    batchWeight = 0;
  };
  const step = Math.max(1, Math.floor(weight / 3));
  for (const [key, io] of Object.entries(wires)) {
    const n = Math.max(io.wire.length, io.reply.length, 1);
    for (let from = 0; from < n; from += step) {
      const to = from + step;
      const slice: ConnectionIo = {
        wire: io.wire.slice(from, to),
        reply: io.reply.slice(from, to),
        wireFrame: io.wireFrame.slice(from, to),
        queuedFrame: io.queuedFrame.slice(from, to),
        sentFrame: io.sentFrame.slice(from, to),
      };
      if (io.follows && from === 0) slice.follows = io.follows;
      batch.push({ key, io: slice });
      batchWeight += 8 + 3 * (slice.wire.length + slice.reply.length);
      if (batchWeight >= weight) flush();
    }
  }
  flush();
  return { trace: rest, derived: derivedRest, bytes: result.bytes };
}

function append<T>(into: T[], items: readonly T[]): void {
  for (let k = 0; k < items.length; k++) into.push(items[k] as T);
}

/** Puts a trace together again from its parts, in the order they were sent. */
export class TraceAssembler {
  private readonly frames: Frame[] = [];
  private readonly log: LogEntry[] = [];
  private readonly replicaLogs: Record<string, LogEntry[]> = {};
  private readonly retired: Trace["retired"] = [];
  private readonly wires: Record<string, ConnectionIo> = {};
  private readonly markers: Trace["markers"] = [];
  private readonly stream: Trace["stream"] = { text: [], frame: [] };
  private readonly derived: Record<DerivedList, unknown[]> = { eventFrames: [], stops: [], lastCall: [], lastTarget: [], lastChild: [], forkFailure: [], markers: [] };

  add(part: TracePart): void {
    switch (part.kind) {
      case "frames":
        append(this.frames, part.frames);
        return;
      case "log":
        append(this.log, part.log);
        return;
      case "replicaLog":
        append((this.replicaLogs[part.id] ??= []), part.log);
        return;
      case "retired":
        append(this.retired, part.retired);
        return;
      case "markers":
        append(this.markers, part.markers);
        return;
      case "stream":
        append(this.stream.text, part.text);
        append(this.stream.frame, part.frame);
        return;
      case "derived":
        append(this.derived[part.list], part.items);
        return;
      case "wires":
        for (const { key, io: slice } of part.slices) {
          const io = (this.wires[key] ??= { wire: [], reply: [], wireFrame: [], queuedFrame: [], sentFrame: [] });
          append(io.wire, slice.wire);
          append(io.reply, slice.reply);
          append(io.wireFrame, slice.wireFrame);
          append(io.queuedFrame, slice.queuedFrame);
          append(io.sentFrame, slice.sentFrame);
          if (slice.follows) io.follows = slice.follows;
        }
        return;
    }
  }

  finish(rest: TraceRestPart): LoadedTrace {
    // In runScenario's key order, so an exported trace reads the same as the CLI's.
    const { format, scenarioId, redis, endedBy, endTime } = rest.trace;
    const markers = this.markers;
    const trace: Trace = {
      format,
      scenarioId,
      redis,
      frames: this.frames,
      log: this.log,
      wires: this.wires,
      stream: this.stream,
      retired: this.retired,
      replicaLogs: this.replicaLogs,
      markers,
      endedBy,
      endTime,
    };
    const derived = { ...(this.derived as unknown as Pick<LoadedTrace["derived"], DerivedList>), ...rest.derived };
    return { trace, derived, bytes: rest.bytes };
  }
}
