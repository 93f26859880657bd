/**
 * The one store of the page (zustand, slices pattern): which scenario and trace are loaded, where
 * the cursor is, playback, and preferences. Components read with selectors and change things only
 * through the actions. The view is a function of (trace, cursor).
 */
import { create } from "zustand";
import { createJSONStorage, persist, type StateStorage } from "zustand/middleware";
import { pageRunner } from "../run/pageRunner";
import type { TraceRunner } from "../run/runner";
import { DEFAULT_SCENARIO_ID } from "../scenarios/catalogue";
import { browserStorage, createDocKeeper, type KeptStorage } from "../share/keptDocs";
import { browserLang } from "./lang";
import { createCursorSlice } from "./slices/cursorSlice";
import { createLectureSlice } from "./slices/lectureSlice";
import { createLinkSlice } from "./slices/linkSlice";
import { createPanelsSlice } from "./slices/panelsSlice";
import { createPlaybackSlice } from "./slices/playbackSlice";
import { trackFinished } from "./progress";
import { createPrefsSlice } from "./slices/prefsSlice";
import { createProgressSlice } from "./slices/progressSlice";
import { createScenarioSlice } from "./slices/scenarioSlice";
import { SPEEDS, type LabState, type Speed } from "./types";

export * from "./types";

type Remembered = Pick<LabState, "theme" | "lang" | "speed" | "finished" | "startHereSeen">;

const ID = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;

/**
 * persist writes after every change of the store, a step of the cursor included; the remembered
 * part rarely changes, so a write of the same text is skipped (localStorage is synchronous).
 */
function skipUnchangedWrites(storage: StateStorage): StateStorage {
  const last = new Map<string, string>();
  return {
    getItem: (name) => storage.getItem(name),
    setItem: (name, value) => {
      if (last.get(name) === value) return;
      last.set(name, value);
      return storage.setItem(name, value);
    },
    removeItem: (name) => {
      last.delete(name);
      return storage.removeItem(name);
    },
  };
}

export interface LabStoreOptions {
  /**
   * Where preferences, progress and documents too large for a link are kept: the browser's
   * localStorage unless given (a synchronous storage).
   */
  storage?: StateStorage;
  /** Where traces are computed: the page's simulation worker unless given (tests: localRunner). */
  runner?: TraceRunner;
  /**
   * Open the default scenario at once (true unless given). The page's store does not: its URL
   * says what to open first (startUrlSync).
   */
  openDefault?: boolean;
}

/** A storage that lives as long as the store (tests, and a store that must not touch the browser's). */
export function memoryStorage(): StateStorage {
  const items = new Map<string, string>();
  return {
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => void items.set(name, value),
    removeItem: (name) => void items.delete(name),
  };
}

/**
 * A new lab store with its own state. The page makes one (useLab below); tests make a fresh one
 * each, with a memoryStorage.
 */
export function createLabStore(options: LabStoreOptions = {}) {
  const store = create<LabState>()(
    persist(
      (...a) => ({
        ...createScenarioSlice(options.runner ?? pageRunner())(...a),
        ...createCursorSlice(...a),
        ...createPlaybackSlice(...a),
        ...createPrefsSlice(...a),
        ...createProgressSlice(...a),
        ...createPanelsSlice(...a),
        ...createLectureSlice(...a),
        keeper: createDocKeeper(options.storage ? (options.storage as KeptStorage) : browserStorage()),
        ...createLinkSlice(...a),
      }),
      {
        name: "fullresync-lab:prefs",
        version: 1,
        storage: createJSONStorage(() => skipUnchangedWrites(options.storage ?? localStorage)),
        // Only preferences and progress are remembered here; scenario, frame and step size live in the URL.
        partialize: (s): Remembered => ({ theme: s.theme, lang: s.lang, speed: s.speed, finished: s.finished, startHereSeen: s.startHereSeen }),
        // Whatever is stored is checked before use: a hand-edited value falls back to the default.
        merge: (persisted, current) => {
          const p = (persisted ?? {}) as Partial<Remembered>;
          return {
            ...current,
            theme: p.theme === "light" || p.theme === "dark" ? p.theme : "system",
            // Nothing remembered yet (a first visit): the browser's language.
            lang: p.lang === "zh" || p.lang === "en" ? p.lang : browserLang(),
            speed: SPEEDS.includes(p.speed as Speed) ? (p.speed as Speed) : 1,
            finished: Array.isArray(p.finished)
              ? [...new Set(p.finished.filter((id): id is string => typeof id === "string" && ID.test(id)))].slice(0, 200)
              : [],
            startHereSeen: p.startHereSeen === true,
          };
        },
      },
    ),
  );
  trackFinished(store);
  if (options.openDefault ?? true) store.getState().loadScenario(DEFAULT_SCENARIO_ID);
  return store;
}

export type LabStore = ReturnType<typeof createLabStore>;

/** The page's store: its first scenario is the one the URL names (main.tsx starts the URL sync). */
export const useLab = createLabStore({ openDefault: false });
