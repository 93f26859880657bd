/** What the dictionaries share: the shape of a note's wording, and small formatters of values. */
import type { Frame, NoteKey, NoteOf } from "../../model";

export interface NoteContext {
  /** The frame the note belongs to (for values the note does not carry, e.g. the config). */
  frame: Frame;
}

/** Text for one note. Backticks mark code: `+FULLRESYNC`. */
export type NoteText<K extends NoteKey = NoteKey> = (note: NoteOf<K>, ctx: NoteContext) => string;

/** One wording per note key, each typed by the note it words: a missing wording is a type error. */
export type NoteTexts = { [K in NoteKey]: NoteText<K> };

/** "eof psync2" for a capability bitmask (SLAVE_CAPA_EOF = 1, SLAVE_CAPA_PSYNC2 = 2). */
export function capaNames(capa: number): string {
  const names = [capa & 1 ? "eof" : "", capa & 2 ? "psync2" : ""].filter(Boolean);
  return names.length ? names.join(" ") : "none";
}

export function bytes(v: number): string {
  if (v >= 1024 * 1024) return `${(v / (1024 * 1024)).toFixed(v % (1024 * 1024) ? 1 : 0)} MiB`;
  if (v >= 1024) return `${(v / 1024).toFixed(v % 1024 ? 1 : 0)} KiB`;
  return `${v} B`;
}
