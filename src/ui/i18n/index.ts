/**
 * Explanation dictionaries. English ships with the page; Simplified Chinese is loaded on first
 * use (it is a separate chunk, so it does not count against the first-load budget).
 */
import type { Note } from "../../model";
import type { Lang } from "../../store/labStore";
import { lazyDict } from "./lazyDict";
import { en } from "./en";
import { NOTE_KEYS, type Dict, type NoteContext, type NoteKey, type NoteTexts } from "./types";

const explanations = lazyDict<Dict>(en, () => import("./zh").then((m) => m.zh));

/** The dictionary for the chosen language (English until the other one has loaded). */
export function useDict(): { dict: Dict; lang: Lang } {
  return explanations.use();
}

const KNOWN = new Set<string>(NOTE_KEYS);
const isKnown = (key: string): key is NoteKey => KNOWN.has(key);

/** The entry for note.key receives that very variant (TypeScript cannot correlate the two itself). */
function word(texts: NoteTexts, note: Note, ctx: NoteContext): string {
  return (texts[note.key] as (n: Note, c: NoteContext) => string)(note, ctx);
}

export function noteText(dict: Dict, note: Note, ctx: NoteContext): string {
  return isKnown(note.key) ? word(dict.notes, note, ctx) : dict.unknownNote(note);
}

export function noteBrief(dict: Dict, note: Note, ctx: NoteContext): string {
  return isKnown(note.key) ? word(dict.briefs, note, ctx) : dict.unknownNote(note);
}

export type { Dict } from "./types";
