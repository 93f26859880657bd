import fc from "fast-check";
import { deflateSync } from "fflate";
import { describe, expect, it } from "vitest";
import { arbScenario } from "../model/test/arbitraries";
import { CATALOGUE, findScenario } from "../scenarios/catalogue";
import { applyEdits, type Edit } from "../scenarios/edits";
import { toBase64Url } from "./base64url";
import { decodeLink, encodeLink, encodePayload, MAX_JSON_BYTES, MAX_LINK_CHARS } from "./codec";
import { PANELS, type DecodeResult, type LinkState, type ScenarioRef } from "./payload";
import { linkPath, readLink } from "./url";

const arbRef: fc.Arbitrary<ScenarioRef> = fc.oneof(
  fc.constantFrom(...CATALOGUE.map((s) => s.id)).map((id): ScenarioRef => ({ kind: "catalogue", id })),
  arbScenario.map((scenario): ScenarioRef => ({ kind: "document", scenario })),
);

const arbAt = fc.integer({ min: 0, max: 60_000 }).map((ms) => ms / 1000);

/** Edits of every kind that apply to any base (added replicas get ids no scenario uses). */
const arbEdits: fc.Arbitrary<Edit[]> = fc
  .array(
    fc.oneof(
      fc.record({ at: arbAt, eof: fc.boolean(), sync: fc.boolean() }).map((r) => ({ kind: "add-replica" as const, ...r })),
      fc.record({ at: arbAt, count: fc.integer({ min: 1, max: 1000 }) }).map((r) => ({ kind: "write" as const, ...r })),
      fc.record({ at: arbAt, errno: fc.constantFrom("EAGAIN" as const, "ENOMEM" as const) }).map((r) => ({ kind: "fork-fails" as const, ...r })),
      fc.record({ at: arbAt, diskless: fc.boolean(), delay: fc.integer({ min: 0, max: 3600 }) }).map((r) => ({ kind: "config" as const, ...r })),
      fc.record({ at: arbAt }).map((r) => ({ kind: "kill-child" as const, ...r })),
    ),
    { maxLength: 8 },
  )
  .map((list) =>
    list.map((g, i): Edit => {
      switch (g.kind) {
        case "add-replica":
          return { kind: "add-replica", at: g.at, replica: { id: `added${i}`, capa: g.sync ? [] : g.eof ? ["eof", "psync2"] : ["psync2"], command: g.sync ? "SYNC" : "PSYNC" } };
        case "write":
          return { kind: "event", event: { at: g.at, type: "write", count: g.count } };
        case "fork-fails":
          return { kind: "event", event: { at: g.at, type: "fork-fails", errno: g.errno } };
        case "config":
          return { kind: "event", event: { at: g.at, type: "config-set", replDisklessSync: g.diskless, replDisklessSyncDelay: g.delay } };
        default:
          return { kind: "event", event: { at: g.at, type: "kill-child", mode: "sigkill" } };
      }
    }),
  );

const arbState: fc.Arbitrary<LinkState> = fc
  .record({
    scenario: arbRef,
    edits: arbEdits,
    frame: fc.integer({ min: 0, max: 10_000_000 }),
    step: fc.constantFrom("event" as const, "line" as const),
    lang: fc.option(fc.constantFrom("en" as const, "zh" as const), { nil: undefined }),
    panels: fc.subarray([...PANELS]),
  })
  .map(({ lang, ...rest }) => (lang ? { ...rest, lang } : rest));

/** The scenario a decoded link names (a kept document is looked up later, where it is kept: null). */
function baseOf(ref: ScenarioRef) {
  return ref.kind === "catalogue" ? findScenario(ref.id)! : ref.kind === "document" ? ref.scenario : null;
}

/** A decode result is either a usable state (its scenario and edits really load) or a named problem. */
function expectWellFormed(r: DecodeResult) {
  if (r.ok) {
    const base = baseOf(r.state.scenario);
    if (base) expect(applyEdits(base, r.state.edits).ok).toBe(true);
    else expect(r.state.scenario).toMatchObject({ kind: "kept", hash: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(Number.isInteger(r.state.frame) && r.state.frame >= 0).toBe(true);
    expect(["event", "line"]).toContain(r.state.step);
  } else {
    expect(typeof r.problem.code).toBe("string");
    expect(r.problem.detail === undefined || typeof r.problem.detail === "string").toBe(true);
  }
}

const deflated = (json: string) => toBase64Url(deflateSync(new TextEncoder().encode(json)));

describe("share links", () => {
  it("decode(encode(state)) is the state, for catalogue and custom scenarios with edits", () => {
    fc.assert(
      fc.property(arbState, (state) => {
        const r = decodeLink(encodeLink(state));
        expect(r).toEqual({ ok: true, state });
      }),
      { numRuns: 150 },
    );
  });

  it("decoding any string never throws and gives a state or a problem", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.stringMatching(/^[A-Za-z0-9_-]{0,200}$/)), (text) => {
        expectWellFormed(decodeLink(text));
        const read = readLink({ search: `?${text}`, hash: `#s=${text}` });
        if (read.kind === "link") expectWellFormed(read.result);
      }),
      { numRuns: 400 },
    );
  });

  it("decoding any bytes, deflated and base64url'd, never throws", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expectWellFormed(decodeLink(toBase64Url(deflateSync(bytes))));
        expectWellFormed(decodeLink(toBase64Url(bytes)));
      }),
      { numRuns: 300 },
    );
  });

  it("decoding any JSON value as a payload never throws", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ v: fc.constantFrom(0, 1, 2), s: fc.jsonValue(), e: fc.jsonValue(), f: fc.jsonValue(), k: fc.jsonValue() }, { requiredKeys: ["v"] })), (value) => {
        expectWellFormed(decodeLink(encodePayload(value)));
      }),
      { numRuns: 300 },
    );
  });

  it("a damaged copy of a real link (cut short or with a character changed) never throws", () => {
    fc.assert(
      fc.property(arbState, fc.nat(), fc.constantFrom("A", "_", "-", "z", "0"), (state, pick, ch) => {
        const token = encodeLink(state);
        expectWellFormed(decodeLink(token.slice(0, pick % token.length)));
        const at = pick % token.length;
        expectWellFormed(decodeLink(token.slice(0, at) + ch + token.slice(at + 1)));
      }),
      { numRuns: 150 },
    );
  });

  it("names what is wrong with a broken, oversized or hostile link", () => {
    const good = encodeLink({ scenario: { kind: "catalogue", id: "fork-failure-disk" }, edits: [], frame: 12, step: "line", lang: "en", panels: [] });
    const code = (r: DecodeResult) => (r.ok ? "ok" : r.problem.code);
    expect(code(decodeLink(good))).toBe("ok");
    expect(code(decodeLink(good.slice(0, good.length - 6)))).toBe("damaged");
    expect(code(decodeLink("not base64!"))).toBe("not-base64");
    expect(code(decodeLink("A".repeat(MAX_LINK_CHARS + 1)))).toBe("too-long");
    expect(code(decodeLink(deflated(" ".repeat(MAX_JSON_BYTES) + "{}")))).toBe("too-big");
    expect(code(decodeLink(deflated("{\"v\":1,")))).toBe("not-json");
    expect(code(decodeLink(deflated('{"v":1,"s":"disk-happy-path","__proto__":{"polluted":true}}')))).toBe("forbidden-key");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(code(decodeLink(deflated('{"v":1,"s":"disk-happy-path","e":[{"kind":"event","event":{"at":1,"type":"write","constructor":{}}}]}')))).toBe("forbidden-key");
    // The same keys spelt with \u escapes, which JSON.parse turns into the keys themselves.
    expect(code(decodeLink(deflated('{"v":1,"s":"disk-happy-path","\\u005f_proto__":{"polluted":true}}')))).toBe("forbidden-key");
    expect(code(decodeLink(deflated('{"v":1,"s":"disk-happy-path","proto\\u0074ype":1}')))).toBe("forbidden-key");
    expect(code(decodeLink(deflated("[1,2]")))).toBe("not-a-link");
    expect(code(decodeLink(deflated('{"v":7,"s":"disk-happy-path"}')))).toBe("newer-version");
    expect(code(decodeLink(deflated('{"v":1,"s":"disk-happy-path","f":-3}')))).toBe("shape");
    expect(code(decodeLink(deflated('{"v":1,"s":"disk-happy-path","x":1}')))).toBe("shape");
    expect(code(decodeLink(deflated('{"v":1,"s":"nope"}')))).toBe("unknown-scenario");
    expect(code(decodeLink(deflated('{"v":1,"s":{"id":"x"}}')))).toBe("scenario");
    expect(code(decodeLink(deflated('{"v":1,"s":"disk-happy-path","e":[{"kind":"event","event":{"at":1,"type":"connect","replica":"ghost"}}]}')))).toBe("edits");
    const hostile = { ...findScenario("disk-happy-path")!, title: { en: "<img src=x onerror=alert(1)>", zh: "x" } };
    const r = decodeLink(encodePayload({ v: 1, s: hostile }));
    expect(r).toEqual({ ok: false, problem: { code: "markup", detail: "s.title.en" } });
    const shape = decodeLink(deflated('{"v":1,"s":"disk-happy-path","k":"sideways"}'));
    expect(!shape.ok && shape.problem.detail).toMatch(/^k: /);
  });

  it("keeps the catalogue's own notation: `<replid>` in a text is not markup", () => {
    const doc = findScenario("disk-happy-path")!;
    expect(JSON.stringify(doc)).toContain("<replid>");
    const custom = { ...doc, title: { ...doc.title, en: "My copy" } };
    const r = decodeLink(encodeLink({ scenario: { kind: "document", scenario: custom }, edits: [], frame: 0, step: "event", panels: [] }));
    expect(r.ok).toBe(true);
  });

  it("names a catalogue scenario by id, even when it arrives as a whole document", () => {
    const doc = JSON.parse(JSON.stringify(findScenario("fork-failure-socket")));
    const r = decodeLink(encodePayload({ v: 1, s: doc }));
    expect(r.ok && r.state.scenario).toEqual({ kind: "catalogue", id: "fork-failure-socket" });
  });

  it("opens the first page's query links as version 0", () => {
    const r = readLink({ search: "?scenario=fork-failure-disk&frame=12&step=line", hash: "" });
    expect(r).toEqual({ kind: "link", legacy: true, result: { ok: true, state: { scenario: { kind: "catalogue", id: "fork-failure-disk" }, edits: [], frame: 12, step: "line", panels: [] } } });
    const bad = readLink({ search: "?scenario=%3Cimg%20src=x%3E&frame=-3&step=sideways", hash: "" });
    expect(bad.kind === "link" && !bad.result.ok).toBe(true);
    expect(readLink({ search: "?frame=3", hash: "" })).toMatchObject({ result: { ok: true, state: { scenario: { id: "disk-happy-path" }, frame: 3 } } });
    expect(readLink({ search: "?embed", hash: "#elsewhere" })).toEqual({ kind: "none" });
  });

  it("is short: a catalogue moment in under 100 characters", () => {
    const path = linkPath({ scenario: { kind: "catalogue", id: "fork-failure-disk" }, edits: [], frame: 12, step: "line", lang: "en", panels: [] });
    expect(path.length).toBeLessThan(100);
  });
});
