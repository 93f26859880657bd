/**
 * The page's words in the reader's language: one registry of sections, one hook.
 *
 * Each section's English object is its type (en/*.ts) and every other language satisfies it
 * (zh/*.ts). The first screen's English (`main`: explanations, page, sharing) ships with the page.
 * Everything else is a separate chunk loaded on first use, so it does not count against the
 * first-load budget: the Simplified Chinese of every section, and the English of the sections
 * whose UI itself loads later (the tools, lecture mode, embedding and export, the recap, the
 * "Start here" card) or that are texts shown in place a moment later (the notes on the code's
 * annotations, the glossary's definitions). Until a language has
 * arrived, or if loading it fails (offline), English is shown; a later render retries.
 */
import { use, useEffect, useSyncExternalStore } from "react";
import type { Note } from "../../model";
import { useLab, type Lang } from "../../store/labStore";
import { en, type Dict } from "./en";
import type { AnnotationsDict } from "./en/annotations";
import type { LectureDict } from "./en/lecture";
import type { OrientDict } from "./en/orient";
import type { PublishDict } from "./en/publish";
import type { RecapDict } from "./en/recap";
import type { SequenceDict } from "./en/sequence";
import type { ToolsDict } from "./en/tools";
import type { VersionsDict } from "./en/versions";
import type { NoteContext, NoteText, NoteTexts } from "./format";

interface Sections {
  /** The first screen: explanations, the page's own words, sharing. */
  main: Dict;
  /** The sandbox and the "what if" probe. */
  tools: ToolsDict;
  /** Lecture mode's menu and black screen, the speaker window. */
  lecture: LectureDict;
  /** The Embed dialog, the Export menu, the embedded view, the Markdown walkthrough. */
  publish: PublishDict;
  /** The English renderings of the taught text's Chinese comments, and why two of them are wrong. */
  annotations: AnnotationsDict;
  /** The recap at a scenario's last frame. */
  recap: RecapDict;
  /** The first visit's "Start here" card and the glossary's definitions. */
  orient: OrientDict;
  /** The Messages view: the sequence diagram of the whole sync. */
  sequence: SequenceDict;
  /** The "What changed" view: the function across Redis versions. */
  versions: VersionsDict;
}

export type Section = keyof Sections;
export type Words<S extends Section = "main"> = Sections[S];

const LOADERS: { [S in Section]: Record<Lang, () => Promise<Sections[S]>> } = {
  main: { en: () => Promise.resolve(en), zh: () => import("./zh").then((m) => m.zh) },
  tools: { en: () => import("./en/tools").then((m) => m.toolsEn), zh: () => import("./zh/tools").then((m) => m.toolsZh) },
  lecture: { en: () => import("./en/lecture").then((m) => m.lectureEn), zh: () => import("./zh/lecture").then((m) => m.lectureZh) },
  publish: { en: () => import("./en/publish").then((m) => m.publishEn), zh: () => import("./zh/publish").then((m) => m.publishZh) },
  annotations: { en: () => import("./en/annotations").then((m) => m.annotationsEn), zh: () => import("./zh/annotations").then((m) => m.annotationsZh) },
  recap: { en: () => import("./en/recap").then((m) => m.recapEn), zh: () => import("./zh/recap").then((m) => m.recapZh) },
  orient: { en: () => import("./en/orient").then((m) => m.orientEn), zh: () => import("./zh/orient").then((m) => m.orientZh) },
  sequence: { en: () => import("./en/sequence").then((m) => m.sequenceEn), zh: () => import("./zh/sequence").then((m) => m.sequenceZh) },
  versions: { en: () => import("./en/versions").then((m) => m.versionsEn), zh: () => import("./zh/versions").then((m) => m.versionsZh) },
};

const loaded = new Map<string, unknown>([["main:en", en]]);
const listeners = new Set<() => void>();

function loadedWords<S extends Section>(section: S, lang: Lang): Words<S> | undefined {
  return loaded.get(`${section}:${lang}`) as Words<S> | undefined;
}

/**
 * The words of a section in a language, loaded once (and again after a failed attempt). The same
 * promise object stands for a section from the first request on, and once it has settled it is
 * marked the way React's `use()` reads it, so `use()` returns the words at once instead of
 * suspending (and never sees a new, uncached promise for the same words).
 */
const requests = new Map<string, Promise<unknown>>([["main:en", settled(Promise.resolve(en), en)]]);

function settled<T>(promise: Promise<T>, value: T): Promise<T> {
  return Object.assign(promise, { status: "fulfilled", value });
}

export function loadWords<S extends Section>(section: S, lang: Lang): Promise<Words<S>> {
  const key = `${section}:${lang}`;
  let request = requests.get(key) as Promise<Words<S>> | undefined;
  if (!request) {
    const started: Promise<Words<S>> = LOADERS[section][lang]().then(
      (words) => {
        loaded.set(key, words);
        settled(started, words);
        for (const l of listeners) l();
        return words;
      },
      (error: unknown) => {
        requests.delete(key);
        throw error;
      },
    );
    request = started;
    requests.set(key, request);
  }
  return request;
}

/** Calls back with a section's words in a language: at once if they are here, else once loaded (English if that fails). */
export function withWords<S extends Section>(section: S, lang: Lang, then: (dict: Words<S>) => void): void {
  const now = loadedWords(section, lang);
  if (now) return then(now);
  loadWords(section, lang).then(then, () => {
    if (lang !== "en") withWords(section, "en", then);
  });
}

const subscribe = (l: () => void): (() => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/**
 * A section's words in the chosen language, and the language actually shown (English until the
 * other one has loaded). A section whose English is not here yet suspends the component until it is
 * (every piece that loads later sits under a Suspense boundary).
 */
export function useWords(): { dict: Dict; lang: Lang };
export function useWords<S extends Section>(section: S): { dict: Words<S>; lang: Lang };
export function useWords(section: Section = "main"): { dict: Words<Section>; lang: Lang } {
  const lang = useLab((s) => s.lang);
  // use() on every render, loaded or not (a hook may not be called conditionally).
  const english = use(loadWords(section, "en"));
  if (lang !== "en") loadWords(section, lang).catch(() => undefined);
  const dict = useSyncExternalStore(subscribe, () => loadedWords(section, lang) ?? english);
  return { dict, lang: dict === english ? "en" : lang };
}

/**
 * A section's words if they are here (the language shown, else English), without suspending: for
 * what the first screen can show without them (the diagram's tooltips). Asks for them once.
 */
export function useLoadedWords<S extends Section>(section: S): Words<S> | undefined {
  const lang = useLab((s) => s.lang);
  useEffect(() => void loadWords(section, lang).catch(() => undefined), [section, lang]);
  return useSyncExternalStore(subscribe, () => loadedWords(section, lang) ?? loadedWords(section, "en"));
}

/** A note in words from one table (explanations or briefs); a key it does not know shows its data. */
function word(dict: Dict, texts: NoteTexts, note: Note, ctx: NoteContext): string {
  // The entry for note.key receives that very variant (TypeScript cannot correlate the two itself).
  return Object.hasOwn(texts, note.key) ? (texts[note.key] as NoteText)(note, ctx) : dict.unknownNote(note);
}

export function noteText(dict: Dict, note: Note, ctx: NoteContext): string {
  return word(dict, dict.notes, note, ctx);
}

export function noteBrief(dict: Dict, note: Note, ctx: NoteContext): string {
  return word(dict, dict.briefs, note, ctx);
}

export type { Dict } from "./en";
export type { AnnotationsDict } from "./en/annotations";
export type { LectureDict } from "./en/lecture";
export type { OrientDict } from "./en/orient";
export type { PageDict, ShortcutId, StateSub } from "./en/page";
export type { PublishDict } from "./en/publish";
export type { RecapDict } from "./en/recap";
export type { SequenceDict } from "./en/sequence";
export type { ShareDict } from "./en/share";
export type { EditWords, FieldErrors, ToolsDict } from "./en/tools";
export type { NoteContext } from "./format";
