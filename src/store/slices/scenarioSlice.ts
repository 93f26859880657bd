import type { StateCreator } from "zustand";
import { CATALOGUE, DEFAULT_SCENARIO_ID, findScenario } from "../../scenarios/catalogue";
import { applyEdits, type Edit } from "../../scenarios/edits";
import { validateScenario, type Scenario } from "../../scenarios/schema";
import { traceFor } from "../traceCache";
import type { LabState, NoticeMessage, ScenarioSlice } from "../types";

const fallback = findScenario(DEFAULT_SCENARIO_ID) ?? (CATALOGUE[0] as Scenario);

const clampFrame = (frame: number, count: number) => Math.max(0, Math.min(count - 1, Math.trunc(Number.isFinite(frame) ? frame : 0)));

/** Notices carry what went wrong as data; the page words them in the reader's language. */
const MAX_KEPT_ERRORS = 20;
const errorsOf = (errors: string[]) => errors.slice(0, MAX_KEPT_ERRORS);

/** The effective scenario and its trace for a base and edits, or the errors that prevent it. */
function effective(base: Scenario, edits: Edit[]) {
  if (!edits.length) return { ok: true as const, scenario: base, ...traceFor(base) };
  const r = applyEdits(base, edits);
  if (!r.ok) return r;
  return { ok: true as const, scenario: r.scenario, ...traceFor(r.scenario, base, edits) };
}

export const createScenarioSlice: StateCreator<LabState, [], [], ScenarioSlice> = (set, get) => ({
  baseScenario: fallback,
  edits: [],
  scenario: fallback,
  ...traceFor(fallback),

  loadScenario: (id, frame = 0) => {
    const found = findScenario(id);
    const scenario = found ?? fallback;
    const { trace, derived } = traceFor(scenario);
    set({
      baseScenario: scenario,
      edits: [],
      scenario,
      trace,
      derived,
      cursor: clampFrame(frame, trace.frames.length),
      playing: false,
      ...(found ? {} : { notice: { key: "unknownScenario" as const, id: id.slice(0, 40) } }),
    });
  },

  loadCustomScenario: (doc, edits = [], frame = 0) => {
    const checked = validateScenario(doc);
    if (!checked.ok) {
      get().showNotice({ key: "fileInvalid", errors: errorsOf(checked.errors) });
      return;
    }
    const base = checked.scenario;
    let used = edits;
    let r = effective(base, used);
    let notice: NoticeMessage | null = null;
    if (!r.ok) {
      notice = { key: "editsDropped", errors: errorsOf(r.errors) };
      used = [];
      r = effective(base, used);
    }
    if (!r.ok) return; // unreachable: a valid document without edits always applies
    set({
      baseScenario: base,
      edits: [...used],
      scenario: r.scenario,
      trace: r.trace,
      derived: r.derived,
      cursor: clampFrame(frame, r.trace.frames.length),
      playing: false,
      ...(notice ? { notice } : {}),
    });
  },

  addEdit: (edit) => {
    const { baseScenario, edits, cursor } = get();
    const next = [...edits, edit];
    const r = effective(baseScenario, next);
    if (!r.ok) {
      get().showNotice({ key: "editRefused", errors: errorsOf(r.errors) });
      return false;
    }
    set({ edits: next, scenario: r.scenario, trace: r.trace, derived: r.derived, cursor: clampFrame(cursor, r.trace.frames.length), playing: false });
    return true;
  },

  undoEdit: () => {
    const { baseScenario, edits, cursor } = get();
    if (!edits.length) return;
    const next = edits.slice(0, -1);
    const r = effective(baseScenario, next);
    if (!r.ok) return; // a prefix of edits that applied always applies
    set({ edits: next, scenario: r.scenario, trace: r.trace, derived: r.derived, cursor: clampFrame(cursor, r.trace.frames.length), playing: false });
  },

  setEdits: (edits) => {
    const { baseScenario, cursor } = get();
    const r = effective(baseScenario, edits);
    if (!r.ok) {
      get().showNotice({ key: "editsIgnored", errors: errorsOf(r.errors) });
      const plain = effective(baseScenario, []);
      if (plain.ok) {
        set({ edits: [], scenario: plain.scenario, trace: plain.trace, derived: plain.derived, cursor: clampFrame(cursor, plain.trace.frames.length) });
      }
      return false;
    }
    set({ edits: [...edits], scenario: r.scenario, trace: r.trace, derived: r.derived, cursor: clampFrame(cursor, r.trace.frames.length), playing: false });
    return true;
  },
});
