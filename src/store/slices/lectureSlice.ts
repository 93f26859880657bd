import type { StateCreator } from "zustand";
import type { LabState } from "../types";

/** Lecture mode (src/ui/lecture; on and off as the "lecture" panel): the blanked screen and the speaker window. */
export interface LectureSlice {
  /** The screen is black (clicker "blank" key); only shown in lecture mode. */
  blank: boolean;
  /** A speaker window was opened from this window: the two stay in step even outside lecture mode. */
  speakerLinked: boolean;
  setBlank: (blank: boolean) => void;
  setSpeakerLinked: (linked: boolean) => void;
}

export const createLectureSlice: StateCreator<LabState, [], [], LectureSlice> = (set) => ({
  blank: false,
  speakerLinked: false,
  setBlank: (blank) => set({ blank }),
  setSpeakerLinked: (speakerLinked) => set({ speakerLinked }),
});
