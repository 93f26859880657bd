import type { StateCreator } from "zustand";
import { nextIndex } from "../derive";
import type { LabState, Speed } from "../types";

export interface PlaybackSlice {
  playing: boolean;
  speed: Speed;
  togglePlay: () => void;
  pause: () => void;
  /** One timer tick while playing: a step forward, stopping at the last frame. */
  tick: () => void;
  setSpeed: (speed: Speed) => void;
}

/** Playing is state here; the timer that calls tick() lives in the usePlayback hook. */
export const createPlaybackSlice: StateCreator<LabState, [], [], PlaybackSlice> = (set, get) => ({
  playing: false,
  speed: 1,
  togglePlay: () => {
    const { playing, cursor, trace } = get();
    if (playing) set({ playing: false });
    // At the end, Play starts again from the beginning.
    else set({ playing: true, cursor: cursor >= trace.frames.length - 1 ? 0 : cursor });
  },
  pause: () => set({ playing: false }),
  tick: () => {
    const { derived, trace, cursor, stepSize, playing } = get();
    if (!playing) return;
    const next = nextIndex(derived, trace.frames.length, cursor, stepSize);
    set({ cursor: next, playing: next < trace.frames.length - 1 });
  },
  setSpeed: (speed) => set({ speed }),
});
