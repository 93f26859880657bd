/**
 * The URL as a projection of the store (a first, simple form; the sharing work replaces it with
 * a versioned, compressed payload): `?scenario=<id>&frame=<n>&step=event|line`.
 * Read once on load — anything invalid falls back to its default with a non-blocking notice —
 * and rewritten (replaceState) whenever those three values change.
 */
import { findScenario } from "../scenarios/catalogue";
import type { LabState, StepSize } from "./labStore";

type Store = {
  getState: () => LabState;
  subscribe: (listener: (state: LabState, prev: LabState) => void) => () => void;
};

export interface UrlState {
  scenario?: string;
  frame?: number;
  step?: StepSize;
}

const ID = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
const FRAME = /^\d{1,7}$/;

/** Parse the query string; every problem is described in words, never thrown. */
export function parseUrlState(search: string): { state: UrlState; problems: string[] } {
  const params = new URLSearchParams(search);
  const state: UrlState = {};
  const problems: string[] = [];

  const scenario = params.get("scenario");
  if (scenario !== null) {
    if (ID.test(scenario) && findScenario(scenario)) state.scenario = scenario;
    else problems.push(`the link names an unknown scenario ("${scenario.slice(0, 40)}")`);
  }
  const frame = params.get("frame");
  if (frame !== null) {
    if (FRAME.test(frame)) state.frame = Number(frame);
    else problems.push(`"${frame.slice(0, 20)}" is not a frame number`);
  }
  const step = params.get("step");
  if (step !== null) {
    if (step === "event" || step === "line") state.step = step;
    else problems.push(`"${step.slice(0, 20)}" is not a step size (event or line)`);
  }
  return { state, problems };
}

export function buildSearch(scenarioId: string, frame: number, step: StepSize): string {
  const params = new URLSearchParams({ scenario: scenarioId, frame: String(frame), step });
  return `?${params.toString()}`;
}

/** Apply the URL to the store; returns nothing, reports problems through the store's notice. */
export function applyUrl(store: Store, location: Pick<Location, "search">): void {
  const { state, problems } = parseUrlState(location.search);
  const s = store.getState();
  if (state.scenario) s.loadScenario(state.scenario);
  if (state.step) s.setStepSize(state.step);
  if (state.frame !== undefined) {
    const count = store.getState().trace.frames.length;
    if (state.frame < count) store.getState().seek(state.frame);
    else problems.push(`frame ${state.frame} is past the end of this scenario (it has ${count} frames)`);
  }
  if (problems.length) {
    store.getState().showNotice(`This link could not be used fully: ${problems.join("; ")}. Defaults are shown instead.`);
  }
}

/** Keep the address bar in step with the store; returns an unsubscribe function. */
export function syncUrl(store: Store, win: Pick<Window, "location" | "history">): () => void {
  const write = (st: LabState) => {
    const search = buildSearch(st.scenario.id, st.cursor, st.stepSize);
    if (search !== win.location.search) {
      win.history.replaceState(win.history.state, "", `${win.location.pathname}${search}${win.location.hash}`);
    }
  };
  write(store.getState());
  return store.subscribe((st, prev) => {
    if (st.scenario !== prev.scenario || st.cursor !== prev.cursor || st.stepSize !== prev.stepSize) write(st);
  });
}
