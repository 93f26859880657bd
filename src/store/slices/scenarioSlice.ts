import type { StateCreator } from "zustand";
import { CATALOGUE, DEFAULT_SCENARIO_ID, findScenario } from "../../scenarios/catalogue";
import type { Scenario } from "../../scenarios/schema";
import { traceFor } from "../traceCache";
import type { LabState, ScenarioSlice } from "../types";

const fallback = findScenario(DEFAULT_SCENARIO_ID) ?? (CATALOGUE[0] as Scenario);

export const createScenarioSlice: StateCreator<LabState, [], [], ScenarioSlice> = (set) => ({
  scenario: fallback,
  ...traceFor(fallback),
  loadScenario: (id, frame = 0) => {
    const found = findScenario(id);
    const scenario = found ?? fallback;
    const { trace, derived } = traceFor(scenario);
    set({
      scenario,
      trace,
      derived,
      cursor: Math.max(0, Math.min(trace.frames.length - 1, Math.trunc(frame))),
      playing: false,
      ...(found ? {} : { notice: `Unknown scenario "${id}"; the default scenario is open instead.` }),
    });
  },
});
