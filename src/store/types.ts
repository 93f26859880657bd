import type { Trace } from "../model";
import type { Scenario } from "../scenarios/schema";
import type { Derived } from "./derive";

export type StepSize = "event" | "line";
export type ThemePref = "system" | "light" | "dark";
export type Lang = "en" | "zh";

export const SPEEDS = [0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

export interface ScenarioSlice {
  scenario: Scenario;
  trace: Trace;
  derived: Derived;
  /** Load a catalogue scenario by id (an unknown id falls back to the default, with a notice). */
  loadScenario: (id: string, frame?: number) => void;
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

export interface PrefsSlice {
  theme: ThemePref;
  lang: Lang;
  helpOpen: boolean;
  /** A non-blocking message (bad link, copied link…). */
  notice: string | null;
  /** Switch to the opposite of what is shown now (the system's theme until the first toggle). */
  toggleTheme: (systemDark: boolean) => void;
  setLang: (lang: Lang) => void;
  toggleHelp: () => void;
  closeHelp: () => void;
  showNotice: (text: string) => void;
  dismissNotice: () => void;
}

export type LabState = ScenarioSlice & CursorSlice & PlaybackSlice & PrefsSlice;
