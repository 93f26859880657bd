/**
 * The scenario document (docs/scenario-format.md): what students open, lecturers author and URLs carry.
 * Validated with valibot; every error names the field it is about ("events[2].replica: ...").
 *
 * An author may leave out what has a documented default (§2–§5): `id` (derived from the title),
 * `zh` (the English is used), the configuration (Redis 4.0.14's defaults) and the primary's sizes
 * and durations. The validator fills them in, once: after it the rest of the code sees whole
 * scenarios. public/scenario.schema.json is generated from this schema (scripts/scenarioJsonSchema.ts).
 */
import { findMarkup } from "./markup.ts";
import * as v from "valibot";
import { MAX_EVENTS, MAX_REPLICAS } from "../share/limits.ts";
import { ClaimSchema } from "./claims.ts";
import { workProblem } from "./work.ts";
import { DEFAULT_VERSION, REDIS_VERSIONS } from "../model/versions/names.ts";
import { versionProblem } from "../model/versions/modelled.ts";

export const SCENARIO_FORMAT = "fullresync-lab/scenario@1";

export const NonEmpty = v.pipe(v.string(), v.minLength(1));
export const TextObject = v.strictObject({ en: NonEmpty, zh: v.optional(NonEmpty) });
/**
 * A text for readers: `"…"` or `{ "en": "…", "zh"?: "…" }` (NonEmpty or TextObject); the English
 * stands in for a missing Chinese. A string becomes `{ en }` first, so what is wrong is named by
 * the object's own rules.
 */
export const Text = v.pipe(
  v.unknown(),
  v.transform((t) => (typeof t === "string" ? { en: t } : t)),
  TextObject,
  v.transform((t) => ({ en: t.en, zh: t.zh ?? t.en })),
);
export const Id = v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/, "must be 1–32 letters, digits, '-' or '_', starting with a letter"));

/**
 * The id of a document that gives none: its English title in lower case, words joined by '-'
 * ("Fork failure, disk" → "fork-failure-disk"); a title with no Latin letters gives "scenario-"
 * and a hash of it. The same title always gives the same id, and every id it gives is valid.
 */
export function idFromTitle(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^[^a-z]+/, "")
    .slice(0, 32)
    .replace(/-+$/, "");
  return slug || "scenario";
}

// JSON has no NaN or infinities, and the bounds refuse them in objects made by code.
const Seconds = v.pipe(v.number(), v.minValue(0), v.maxValue(86400));
const PositiveSeconds = v.pipe(v.number(), v.minValue(0.001), v.maxValue(86400));
const Delay = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3600));
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
    replDisklessSyncDelay: v.optional(Delay),
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

/** A Redis version the lab has (docs/versions.md). */
const Version = v.picklist(REDIS_VERSIONS);
/** Versions, each once. */
const Versions = v.pipe(
  v.array(Version),
  v.minLength(1),
  v.check((l) => new Set(l).size === l.length, "names a version twice"),
);

const Step = v.strictObject({
  /** Anchor: the frame reached by the scenario event with this index, or at this virtual time (s). */
  event: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  at: v.optional(Seconds),
  /** Anchor to the first frame whose notes include this key (e.g. "port.failed"). */
  note: v.optional(v.pipe(v.string(), v.maxLength(64))),
  text: Text,
  /**
   * The versions this step is true of (docs/scenario-format.md §8): on a run of another version it
   * is left out. Absent: every version the scenario is written for.
   */
  redis: v.optional(Versions),
  predict: v.optional(
    v.pipe(
      v.unknown(),
      v.transform((x) => (isUncheckedPredict(x) ? undefined : x)),
      v.optional(Predict),
    ),
  ),
});

/**
 * The defaults (docs/scenario-format.md §3–§5) are written where they apply, the one place they are
 * kept (the JSON Schema and the docs' test read them from here). The configuration is Redis
 * 4.0.14's own (docs/behaviour.md §12), a replica is a Redis 4.0 one (PSYNC, capa eof psync2,
 * docs/behaviour.md §2.2); the reference gives no typical dataset, so the primary's sizes and
 * durations are the catalogue's: a 2 MiB RDB, written in 2 s, sent at 4 MiB/s.
 */
export const ScenarioSchema = v.pipe(
  v.strictObject({
    /** The editor's JSON Schema (public/scenario.schema.json); not part of the scenario, so dropped. */
    $schema: v.optional(v.string()),
    format: v.literal(SCENARIO_FORMAT),
    id: v.optional(Id),
    title: Text,
    summary: Text,
    group: v.optional(v.picklist(["happy", "batching", "failures"])),
    reference: v.optional(v.pipe(v.string(), v.maxLength(40))),
    /** The Redis version the scenario runs on (docs/versions.md); old files and links mean 4.0.14. */
    redis: v.optional(Version, DEFAULT_VERSION),
    /**
     * The versions its narration (summary, steps, questions) is written for: the page shows it on a
     * run of one of these only. Absent: the version it runs on.
     */
    writtenFor: v.optional(Versions),
    /** Per version: what that version does differently in this scenario, shown with the summary on its runs. */
    versionNotes: v.optional(v.strictObject(Object.fromEntries(REDIS_VERSIONS.map((r) => [r, v.optional(Text)])) as Record<(typeof REDIS_VERSIONS)[number], v.OptionalSchema<typeof Text, undefined>>)),
    seed: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2 ** 31 - 1))),
    until: v.optional(PositiveSeconds),
    config: v.optional(
      v.strictObject({
        /** Default: the version's own — `no` up to 6.2.14, `yes` in 7.0.15 (docs/versions.md §12); filled in below. */
        replDisklessSync: v.optional(v.boolean()),
        replDisklessSyncDelay: v.optional(Delay, 5),
        replTimeout: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3600)), 60),
        /** 7.0 on: `repl-diskless-sync-max-replicas` (absent: 0, off; docs/versions.md §9.3). */
        replDisklessSyncMaxReplicas: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_REPLICAS))),
      }),
      {},
    ),
    primary: v.optional(
      v.strictObject({
        role: v.optional(v.picklist(["master", "replica"]), "master"),
        upstream: v.optional(v.picklist(["linked", "cached", "none"])),
        appendonly: v.optional(v.boolean()),
        masterReplOffset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
        rdbBytes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2 ** 40)), 2097152),
        bgsaveSeconds: v.optional(PositiveSeconds, 2),
        transferBytesPerSecond: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1024)), 4194304),
      }),
      {},
    ),
    replicas: v.pipe(
      v.array(
        v.strictObject({
          id: Id,
          capa: v.optional(v.array(v.picklist(["eof", "psync2"])), () => ["eof", "psync2"]),
          command: v.optional(v.picklist(["PSYNC", "SYNC"]), "PSYNC"),
        }),
      ),
      v.maxLength(MAX_REPLICAS),
    ),
    events: v.pipe(v.array(EventSchema), v.maxLength(MAX_EVENTS)),
    steps: v.optional(v.array(Step)),
  }),
  // A derived id may be a catalogue scenario's, whose narration is kept by id apart from the
  // documents (src/scenarios/narration.ts): such a document says it has none of its own.
  v.transform(({ $schema: _, format, id, ...given }) => {
    // repl-diskless-sync's default is the version's own (7.0 made it yes, commit ae8995897).
    const { replDisklessSync, ...config } = given.config;
    const rest = { ...given, config: { replDisklessSync: replDisklessSync ?? DISKLESS_BY_DEFAULT[given.redis], ...config } };
    return id ? { format, id, ...rest } : { format, id: idFromTitle(rest.title.en), ...rest, steps: rest.steps ?? [] };
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
  v.forward(
    v.check((s) => (s.steps ?? []).every((st) => !st.redis || st.redis.every((r) => writtenFor(s).includes(r))), "a step's redis names a version the scenario is not written for ('writtenFor')"),
    ["steps"],
  ),
);

/** `repl-diskless-sync`'s default per version (docs/versions.md §12). */
export const DISKLESS_BY_DEFAULT: Readonly<Record<(typeof REDIS_VERSIONS)[number], boolean>> = {
  "4.0.14": false,
  "5.0.5": false,
  "6.2.14": false,
  "7.0.15": true,
};

/** The versions a scenario's narration is written for (`writtenFor`, else the version it runs on). */
export function writtenFor(s: { redis: (typeof REDIS_VERSIONS)[number]; writtenFor?: readonly (typeof REDIS_VERSIONS)[number][] | undefined }): readonly (typeof REDIS_VERSIONS)[number][] {
  return s.writtenFor ?? [s.redis];
}

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
    // The work bound, before anything runs (docs/scenario-format.md §10).
    const tooMuch = workProblem(result.output);
    if (tooMuch !== null) return { ok: false, errors: [tooMuch] };
    // A version the model cannot run this scenario on (src/model/versions/modelled.ts).
    const cannot = versionProblem(result.output, result.output.redis);
    if (cannot !== null) return { ok: false, errors: [`redis: ${cannot}`] };
    return { ok: true, scenario: result.output };
  }
  return {
    ok: false,
    errors: result.issues.map((issue) => {
      const path = issuePath(issue);
      return `${path || "scenario"}: ${issue.message}`;
    }),
  };
}

/** Where an issue is: `events[2].replica`, `versionNotes["6.0"]` (a key that is not a plain name is quoted). */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = "";
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** "events.2.replica" → "events[2].replica" */
export function prettyPath(dot: string): string {
  return dot.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
}
