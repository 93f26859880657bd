import type { StateCreator } from "zustand";
import type { Trace } from "../../model";
import { CATALOGUE, DEFAULT_SCENARIO_ID, findScenario } from "../../scenarios/catalogue";
import { applyEdits, type Edit } from "../../scenarios/edits";
import { validateScenario, type Scenario } from "../../scenarios/schema";
import type { Derived } from "../derive";
import { traceFor } from "../traceCache";
import type { LabState, NoticeMessage } from "../types";

export interface ScenarioSlice {
  /** The scenario as opened: a catalogue document or a user's file. */
  baseScenario: Scenario;
  /** Sandbox edits on top of it, in the order they were made. */
  edits: Edit[];
  /** The effective scenario: applyEdits(baseScenario, edits). Its id is the base's id. */
  scenario: Scenario;
  trace: Trace;
  derived: Derived;
  /** Load a catalogue scenario by id, without edits (an unknown id falls back to the default, with a notice). */
  loadScenario: (id: string, frame?: number) => void;
  /**
   * Open a user's scenario document (validated again here) with optional edits, at a frame.
   * An invalid document changes nothing; invalid edits are dropped; both with a notice.
   */
  loadCustomScenario: (scenario: Scenario, edits?: Edit[], frame?: number) => void;
  /**
   * Add one sandbox edit: the future is recomputed, the cursor stays on the same frame index
   * (edits take effect at editTime(frame.t), so the frames up to the cursor are unchanged).
   * Returns false, changes nothing and shows a notice if the edit cannot be applied.
   */
  addEdit: (edit: Edit) => boolean;
  /** Remove the last edit (the cursor is kept, clamped to the new trace). */
  undoEdit: () => void;
  /** Replace all edits (URL restore). Invalid edits are ignored, with a notice; returns whether they were used. */
  setEdits: (edits: Edit[]) => boolean;
}

const fallback = findScenario(DEFAULT_SCENARIO_ID) ?? (CATALOGUE[0] as Scenario);

const clampFrame = (frame: number, count: number) => Math.max(0, Math.min(count - 1, Math.trunc(Number.isFinite(frame) ? frame : 0)));

/** Notices carry what went wrong as data; the page words them in the reader's language. */
const MAX_KEPT_ERRORS = 20;
const errorsOf = (errors: string[]) => errors.slice(0, MAX_KEPT_ERRORS);

type Loaded = Pick<LabState, "baseScenario" | "edits" | "scenario" | "trace" | "derived" | "cursor">;

/** What the store holds for a base, its effective scenario and edits, with the cursor kept in the trace. */
function loaded(base: Scenario, scenario: Scenario, edits: readonly Edit[], cursor: number): Loaded {
  const { trace, derived } = traceFor(scenario, base, edits);
  return { baseScenario: base, edits: [...edits], scenario, trace, derived, cursor: clampFrame(cursor, trace.frames.length) };
}

/** A base without edits always applies. */
const unedited = (base: Scenario, cursor: number) => loaded(base, base, [], cursor);

/** The one way a base and edits become the store's scenario, trace and cursor: or why they cannot. */
function apply(base: Scenario, edits: readonly Edit[], cursor: number): { ok: true; state: Loaded } | { ok: false; errors: string[] } {
  if (!edits.length) return { ok: true, state: unedited(base, cursor) };
  const r = applyEdits(base, edits);
  return r.ok ? { ok: true, state: loaded(base, r.scenario, edits, cursor) } : { ok: false, errors: errorsOf(r.errors) };
}

export const createScenarioSlice: StateCreator<LabState, [], [], ScenarioSlice> = (set, get) => {
  const { baseScenario, edits, scenario, trace, derived } = unedited(fallback, 0);
  return {
    baseScenario,
    edits,
    scenario,
    trace,
    derived,

    loadScenario: (id, frame = 0) => {
      const found = findScenario(id);
      set({
        ...unedited(found ?? fallback, frame),
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
      const r = apply(checked.scenario, edits, frame);
      const notice: NoticeMessage | null = r.ok ? null : { key: "editsDropped", errors: r.errors };
      set({ ...(r.ok ? r.state : unedited(checked.scenario, frame)), playing: false, ...(notice ? { notice } : {}) });
    },

    addEdit: (edit) => {
      const { baseScenario, edits, cursor } = get();
      const r = apply(baseScenario, [...edits, edit], cursor);
      if (!r.ok) {
        get().showNotice({ key: "editRefused", errors: r.errors });
        return false;
      }
      set({ ...r.state, playing: false });
      return true;
    },

    undoEdit: () => {
      const { baseScenario, edits, cursor } = get();
      if (!edits.length) return;
      const r = apply(baseScenario, edits.slice(0, -1), cursor);
      // A prefix of edits that applied always applies.
      if (r.ok) set({ ...r.state, playing: false });
    },

    setEdits: (edits) => {
      const { baseScenario, cursor } = get();
      const r = apply(baseScenario, edits, cursor);
      if (!r.ok) {
        get().showNotice({ key: "editsIgnored", errors: r.errors });
        set(unedited(baseScenario, cursor));
        return false;
      }
      set({ ...r.state, playing: false });
      return true;
    },
  };
};
