/**
 * The recording document, `fullresync-lab/recording@1` (docs/recording-format.md): what a real
 * redis-server did when a scenario was played against it — its log, what reached each replica's
 * socket and when, the connections' ends, INFO / CLIENT LIST snapshots and what each event did.
 * Typed and validated here (valibot, as the scenario format is) so that a comparer and the page
 * read the same document the recorder wrote. No Node API.
 */
import * as v from "valibot";
import { issuePath, validateScenario, type Scenario } from "../scenarios/schema";

export const RECORDING_FORMAT = "fullresync-lab/recording@1";

/** Milliseconds since the recording's t = 0, from a monotonic clock (§2); negative before it. */
const Millis = v.pipe(v.number(), v.finite());
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** Bytes as one character per byte, U+0000–U+00FF (§5). */
const Bytes = v.pipe(v.string(), v.regex(/^[\u0000-\u00ff]*$/, "must be a byte string (characters U+0000–U+00FF only)"));
const Fields = v.record(v.string(), v.string());

const LogEntry = v.union([
  v.strictObject({
    t: Millis,
    pid: v.pipe(v.number(), v.integer(), v.minValue(0)),
    role: v.picklist(["M", "S", "C", "X"]),
    stamp: v.string(),
    /** The stamp as ms since t = 0 (wall clock, §2), or null if it could not be read. */
    at: v.nullable(Millis),
    level: v.picklist(["debug", "verbose", "notice", "warning"]),
    text: v.string(),
  }),
  v.strictObject({ t: Millis, raw: v.string() }),
]);

const Segment = v.union([
  v.strictObject({ t: Millis, data: Bytes }), // framing, replies, keep-alives, or the stream
  v.strictObject({ t: Millis, body: v.pipe(Count, v.minValue(1)) }), // payload bytes, counted (§5)
]);

const Sent = v.strictObject({ t: Millis, data: Bytes });

const Payload = v.strictObject({
  form: v.picklist(["len", "eof"]),
  /** `$<len>`'s length, or null for `$EOF:`. */
  length: v.nullable(Count),
  /** The 40 characters after `$EOF:`, or null. */
  mark: v.nullable(v.pipe(v.string(), v.length(40))),
  /** When the header line arrived, and when the last byte of the payload did (null: never). */
  tStart: Millis,
  tEnd: v.nullable(Millis),
  rdbBytes: v.nullable(Count),
  /** The first bytes of the RDB (its `REDIS00xx` version). */
  head: Bytes,
  /** SHA-1 (hex) of every body byte (for `$EOF:` the closing mark included), or null if it never ended. */
  sha1: v.nullable(v.pipe(v.string(), v.regex(/^[0-9a-f]{40}$/))),
});

const Closed = v.strictObject({
  t: Millis,
  /** "primary": the server closed it (EOF or reset); "replica": the replica did (a disconnect
   * event, its repl-timeout, an error reply); "recorder": still open when the recording ended. */
  by: v.picklist(["primary", "replica", "recorder"]),
  reason: v.string(),
});

const Connection = v.strictObject({
  /** When the socket connected, and the recorder's local port of it (to find it in CLIENT LIST). */
  t: Millis,
  localPort: v.pipe(Count, v.maxValue(65535)),
  command: v.picklist(["PSYNC", "SYNC"]),
  capa: v.array(v.picklist(["eof", "psync2"])),
  sent: v.array(Sent),
  received: v.array(Segment),
  payload: v.nullable(Payload),
  /** The last `REPLCONF ACK` offset sent, or null if none was. */
  ackOffset: v.nullable(Count),
  closed: v.nullable(Closed),
});

const Snapshot = v.strictObject({
  t: Millis,
  /** "start", the index of the event it follows, or "end". */
  after: v.union([v.literal("start"), v.literal("end"), Count]),
  info: v.strictObject({ replication: Fields, persistence: Fields }),
  clients: v.array(Fields),
});

const Outcome = v.strictObject({
  status: v.picklist(["done", "skipped", "unsupported", "failed"]),
  detail: v.string(),
});

const EventRecord = v.strictObject({ t: Millis, index: Count, type: v.string(), outcome: Outcome });

const Server = v.strictObject({
  version: v.string(),
  path: v.string(),
  args: v.array(v.string()),
  pid: Count,
  port: v.pipe(Count, v.maxValue(65535)),
  /** The user it ran as (an unprivileged one when the scenario makes a fork fail, §6). */
  user: v.string(),
});

export const RecordingSchema = v.strictObject({
  format: v.literal(RECORDING_FORMAT),
  scenario: v.unknown(),
  server: Server,
  upstream: v.nullable(Server),
  t0: v.pipe(v.string(), v.isoTimestamp()),
  end: v.strictObject({ t: Millis, reason: v.picklist(["settled", "horizon"]) }),
  log: v.array(LogEntry),
  upstreamLog: v.array(LogEntry),
  replicas: v.record(v.string(), v.strictObject({ connections: v.array(Connection) })),
  snapshots: v.array(Snapshot),
  events: v.array(EventRecord),
  unsupported: v.array(v.strictObject({ what: v.string(), reason: v.string() })),
});

type Raw = v.InferOutput<typeof RecordingSchema>;
export type Recording = Omit<Raw, "scenario"> & { scenario: Scenario };
export type LogRecord = Raw["log"][number];
export type SegmentRecord = v.InferOutput<typeof Segment>;
export type ConnectionRecord = v.InferOutput<typeof Connection>;
export type PayloadRecord = v.InferOutput<typeof Payload>;
export type SnapshotRecord = v.InferOutput<typeof Snapshot>;
export type OutcomeRecord = v.InferOutput<typeof Outcome>;
export type ServerRecord = v.InferOutput<typeof Server>;

export type RecordingResult = { ok: true; recording: Recording } | { ok: false; errors: string[] };

/**
 * Checks a recording; each error is one line naming the field (`replicas.r1.connections[0].t: …`),
 * as the scenario validator words its errors. The scenario inside is checked by that validator.
 */
export function validateRecording(input: unknown): RecordingResult {
  if (input && typeof input === "object" && !Array.isArray(input)) {
    const format = (input as { format?: unknown }).format;
    if (typeof format === "string" && format !== RECORDING_FORMAT)
      return { ok: false, errors: [`format: unknown recording format "${format}" (expected "${RECORDING_FORMAT}")`] };
  }
  const result = v.safeParse(RecordingSchema, input);
  if (!result.success) return { ok: false, errors: result.issues.map((i) => `${issuePath(i) || "recording"}: ${i.message}`) };
  const scenario = validateScenario(result.output.scenario);
  if (!scenario.ok) return { ok: false, errors: scenario.errors.map((e) => `scenario.${e}`) };
  const ids = new Set(scenario.scenario.replicas.map((r) => r.id));
  const stray = Object.keys(result.output.replicas).find((id) => !ids.has(id));
  if (stray !== undefined) return { ok: false, errors: [`replicas.${stray}: not a replica of the scenario`] };
  const badEvent = result.output.events.find((e) => e.index >= scenario.scenario.events.length || scenario.scenario.events[e.index]?.type !== e.type);
  if (badEvent) return { ok: false, errors: [`events: event ${badEvent.index} (${badEvent.type}) is not the scenario's`] };
  return { ok: true, recording: { ...result.output, scenario: scenario.scenario } };
}
