/**
 * Fuzzing the way into the lab (fast-check): every link the encoder makes opens, to the very
 * scenario it was made from, whatever an author left out of it; and no string or bytes, however
 * large or hostile, make decoding throw. Decoding has no clock of its own to check: the inputs
 * are bounded by the link limits and each test by its timeout, so a decode that hung would fail.
 */
import fc from "fast-check";
import { deflateSync } from "fflate";
import { describe, expect, it } from "vitest";
import { runScenario } from "../model";
import { arbScenario } from "../model/test/arbitraries";
import { applyEdits } from "../scenarios/edits";
import { findMarkup } from "../scenarios/markup";
import { validateScenario, type Scenario } from "../scenarios/schema";
import { toBase64Url } from "./base64url";
import { decodeLink, encodeLink, encodePayload } from "./codec";
import { MAX_JSON_BYTES, MAX_LINK_CHARS } from "./limits";
import type { DecodeResult } from "./payload";
import { readLink } from "./url";

/** Texts an author may write: any Unicode, emoji and right-to-left marks included, never markup. */
const arbText = fc.string({ unit: "grapheme", minLength: 1, maxLength: 120 }).filter((t) => findMarkup(t) === null);

/** A text as written: a plain string, English only, or both languages. */
const arbTextForm = fc.oneof(
  arbText,
  arbText.map((en) => ({ en })),
  fc.record({ en: arbText, zh: arbText }),
);

type Doc = Record<string, unknown>;

/**
 * A scenario as a lecturer might write it: a generated one with any of what may be left out left
 * out (the id, Chinese texts, configuration keys, the primary's sizes, replicas' capabilities and
 * command), its texts in any form, and perhaps a `$schema`.
 */
const arbAuthored: fc.Arbitrary<Doc> = fc
  .record({
    base: arbScenario,
    title: arbTextForm,
    summary: arbTextForm,
    keepId: fc.boolean(),
    dropConfig: fc.subarray(["replDisklessSync", "replDisklessSyncDelay", "replTimeout"]),
    dropPrimary: fc.subarray(["role", "rdbBytes", "bgsaveSeconds", "transferBytesPerSecond"]),
    dropReplica: fc.subarray(["capa", "command"]),
    schema: fc.option(fc.constantFrom("./scenario.schema.json", "https://example.org/scenario.schema.json"), { nil: undefined }),
  })
  .map(({ base, title, summary, keepId, dropConfig, dropPrimary, dropReplica, schema }) => {
    const without = <T extends object>(o: T, keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
    // A chained replica's upstream needs its role said.
    const primaryDrops = base.primary.role === "replica" ? dropPrimary.filter((k) => k !== "role") : dropPrimary;
    const { id, ...rest } = base;
    return {
      ...(schema ? { $schema: schema } : {}),
      ...rest,
      ...(keepId ? { id } : {}),
      title,
      summary,
      config: without(base.config, dropConfig),
      primary: without(base.primary, primaryDrops),
      replicas: base.replicas.map((r) => without(r, dropReplica)),
    };
  });

/** A decode result is a usable state (its scenario and edits load) or a named problem, never a throw. */
function expectWellFormed(r: DecodeResult) {
  if (r.ok) {
    if (r.state.scenario.kind === "document") expect(applyEdits(r.state.scenario.scenario, r.state.edits).ok).toBe(true);
  } else {
    expect(typeof r.problem.code).toBe("string");
  }
}

const link = (scenario: Scenario) => encodeLink({ scenario: { kind: "document", scenario }, edits: [], frame: 0, step: "event", panels: [] });
const deflated = (text: string) => toBase64Url(deflateSync(new TextEncoder().encode(text)));

describe("links made by the encoder", () => {
  it("every authored scenario opens, and its link opens to the very same scenario, which runs", () => {
    fc.assert(
      fc.property(arbAuthored, (doc) => {
        const checked = validateScenario(JSON.parse(JSON.stringify(doc)));
        if (!checked.ok) throw new Error(checked.errors.join("\n"));
        const scenario = checked.scenario;
        // Whole after the validator: every default filled in, Chinese texts present, no $schema.
        expect(scenario.id).toMatch(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/);
        expect(typeof scenario.title.zh).toBe("string");
        expect(typeof scenario.primary.rdbBytes).toBe("number");
        expect(scenario.replicas.every((r) => Array.isArray(r.capa) && typeof r.command === "string")).toBe(true);
        expect("$schema" in scenario).toBe(false);

        const token = link(scenario);
        expect(token.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
        const opened = decodeLink(token);
        expect(opened).toEqual({ ok: true, state: { scenario: { kind: "document", scenario }, edits: [], frame: 0, step: "event", panels: [] } });
        expect(readLink({ search: "", hash: `#s=${token}` })).toEqual({ kind: "link", legacy: false, result: opened });
        const trace = runScenario(scenario);
        expect(trace.frames.length).toBeGreaterThan(0);
      }),
      { numRuns: 120 },
    );
  });

  it("a link made from an authored document with its $schema still opens to the filled-in scenario", () => {
    fc.assert(
      fc.property(arbAuthored, (doc) => {
        const checked = validateScenario(doc);
        fc.pre(checked.ok);
        // A hand-made link carrying the author's document as written opens like the file does.
        const r = decodeLink(encodePayload({ v: 1, s: doc }));
        expect(r.ok && r.state.scenario).toEqual({ kind: "document", scenario: checked.ok && checked.scenario });
      }),
      { numRuns: 120 },
    );
  });
});

describe("decoding hostile input", () => {
  it("any string up to past the link limit, of the link alphabet or not, never throws", () => {
    const alphabet = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".split(""));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: alphabet, maxLength: MAX_LINK_CHARS + 16 }),
          fc.string({ unit: "binary", maxLength: 4096 }),
          fc.nat({ max: MAX_LINK_CHARS + 16 }).map((n) => "A".repeat(n)),
        ),
        (text) => {
          expectWellFormed(decodeLink(text));
          const read = readLink({ search: `?${text.slice(0, 2048)}`, hash: `#s=${text}` });
          if (read.kind === "link") expectWellFormed(read.result);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it("any bytes, raw or deflated, up to 64 KiB, never throw", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 48 * 1024 }), (bytes) => {
        expectWellFormed(decodeLink(toBase64Url(bytes)));
        expectWellFormed(decodeLink(toBase64Url(deflateSync(bytes))));
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it("bombs, deep nesting, floods of junk and huge texts at the size limits never throw: each is refused by name or opens", () => {
    const hostile = fc.oneof(
      // A deflate bomb: megabytes of one byte, a few hundred bytes on the wire.
      fc.integer({ min: MAX_JSON_BYTES - 16, max: 8 * MAX_JSON_BYTES }).map((n) => " ".repeat(n) + "{}"),
      // Nesting deep enough to overflow a recursive reader, in the payload and in the document.
      fc.integer({ min: 1, max: 200_000 }).map((n) => `${"[".repeat(n)}${"]".repeat(n)}`),
      fc.integer({ min: 1, max: 100_000 }).map((n) => `{"v":1,"s":${'{"a":'.repeat(n)}1${"}".repeat(n)}}`),
      // A document just under the JSON limit made of events nobody knows, or of long texts.
      fc.integer({ min: 1, max: 9000 }).map(
        (n) => `{"v":1,"s":{"format":"fullresync-lab/scenario@1","title":"x","summary":"x","replicas":[],"events":[${Array.from({ length: n }, (_, i) => `{"at":${i},"type":"e${i}"}`).join(",")}]}}`,
      ),
      fc.integer({ min: 1, max: MAX_JSON_BYTES - 200 }).map((n) => `{"v":1,"s":{"format":"fullresync-lab/scenario@1","title":"${"x".repeat(n)}","summary":"x","replicas":[],"events":[]}}`),
    );
    fc.assert(
      fc.property(hostile, (json) => {
        const r = decodeLink(deflated(json));
        expectWellFormed(r);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
