/**
 * The scenario document (docs/scenario-format.md): what students open, lecturers author and URLs carry.
 * Validated with valibot; every error names the field it is about ("events[2].replica: ...").
 */
import { findMarkup } from "./markup";
import * as v from "valibot";
import { ClaimSchema } from "./claims.ts";

export const SCENARIO_FORMAT = "fullresync-lab/scenario@1";

const Text = v.strictObject({ en: v.pipe(v.string(), v.minLength(1)), zh: v.pipe(v.string(), v.minLength(1)) });
const Id = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/, "must be 1–32 letters, digits, '-' or '_', starting with a letter"),
);
const Seconds = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(86400));
const PositiveSeconds = v.pipe(v.number(), v.finite(), v.minValue(0.001), v.maxValue(86400));
const Sha = v.pipe(v.string(), v.regex(/^[0-9a-f]{40}$/, "must be 40 lowercase hex digits"));

const At = { at: Seconds };
const EventSchema = v.variant("type", [
  v.strictObject({
    ...At,
    type: v.literal("connect"),
    replica: Id,
    /** Send PING and the sync command in one packet: the +PONG is still pending (docs/behaviour.md §3 step 3). */
    pipelined: v.optional(v.boolean()),
  }),
  v.strictObject({ ...At, type: v.literal("disconnect"), replica: Id }),
  v.strictObject({ ...At, type: v.literal("fork-fails"), errno: v.optional(v.picklist(["EAGAIN", "ENOMEM"])) }),
  v.strictObject({
    ...At,
    type: v.literal("kill-child"),
    /** "sigkill" (default): kill -9. "exit-error": the child fails (e.g. disk full) and exits 1. */
    mode: v.optional(v.picklist(["sigkill", "exit-error"])),
  }),
  v.strictObject({ ...At, type: v.literal("aof-rewrite"), duration: v.optional(PositiveSeconds) }),
  v.strictObject({ ...At, type: v.literal("bgsave") }),
  v.strictObject({ ...At, type: v.literal("upstream-lost"), cached: v.optional(v.boolean()) }),
  v.strictObject({
    ...At,
    type: v.literal("write"),
    count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
  }),
  v.strictObject({ ...At, type: v.literal("evalsha"), sha: Sha, script: v.optional(v.pipe(v.string(), v.maxLength(500))) }),
  /** CONFIG SET repl-diskless-sync / repl-diskless-sync-delay at this moment (docs/behaviour.md §12). */
  v.strictObject({
    ...At,
    type: v.literal("config-set"),
    replDisklessSync: v.optional(v.boolean()),
    replDisklessSyncDelay: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3600))),
  }),
  /** The replica's next connections announce other capabilities or use the other command. */
  v.strictObject({
    ...At,
    type: v.literal("replica-set"),
    replica: Id,
    capa: v.optional(v.array(v.picklist(["eof", "psync2"]))),
    command: v.optional(v.picklist(["PSYNC", "SYNC"])),
  }),
]);

/**
 * A prediction: its premise is what the screen shows where it is asked, each choice says what the
 * reveal frame shows if it is right (src/lesson/questions.ts checks both against the trace).
 */
const Predict = v.strictObject({
  premise: ClaimSchema,
  question: Text,
  choices: v.pipe(v.array(v.strictObject({ text: Text, claim: ClaimSchema })), v.minLength(2), v.maxLength(6)),
  answer: v.pipe(v.number(), v.integer(), v.minValue(0)),
  explain: v.optional(Text),
});

/**
 * A question written before questions carried claims (plain-text choices, no premise) cannot be
 * checked, so a document that has one still opens with the question left out (its step's text stays).
 */
function isUncheckedPredict(x: unknown): boolean {
  if (!x || typeof x !== "object" || Array.isArray(x)) return false;
  const p = x as { premise?: unknown; choices?: unknown };
  return p.premise === undefined && Array.isArray(p.choices) && p.choices.length > 0 && p.choices.every((c) => c && typeof c === "object" && "en" in c && !("text" in c));
}

const Step = v.strictObject({
  /** Anchor: the frame reached by the scenario event with this index, or at this virtual time (s). */
  event: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  at: v.optional(Seconds),
  /** Anchor to the first frame whose notes include this key (e.g. "port.failed"). */
  note: v.optional(v.pipe(v.string(), v.maxLength(64))),
  text: Text,
  predict: v.optional(
    v.pipe(
      v.unknown(),
      v.transform((x) => (isUncheckedPredict(x) ? undefined : x)),
      v.optional(Predict),
    ),
  ),
});

const ScenarioSchema = v.pipe(
  v.strictObject({
    format: v.literal(SCENARIO_FORMAT),
    id: Id,
    title: Text,
    summary: Text,
    group: v.optional(v.picklist(["happy", "batching", "failures"])),
    reference: v.optional(v.pipe(v.string(), v.maxLength(40))),
    seed: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2 ** 31 - 1))),
    until: v.optional(PositiveSeconds),
    config: v.strictObject({
      replDisklessSync: v.boolean(),
      replDisklessSyncDelay: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3600)),
      replTimeout: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3600)),
    }),
    primary: v.strictObject({
      role: v.picklist(["master", "replica"]),
      upstream: v.optional(v.picklist(["linked", "cached", "none"])),
      appendonly: v.optional(v.boolean()),
      masterReplOffset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
      rdbBytes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2 ** 40)),
      bgsaveSeconds: PositiveSeconds,
      transferBytesPerSecond: v.pipe(v.number(), v.integer(), v.minValue(1024)),
    }),
    replicas: v.pipe(
      v.array(
        v.strictObject({
          id: Id,
          capa: v.array(v.picklist(["eof", "psync2"])),
          command: v.picklist(["PSYNC", "SYNC"]),
        }),
      ),
      v.maxLength(500),
    ),
    events: v.pipe(v.array(EventSchema), v.maxLength(20000)),
    steps: v.optional(v.array(Step)),
  }),
  v.forward(
    v.check((s) => new Set(s.replicas.map((r) => r.id)).size === s.replicas.length, "replica ids must be unique"),
    ["replicas"],
  ),
  v.forward(
    v.check((s) => s.events.every((e, i) => i === 0 || (s.events[i - 1] as { at: number }).at <= e.at), "must be in time order (each 'at' ≥ the previous one)"),
    ["events"],
  ),
  v.forward(
    v.check(
      (s) => s.events.every((e) => !("replica" in e) || s.replicas.some((r) => r.id === e.replica)),
      "an event names a replica that is not in 'replicas'",
    ),
    ["events"],
  ),
  v.forward(
    v.check((s) => s.primary.role === "replica" || s.primary.upstream === undefined, "only a replica has an upstream"),
    ["primary", "upstream"],
  ),
  v.forward(
    v.check((s) => (s.steps ?? []).every((st) => !st.predict || st.predict.answer < st.predict.choices.length), "predict.answer must index one of the choices"),
    ["steps"],
  ),
);

export type Scenario = v.InferOutput<typeof ScenarioSchema>;
export type ScenarioEvent = Scenario["events"][number];
export type ScenarioStep = NonNullable<Scenario["steps"]>[number];
export type LocalText = Scenario["title"];

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/**
 * Checks a document of the current format. There has been no other format: a document naming
 * another is refused by name (a later format will bring its migration from this one).
 */
export function validateScenario(input: unknown): ValidationResult {
  if (input && typeof input === "object" && !Array.isArray(input)) {
    const format = (input as { format?: unknown }).format;
    if (typeof format === "string" && format !== SCENARIO_FORMAT) {
      return { ok: false, errors: [`format: unknown scenario format "${format}" (expected "${SCENARIO_FORMAT}")`] };
    }
  }
  const result = v.safeParse(ScenarioSchema, input);
  if (result.success) {
    // The one markup rule (src/share/markup.ts), for every text of the document.
    const markupAt = findMarkup(result.output);
    if (markupAt !== null) return { ok: false, errors: [`${markupAt}: looks like HTML or script, which a scenario never contains`] };
    return { ok: true, scenario: result.output };
  }
  return {
    ok: false,
    errors: result.issues.map((issue) => {
      const path = v.getDotPath(issue) ?? "";
      return `${path ? prettyPath(path) : "scenario"}: ${issue.message}`;
    }),
  };
}

/** "events.2.replica" → "events[2].replica" */
export function prettyPath(dot: string): string {
  return dot.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
}

/** Parse JSON text and validate; JSON syntax errors name the line and column. */
export function parseScenarioText(text: string): ValidationResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const at = jsonErrorOffset(text);
    const upTo = text.slice(0, at);
    const line = upTo.split("\n").length;
    const col = upTo.length - upTo.lastIndexOf("\n");
    return { ok: false, errors: [`JSON syntax error at line ${line}, column ${col}: ${msg.split("\n")[0]}`] };
  }
  return validateScenario(doc);
}

/** Offset of the first JSON syntax error (JSON.parse's messages do not always carry one). */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i] as string)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const lit = (word: string) => (text.startsWith(word, i) ? (i += word.length) : fail());
  const str = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") i++;
      else if ((text.charCodeAt(i) ?? 0) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const num = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail();
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        str();
        ws();
        if (text[i] !== ":") fail();
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else fail();
      }
    } else if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else fail();
      }
    } else if (c === '"') str();
    else if (c === "t") lit("true");
    else if (c === "f") lit("false");
    else if (c === "n") lit("null");
    else num();
  };
  try {
    value();
    ws();
    return i < text.length ? i : text.length;
  } catch (offset) {
    return typeof offset === "number" ? offset : 0;
  }
}
