import type { StateCreator } from "zustand";
import type { LabState } from "../types";

export interface ProgressSlice {
  /** Catalogue scenarios played to the end with every prediction answered (remembered). */
  finished: string[];
  /** Prediction guesses of this session: "<scenario id>:<step index>" → the chosen choice. */
  guesses: Record<string, number>;
  /** Predictions skipped in this session (the "Skip question" button): Play no longer waits at them. */
  skipped: Record<string, true>;
  markFinished: (id: string) => void;
  answerPrediction: (scenarioId: string, stepIndex: number, choice: number) => void;
  /** Skip a prediction and play on. A skip is not an answer: it does not count towards finishing. */
  skipPrediction: (scenarioId: string, stepIndex: number) => void;
}

/** How a prediction is known in guesses and skipped: "<scenario id>:<step index>". */
export const predictionKey = (scenarioId: string, stepIndex: number): string => `${scenarioId}:${stepIndex}`;

export const createProgressSlice: StateCreator<LabState, [], [], ProgressSlice> = (set) => ({
  finished: [],
  guesses: {},
  skipped: {},
  markFinished: (id) => set((s) => (s.finished.includes(id) ? {} : { finished: [...s.finished, id] })),
  answerPrediction: (scenarioId, stepIndex, choice) =>
    set((s) => {
      const key = predictionKey(scenarioId, stepIndex);
      // The first guess counts, as in class: the answer is revealed after it.
      return key in s.guesses ? {} : { guesses: { ...s.guesses, [key]: choice } };
    }),
  skipPrediction: (scenarioId, stepIndex) =>
    set((s) => ({ skipped: { ...s.skipped, [predictionKey(scenarioId, stepIndex)]: true }, playing: true })),
});
