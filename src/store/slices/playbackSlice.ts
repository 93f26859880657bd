import type { StateCreator } from "zustand";
import { playStep, waitsHere } from "../playback";
import type { LabState, Speed } from "../types";

export interface PlaybackSlice {
  playing: boolean;
  speed: Speed;
  togglePlay: () => void;
  pause: () => void;
  /** One timer tick while playing: a step forward, stopping at the last frame and at an open question (../playback). */
  tick: () => void;
  setSpeed: (speed: Speed) => void;
}

/** Playing is state here; the timer that calls tick() lives in the usePlayback hook. */
export const createPlaybackSlice: StateCreator<LabState, [], [], PlaybackSlice> = (set, get) => ({
  playing: false,
  speed: 1,
  togglePlay: () => {
    const s = get();
    if (s.playing) return set({ playing: false });
    // At the end, Play starts again from the beginning.
    const cursor = s.cursor >= s.trace.frames.length - 1 ? 0 : s.cursor;
    // Where a question is open, Play waits for the guess (or a skip).
    set({ cursor, playing: !waitsHere({ ...s, cursor }) });
  },
  pause: () => set({ playing: false }),
  tick: () => {
    const s = get();
    if (!s.playing) return;
    set(playStep(s, s.trace.frames.length - 1));
  },
  setSpeed: (speed) => set({ speed }),
});
