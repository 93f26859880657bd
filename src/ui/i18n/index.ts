/**
 * Explanation dictionaries. English ships with the page; Simplified Chinese is loaded on first
 * use (it is a separate chunk, so it does not count against the first-load budget).
 */
import { useSyncExternalStore } from "react";
import type { Note } from "../../model";
import { useLab, type Lang } from "../../store/labStore";
import { en } from "./en";
import { NOTE_KEYS, type Dict, type NoteContext, type NoteKey } from "./types";

const loaded: Partial<Record<Lang, Dict>> = { en };
const listeners = new Set<() => void>();
let zhRequested = false;

function request(lang: Lang): void {
  if (lang !== "zh" || zhRequested) return;
  zhRequested = true;
  void import("./zh").then(
    (m) => {
      loaded.zh = m.zh;
      for (const l of listeners) l();
    },
    () => {
      zhRequested = false; // offline or failed: English stays, a later switch retries
    },
  );
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The dictionary for the chosen language (English until the other one has loaded). */
export function useDict(): { dict: Dict; lang: Lang } {
  const lang = useLab((s) => s.lang);
  request(lang);
  const dict = useSyncExternalStore(subscribe, () => loaded[lang] ?? en);
  return { dict, lang: dict === en ? "en" : lang };
}

const KNOWN = new Set<string>(NOTE_KEYS);
const isKnown = (key: string): key is NoteKey => KNOWN.has(key);

export function noteText(dict: Dict, note: Note, ctx: NoteContext): string {
  return isKnown(note.key) ? dict.notes[note.key](note, ctx) : dict.unknownNote(note);
}

export function noteBrief(dict: Dict, note: Note, ctx: NoteContext): string {
  return isKnown(note.key) ? dict.briefs[note.key](note, ctx) : dict.unknownNote(note);
}

export type { Dict } from "./types";
