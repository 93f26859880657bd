import type { StateCreator } from "zustand";
import { tickStep, waitsHere, type PlayRange } from "../playback";
import type { LabState, Speed } from "../types";

export interface PlaybackSlice {
  playing: boolean;
  speed: Speed;
  /** The frames playback keeps to (an embed's range), or null for the whole trace. */
  range: PlayRange | null;
  setRange: (range: PlayRange | null) => void;
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
  range: null,
  setRange: (range) => set({ range }),
  togglePlay: () => {
    const s = get();
    if (s.playing) return set({ playing: false });
    // At the end (of the range), Play starts again from the beginning (of the range).
    const end = s.range?.to ?? s.trace.frames.length - 1;
    const cursor = s.cursor >= end ? (s.range?.from ?? 0) : s.cursor;
    // Where a question is open, Play waits for the guess (or a skip).
    set({ cursor, playing: !waitsHere({ ...s, cursor }) });
  },
  pause: () => set({ playing: false }),
  tick: () => {
    const s = get();
    if (!s.playing) return;
    set(tickStep(s, s.range));
  },
  setSpeed: (speed) => set({ speed }),
});
