import type { StateCreator } from "zustand";
import type { LabState } from "../types";

export interface ProgressSlice {
  /** Catalogue scenarios played to the end with every prediction answered (remembered). */
  finished: string[];
  /** Prediction guesses of this session: "<scenario id>:<step index>" → the chosen choice. */
  guesses: Record<string, number>;
  /** Predictions skipped in this session (the "Skip question" button): Play no longer waits at them. */
  skipped: Record<string, true>;
  /**
   * The furthest frame reached in each catalogue scenario without edits, in this session: once its
   * last frame has been seen, answering the questions left open finishes it (store/progress.ts).
   */
  furthest: Record<string, number>;
  markFinished: (id: string) => void;
  answerPrediction: (scenarioId: string, stepIndex: number, choice: number) => void;
  reachFrame: (scenarioId: string, frame: number) => void;
  /** Skip a prediction and play on. A skip is not an answer: it does not count towards finishing. */
  skipPrediction: (scenarioId: string, stepIndex: number) => void;
}

/** How a prediction is known in guesses and skipped: "<scenario id>:<step index>". */
export const predictionKey = (scenarioId: string, stepIndex: number): string => `${scenarioId}:${stepIndex}`;

export const createProgressSlice: StateCreator<LabState, [], [], ProgressSlice> = (set) => ({
  finished: [],
  guesses: {},
  skipped: {},
  furthest: {},
  markFinished: (id) => set((s) => (s.finished.includes(id) ? {} : { finished: [...s.finished, id] })),
  answerPrediction: (scenarioId, stepIndex, choice) =>
    set((s) => {
      const key = predictionKey(scenarioId, stepIndex);
      // The first guess counts, as in class: the answer is revealed after it.
      return key in s.guesses ? {} : { guesses: { ...s.guesses, [key]: choice } };
    }),
  reachFrame: (scenarioId, frame) =>
    set((s) => (frame > (s.furthest[scenarioId] ?? 0) ? { furthest: { ...s.furthest, [scenarioId]: frame } } : {})),
  skipPrediction: (scenarioId, stepIndex) =>
    set((s) => ({ skipped: { ...s.skipped, [predictionKey(scenarioId, stepIndex)]: true }, playing: true })),
});
