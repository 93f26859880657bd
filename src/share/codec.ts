/**
 * A link's payload on the wire: JSON → raw DEFLATE (fflate) → base64url. Decoding trusts nothing:
 * every step has a limit and a named failure, and no input makes it throw.
 */
import { deflateSync, inflateSync } from "fflate";
import { fromBase64Url, toBase64Url } from "./base64url";
import { findMarkup } from "../scenarios/markup";
import { fromPayload, toPayload, type DecodeResult, type LinkProblem, type LinkProblemCode, type LinkState } from "./payload";

import { MAX_JSON_BYTES, MAX_LINK_CHARS } from "./limits";

export { MAX_JSON_BYTES, MAX_LINK_CHARS };

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export function encodePayload(payload: unknown): string {
  return tokenOf(JSON.stringify(payload)).token;
}

/** The last few large payloads deflated, by their JSON: the same link is often written again (deflating a large document takes tens of ms). */
const TOKENS = new Map<string, { token: string; bytes: number }>();
const TOKENS_KEPT = 4;
const WORTH_KEEPING = 16 * 1024;

/** A payload's JSON deflated and in base64url, and how many bytes its JSON is in UTF-8. */
function tokenOf(json: string): { token: string; bytes: number } {
  const kept = json.length >= WORTH_KEEPING ? TOKENS.get(json) : undefined;
  if (kept) return kept;
  const utf8 = new TextEncoder().encode(json);
  const made = { token: toBase64Url(deflateSync(utf8, { level: 9 })), bytes: utf8.length };
  if (json.length >= WORTH_KEEPING) {
    TOKENS.set(json, made);
    if (TOKENS.size > TOKENS_KEPT) TOKENS.delete(TOKENS.keys().next().value as string);
  }
  return made;
}

export function encodeLink(state: LinkState): string {
  return encodePayload(toPayload(state));
}

/**
 * The link for `state`, and what the decoder would refuse about its size (null: it opens). The
 * same two limits decodeLink applies: the payload's length, and the JSON it inflates to.
 */
export function encodeLinkChecked(state: LinkState): { token: string; json: number; problem: LinkProblem | null } {
  const { token, bytes } = tokenOf(JSON.stringify(toPayload(state)));
  const problem: LinkProblem | null =
    bytes > MAX_JSON_BYTES
      ? { code: "too-big", detail: `${MAX_JSON_BYTES}` }
      : token.length > MAX_LINK_CHARS
        ? { code: "too-long", detail: `${token.length}` }
        : null;
  return { token, json: bytes, problem };
}

class Refused {
  constructor(
    readonly code: LinkProblemCode,
    readonly detail?: string,
  ) {}
}

/** Inflate into a buffer one byte larger than the limit: filling it means the limit was passed. */
function inflateBounded(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(MAX_JSON_BYTES + 1);
  let result: Uint8Array;
  try {
    result = inflateSync(bytes, { out });
  } catch (e) {
    // A stored block longer than the buffer makes fflate's copy throw a RangeError.
    if (e instanceof RangeError) throw new Refused("too-big", `${MAX_JSON_BYTES}`);
    throw new Refused("damaged", e instanceof Error ? e.message : undefined);
  }
  if (result.length > MAX_JSON_BYTES) throw new Refused("too-big", `${MAX_JSON_BYTES}`);
  return result;
}

/** JSON.parse that refuses prototype-changing keys instead of carrying them along. */
function parseJsonSafely(text: string): unknown {
  let forbidden: string | undefined;
  let value: unknown;
  // A forbidden key is spelt out in the text, or written with \u escapes: without either, plain
  // JSON.parse is enough (a reviver costs a call per value, tens of ms for a large document).
  const mayForbid = /\\u|__proto__|constructor|prototype/.test(text);
  try {
    value = JSON.parse(text, !mayForbid ? undefined : function (key, val: unknown) {
      if (FORBIDDEN_KEYS.has(key)) forbidden ??= key;
      return val;
    });
  } catch (e) {
    throw new Refused("not-json", e instanceof Error ? e.message.split("\n")[0] : undefined);
  }
  if (forbidden !== undefined) throw new Refused("forbidden-key", forbidden);
  return value;
}

/** The payload's JSON value, or the reason it cannot be read. */
function unpack(token: string): unknown {
  if (token.length > MAX_LINK_CHARS) throw new Refused("too-long", `${token.length}`);
  if (!/^[A-Za-z0-9_-]*$/.test(token)) throw new Refused("not-base64");
  const bytes = fromBase64Url(token);
  // An impossible length is a link cut one character past a byte boundary.
  if (!bytes || bytes.length === 0) throw new Refused("damaged", bytes ? "empty" : "length");
  const raw = inflateBounded(bytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    throw new Refused("not-json", "not UTF-8 text");
  }
  return parseJsonSafely(text);
}

/** Check an already-parsed payload (any version): markup, then migrations and the validator. */
export function decodePayload(value: unknown): DecodeResult {
  try {
    const markupAt = findMarkup(value);
    if (markupAt !== null) return { ok: false, problem: { code: "markup", detail: markupAt } };
    return fromPayload(value);
  } catch (e) {
    return { ok: false, problem: { code: "damaged", detail: e instanceof Error ? e.message : undefined } };
  }
}

/** Decode an encoded payload; never throws. */
export function decodeLink(token: string): DecodeResult {
  let value: unknown;
  try {
    value = unpack(token);
  } catch (e) {
    if (e instanceof Refused) return { ok: false, problem: e.detail === undefined ? { code: e.code } : { code: e.code, detail: e.detail } };
    // Anything else (a stack overflow on absurd nesting, say) is still just a broken link.
    return { ok: false, problem: { code: "damaged" } };
  }
  return decodePayload(value);
}
