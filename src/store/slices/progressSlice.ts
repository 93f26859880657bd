import type { StateCreator } from "zustand";
import type { LabState, ProgressSlice } from "../types";

export const createProgressSlice: StateCreator<LabState, [], [], ProgressSlice> = (set) => ({
  finished: [],
  guesses: {},
  markFinished: (id) => set((s) => (s.finished.includes(id) ? {} : { finished: [...s.finished, id] })),
  answerPrediction: (scenarioId, stepIndex, choice) =>
    set((s) => {
      const key = `${scenarioId}:${stepIndex}`;
      // The first guess counts, as in class: the answer is revealed after it.
      return key in s.guesses ? {} : { guesses: { ...s.guesses, [key]: choice } };
    }),
});
