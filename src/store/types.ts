/**
 * The store's shared vocabulary and its whole state: each slice's interface sits beside its
 * creator in ./slices, and LabState is their intersection.
 */
import type { DocKeeper } from "../share/keptDocs";
import type { Lang, StepSize } from "../share/payload";
import type { CursorSlice } from "./slices/cursorSlice";
import type { LectureSlice } from "./slices/lectureSlice";
import type { LinkSlice } from "./slices/linkSlice";
import type { PanelsSlice } from "./slices/panelsSlice";
import type { PlaybackSlice } from "./slices/playbackSlice";
import type { PrefsSlice } from "./slices/prefsSlice";
import type { ProgressSlice } from "./slices/progressSlice";
import type { ScenarioSlice } from "./slices/scenarioSlice";

export type { Lang, StepSize };
export type ThemePref = "system" | "light" | "dark";

export const SPEEDS = [0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

/**
 * A message from the store, worded by the page in the reader's language (src/ui/i18n/page.*):
 * the store says what happened and hands over the data (validator messages stay as they are).
 */
export type NoticeMessage =
  | { key: "unknownScenario"; id: string }
  | { key: "fileInvalid"; errors: string[] }
  | { key: "editsDropped"; errors: string[] }
  | { key: "editRefused"; errors: string[] }
  | { key: "editsIgnored"; errors: string[] }
  /** The simulation could not make a trace (the worker failed, or ran out of memory). */
  | { key: "runFailed"; message: string }
  /** The scenario cannot run on the version the reader chose (src/model/versions/modelled.ts says why, in English). */
  | { key: "versionRefused"; redis: string; message: string }
  /** The trace stopped at the most frames a trace holds, before the scenario's end (at `t` ms). */
  | { key: "frameLimit"; frames: number; t: number }
  /**
   * Worded by the page from one of its word sections, at every render: a notice follows the
   * language when the reader switches. `fromLink`: about the link just opened (a later good
   * address, e.g. after Back, clears it).
   */
  | { key: "worded"; section: "main" | "lecture" | "publish"; word: (words: never) => string; fromLink?: boolean };

/** Documents too large for a link, kept in this browser (src/share/keptDocs.ts). */
export interface KeptSlice {
  keeper: DocKeeper;
}

export type LabState = ScenarioSlice & CursorSlice & PlaybackSlice & PrefsSlice & ProgressSlice & PanelsSlice & LectureSlice & LinkSlice & KeptSlice;
