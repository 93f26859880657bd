import type { StateCreator } from "zustand";
import { nextIndex, prevIndex } from "../derive";
import type { LabState, StepSize } from "../types";

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

export const createCursorSlice: StateCreator<LabState, [], [], CursorSlice> = (set, get) => ({
  cursor: 0,
  stepSize: "event",
  stepForward: () => {
    const { derived, trace, cursor, stepSize } = get();
    set({ cursor: nextIndex(derived, trace.frames.length, cursor, stepSize), playing: false });
  },
  stepBack: () => {
    const { derived, cursor, stepSize } = get();
    set({ cursor: prevIndex(derived, cursor, stepSize), playing: false });
  },
  first: () => set({ cursor: 0, playing: false }),
  last: () => set((s) => ({ cursor: s.trace.frames.length - 1, playing: false })),
  seek: (frame) => set((s) => ({ cursor: Math.max(0, Math.min(s.trace.frames.length - 1, Math.trunc(frame))), playing: false })),
  setStepSize: (stepSize) => set({ stepSize }),
});
