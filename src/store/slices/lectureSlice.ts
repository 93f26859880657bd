import type { StateCreator } from "zustand";
import type { LabState, LectureSlice } from "../types";

export const createLectureSlice: StateCreator<LabState, [], [], LectureSlice> = (set) => ({
  lecture: false,
  blank: false,
  speakerLinked: false,
  // Switching lecture mode on or off never starts (or leaves) the audience looking at a black screen.
  setLecture: (lecture) => set({ lecture, blank: false }),
  setBlank: (blank) => set({ blank }),
  setSpeakerLinked: (speakerLinked) => set({ speakerLinked }),
});
