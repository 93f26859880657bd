/**
 * What a share link carries, as a versioned snapshot (after tldraw's snapshots: a version number,
 * a table of migrations from every older version, and a validator for the current one).
 *
 * v1, the JSON before compression (one-letter keys keep links short; defaults are left out):
 *   v  1                                   the payload version
 *   s  "fork-failure-disk" | { ...doc }    a catalogue id, or the whole document of a user's file,
 *      | "kept:<hash>"                      or one too large for a link, kept in this browser (keptDocs.ts)
 *   e  Edit[]                              sandbox edits on top of it           (default [])
 *   f  12                                  the frame index                     (default 0)
 *   k  "event" | "line"                    step size                           (default "event")
 *   l  "en" | "zh"                         language of the explanations        (default: the reader's own)
 *   p  ["help", ...]                       open panels                         (default [])
 *   r  "5.0.5"                              the Redis version it runs on        (default: the scenario's own, `redis`)
 */
import * as v from "valibot";
import { DEFAULT_SCENARIO_ID, findScenario } from "../scenarios/catalogue";
import { applyEdits, EditsSchema, type Edit } from "../scenarios/edits";
import { prettyPath, validateScenario, type Scenario } from "../scenarios/schema";
import { REDIS_VERSIONS, type RedisVersion } from "../model/versions/names";
import { versionProblem } from "../model/versions/modelled";

const LINK_VERSION = 1;

/** How far a step moves: to the next scenario event, or to the next executed seed line. */
const STEP_SIZES = ["event", "line"] as const;
export type StepSize = (typeof STEP_SIZES)[number];
/** The languages the lab is written in. */
const LANGS = ["en", "zh"] as const;
export type Lang = (typeof LANGS)[number];

/**
 * Panels whose being open is part of the moment shared. Unknown names in a link are ignored.
 * "lecture" is lecture mode: a lecturer's prepared link opens with the projector theme;
 * "messages" shows the sequence diagram in place of the picture.
 */
export const PANELS = ["help", "sandbox", "probe", "lecture", "messages"] as const;
export type Panel = (typeof PANELS)[number];

/**
 * What a link names: a catalogue scenario by id, a user's document in full, or a document too large
 * for a link, kept in the browser that made the link under its content hash (src/share/keptDocs.ts).
 */
export type ScenarioRef =
  | { kind: "catalogue"; id: string }
  | { kind: "document"; scenario: Scenario }
  | { kind: "kept"; hash: string };

/** How a link's `s` names a kept document. */
const KEPT_PREFIX = "kept:";
const KEPT_REF = /^kept:([0-9a-f]{32})$/;

/** The shared moment, in the app's terms. */
export interface LinkState {
  scenario: ScenarioRef;
  edits: Edit[];
  frame: number;
  step: StepSize;
  /** Absent in links that do not choose one (the reader keeps their own). */
  lang?: Lang;
  panels: Panel[];
  /** The Redis version the run is on, when it is not the scenario's own (docs/versions.md). */
  redis?: RedisVersion;
}

/** Why a link could not be used; the UI words each code in the reader's language. */
export type LinkProblemCode =
  | "too-long"
  | "not-base64"
  | "damaged"
  | "too-big"
  | "not-json"
  | "forbidden-key"
  | "markup"
  | "not-a-link"
  | "newer-version"
  | "unknown-version"
  | "shape"
  | "unknown-scenario"
  | "scenario"
  | "edits"
  /** `r` names a version the scenario cannot run on (detail: why). */
  | "version"
  /** A document kept in another browser's storage (or cleared since): detail "missing" or "damaged". */
  | "not-kept";

export interface LinkProblem {
  code: LinkProblemCode;
  /** The field, value or validator message concerned (data, shown as text). */
  detail?: string;
}

export type DecodeResult = { ok: true; state: LinkState } | { ok: false; problem: LinkProblem };

const fail = (code: LinkProblemCode, detail?: string): DecodeResult => ({
  ok: false,
  problem: detail === undefined ? { code } : { code, detail: detail.slice(0, 300) },
});

const PayloadV1Schema = v.strictObject({
  v: v.literal(1),
  s: v.pipe(
    v.unknown(),
    v.check((s) => typeof s === "string" || (!!s && typeof s === "object" && !Array.isArray(s)), "must be a catalogue scenario id or a scenario document"),
  ),
  e: v.optional(EditsSchema),
  f: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000))),
  k: v.optional(v.picklist(STEP_SIZES)),
  l: v.optional(v.picklist(LANGS)),
  p: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(32))), v.maxLength(16))),
  r: v.optional(v.picklist(REDIS_VERSIONS)),
});

export type PayloadV1 = v.InferOutput<typeof PayloadV1Schema>;

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations, keyed by the version they upgrade from; each returns the next version.
 * v0 is the first page's query link `?scenario=<id>&frame=<n>&step=event|line` (see legacyPayload).
 */
const MIGRATIONS: Record<number, Migration> = {
  0: (old) => ({
    v: 1,
    s: old.scenario ?? DEFAULT_SCENARIO_ID,
    ...(old.frame !== undefined ? { f: old.frame } : {}),
    ...(old.step !== undefined ? { k: old.step } : {}),
  }),
};

/** Key order does not matter: two documents are the same if their JSON with sorted keys is. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, val: unknown) =>
    val && typeof val === "object" && !Array.isArray(val)
      ? Object.fromEntries(Object.keys(val).sort().map((k) => [k, (val as Record<string, unknown>)[k]]))
      : val,
  );
}

const sameAsCatalogue = new WeakMap<Scenario, boolean>();

/** A scenario as a link names it: by id if it is a catalogue document unchanged, else in full. */
export function scenarioRef(scenario: Scenario): ScenarioRef {
  const listed = findScenario(scenario.id);
  let same = listed === scenario || sameAsCatalogue.get(scenario);
  if (same === undefined) {
    same = listed !== undefined && canonicalJson(listed) === canonicalJson(scenario);
    sameAsCatalogue.set(scenario, same);
  }
  return same ? { kind: "catalogue", id: scenario.id } : { kind: "document", scenario };
}

export function toPayload(state: LinkState): PayloadV1 {
  const panels = PANELS.filter((p) => state.panels.includes(p));
  return {
    v: 1,
    s:
      state.scenario.kind === "catalogue"
        ? state.scenario.id
        : state.scenario.kind === "kept"
          ? `${KEPT_PREFIX}${state.scenario.hash}`
          : state.scenario.scenario,
    ...(state.edits.length ? { e: state.edits } : {}),
    ...(state.frame ? { f: state.frame } : {}),
    ...(state.step !== "event" ? { k: state.step } : {}),
    ...(state.lang ? { l: state.lang } : {}),
    ...(panels.length ? { p: panels } : {}),
    ...(state.redis ? { r: state.redis } : {}),
  };
}

function issueText(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return "";
  const path = v.getDotPath(first);
  return `${path ? prettyPath(path) : "link"}: ${first.message}`;
}

/** Bring any known payload version up to the current one, then validate it into a LinkState. */
export function fromPayload(input: unknown): DecodeResult {
  if (!input || typeof input !== "object" || Array.isArray(input)) return fail("not-a-link");
  let doc = input as Record<string, unknown>;
  const version = doc.v;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 0) return fail("not-a-link");
  if (version > LINK_VERSION) return fail("newer-version", String(version));
  for (let at = version; at < LINK_VERSION; at++) {
    const migrate = MIGRATIONS[at];
    if (!migrate) return fail("unknown-version", String(version));
    doc = migrate(doc);
  }

  const parsed = v.safeParse(PayloadV1Schema, doc);
  if (!parsed.success) return fail("shape", issueText(parsed.issues));
  const p = parsed.output;

  let ref: ScenarioRef;
  let base: Scenario | null;
  const kept = typeof p.s === "string" ? KEPT_REF.exec(p.s) : null;
  if (kept) {
    // Found, validated and its edits checked where the document is kept (applyLinkState).
    ref = { kind: "kept", hash: kept[1] as string };
    base = null;
  } else if (typeof p.s === "string") {
    const listed = findScenario(p.s);
    if (!listed) return fail("unknown-scenario", p.s.slice(0, 40));
    ref = { kind: "catalogue", id: listed.id };
    base = listed;
  } else {
    const checked = validateScenario(p.s);
    if (!checked.ok) {
      const more = checked.errors.length > 1 ? ` (+${checked.errors.length - 1})` : "";
      return fail("scenario", `${checked.errors[0] ?? ""}${more}`);
    }
    base = checked.scenario;
    ref = scenarioRef(base);
  }

  const edits = (p.e ?? []) as Edit[];
  if (edits.length && base) {
    const applied = applyEdits(base, edits);
    if (!applied.ok) return fail("edits", applied.errors[0]);
  }

  // A version the scenario cannot run on (a kept document is checked where it is found).
  const redis = p.r && base && p.r !== base.redis ? p.r : undefined;
  if (redis && base) {
    const problem = versionProblem(base, redis);
    if (problem) return fail("version", problem);
  }

  const panels = PANELS.filter((name) => p.p?.includes(name));
  return {
    ok: true,
    state: {
      scenario: ref,
      edits,
      frame: p.f ?? 0,
      step: p.k ?? "event",
      ...(p.l ? { lang: p.l } : {}),
      panels,
      ...(redis ? { redis } : p.r && !base ? { redis: p.r } : {}),
    },
  };
}

/**
 * The first page's query link as a v0 payload, or null if the query has none of its parameters.
 * A frame that is not a plain number stays a string, so the validator names it.
 */
export function legacyPayload(search: string): Record<string, unknown> | null {
  const params = new URLSearchParams(search);
  const scenario = params.get("scenario");
  const frame = params.get("frame");
  const step = params.get("step");
  if (scenario === null && frame === null && step === null) return null;
  return {
    v: 0,
    scenario: scenario ?? undefined,
    ...(frame !== null ? { frame: /^\d{1,7}$/.test(frame) ? Number(frame) : frame } : {}),
    ...(step !== null ? { step } : {}),
  };
}
