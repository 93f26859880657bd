import type { Trace } from "../model";
import type { Edit } from "../scenarios/edits";
import type { Scenario } from "../scenarios/schema";
import type { Derived } from "./derive";

import type { Lang, StepSize } from "../share/payload";

export type { Lang, StepSize };
export type ThemePref = "system" | "light" | "dark";

export const SPEEDS = [0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

export interface ScenarioSlice {
  /** The scenario as opened: a catalogue document or a user's file. */
  baseScenario: Scenario;
  /** Sandbox edits on top of it, in the order they were made. */
  edits: Edit[];
  /** The effective scenario: applyEdits(baseScenario, edits). Its id is the base's id. */
  scenario: Scenario;
  trace: Trace;
  derived: Derived;
  /** Load a catalogue scenario by id, without edits (an unknown id falls back to the default, with a notice). */
  loadScenario: (id: string, frame?: number) => void;
  /**
   * Open a user's scenario document (validated again here) with optional edits, at a frame.
   * An invalid document changes nothing; invalid edits are dropped; both with a notice.
   */
  loadCustomScenario: (scenario: Scenario, edits?: Edit[], frame?: number) => void;
  /**
   * Add one sandbox edit: the future is recomputed, the cursor stays on the same frame index
   * (edits take effect at editTime(frame.t), so the frames up to the cursor are unchanged).
   * Returns false, changes nothing and shows a notice if the edit cannot be applied.
   */
  addEdit: (edit: Edit) => boolean;
  /** Remove the last edit (the cursor is kept, clamped to the new trace). */
  undoEdit: () => void;
  /** Replace all edits (URL restore). Invalid edits are ignored, with a notice; returns whether they were used. */
  setEdits: (edits: Edit[]) => boolean;
}

export interface ProgressSlice {
  /** Catalogue scenarios played to the end with every prediction answered (remembered). */
  finished: string[];
  /** Prediction guesses of this session: "<scenario id>:<step index>" → the chosen choice. */
  guesses: Record<string, number>;
  markFinished: (id: string) => void;
  answerPrediction: (scenarioId: string, stepIndex: number, choice: number) => void;
}

export interface CursorSlice {
  cursor: number;
  stepSize: StepSize;
  stepForward: () => void;
  stepBack: () => void;
  first: () => void;
  last: () => void;
  seek: (frame: number) => void;
  setStepSize: (size: StepSize) => void;
}

export interface PlaybackSlice {
  playing: boolean;
  speed: Speed;
  togglePlay: () => void;
  pause: () => void;
  /** One timer tick while playing: a step forward, stopping at the last frame. */
  tick: () => void;
  setSpeed: (speed: Speed) => void;
}

/**
 * A message from the store, worded by the page in the reader's language (src/ui/i18n/page.*):
 * the store says what happened and hands over the data (validator messages stay as they are).
 */
export type NoticeMessage =
  | { key: "unknownScenario"; id: string }
  | { key: "fileInvalid"; errors: string[] }
  | { key: "editsDropped"; errors: string[] }
  | { key: "editRefused"; errors: string[] }
  | { key: "editsIgnored"; errors: string[] };

export interface PrefsSlice {
  theme: ThemePref;
  lang: Lang;
  helpOpen: boolean;
  /** A non-blocking message (bad link, copied link…): text already worded, or a message to word. */
  notice: string | NoticeMessage | null;
  /** Switch to the opposite of what is shown now (the system's theme until the first toggle). */
  toggleTheme: (systemDark: boolean) => void;
  setLang: (lang: Lang) => void;
  toggleHelp: () => void;
  closeHelp: () => void;
  showNotice: (notice: string | NoticeMessage) => void;
  dismissNotice: () => void;
}

/** Which tool panels are open (the sandbox drawer, the "what if" dialog). */
export interface PanelsSlice {
  sandboxOpen: boolean;
  probeOpen: boolean;
  setSandboxOpen: (open: boolean) => void;
  setProbeOpen: (open: boolean) => void;
}

/** Lecture mode (src/ui/lecture): the projector theme with clicker keys, and the blanked screen. */
export interface LectureSlice {
  lecture: boolean;
  /** The screen is black (clicker "blank" key); only shown in lecture mode. */
  blank: boolean;
  /** A speaker window was opened from this window: the two stay in step even outside lecture mode. */
  speakerLinked: boolean;
  setLecture: (on: boolean) => void;
  setBlank: (blank: boolean) => void;
  setSpeakerLinked: (linked: boolean) => void;
}

export type LabState = ScenarioSlice & CursorSlice & PlaybackSlice & PrefsSlice & ProgressSlice & PanelsSlice & LectureSlice;
