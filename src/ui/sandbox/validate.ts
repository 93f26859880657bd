/**
 * Checking what a learner typed into a tool panel. Each check returns the value, or a message
 * that names the field (in the page's language); the typed text itself is never touched.
 */
import type { FieldErrors } from "../i18n";

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const ID = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
const SHA = /^[0-9a-f]{40}$/;
const NUMBER = /^[+]?(\d+(\.\d*)?|\.\d+)$/;

export function checkInteger(errors: FieldErrors, field: string, text: string, min: number, max: number): Checked<number> {
  const t = text.trim();
  if (t === "") return { ok: false, message: errors.required(field) };
  const n = Number(t);
  if (!/^[+-]?\d+$/.test(t) || !Number.isSafeInteger(n) || n < min || n > max) return { ok: false, message: errors.integer(field, min, max) };
  return { ok: true, value: n };
}

export function checkNumber(errors: FieldErrors, field: string, text: string, min: number, max: number): Checked<number> {
  const t = text.trim();
  if (t === "") return { ok: false, message: errors.required(field) };
  const n = Number(t);
  if (!NUMBER.test(t) || !Number.isFinite(n) || n < min || n > max) return { ok: false, message: errors.number(field, min, max) };
  return { ok: true, value: n };
}

export function checkReplicaId(errors: FieldErrors, field: string, text: string, taken: ReadonlySet<string>): Checked<string> {
  const t = text.trim();
  if (t === "") return { ok: false, message: errors.required(field) };
  if (!ID.test(t)) return { ok: false, message: errors.id(field) };
  if (taken.has(t)) return { ok: false, message: errors.idTaken(field, t) };
  return { ok: true, value: t };
}

/** A script SHA1; upper-case hex is accepted and stored in lower case, as Redis does. */
export function checkSha(errors: FieldErrors, field: string, text: string): Checked<string> {
  const t = text.trim().toLowerCase();
  if (t === "") return { ok: false, message: errors.required(field) };
  if (!SHA.test(t)) return { ok: false, message: errors.sha(field) };
  return { ok: true, value: t };
}
