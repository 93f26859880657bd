import type { StateCreator } from "zustand";
import type { Trace } from "../../model/trace";
import type { LoadedTrace, RunProgress, TraceRunner } from "../../run/runner";
import { CATALOGUE, DEFAULT_SCENARIO_ID, findScenario } from "../../scenarios/catalogue";
import { applyEdits, type Edit } from "../../scenarios/edits";
import { validateScenario, type LocalText, type Scenario } from "../../scenarios/schema";
import type { RedisVersion } from "../../model/versions/names";
import { versionProblem } from "../../model/versions/modelled";
import type { Derived } from "../derive";
import { cachedTrace, keepTrace } from "../traceCache";
import type { LabState, NoticeMessage } from "../types";

/** A trace being computed (docs/architecture.md §17): what for, and how far it has got. */
export interface Computing {
  /** Which run: the same through its progress reports. */
  id: number;
  title: LocalText;
  progress: RunProgress | null;
}

/** How a load shows its result. */
export interface LoadOptions {
  /**
   * Wraps the store update that shows the loaded scenario (the URL marks updates that come from
   * the link itself, so they make no new history entry).
   */
  commit?: (apply: () => void) => void;
  /** Called once the scenario is on screen: at once when its trace was kept, else when it arrives. */
  done?: (state: LabState) => void;
  /**
   * The Redis version to run it on: null, the scenario's own (`redis`); absent, the version the
   * page runs now if the scenario can run there (the reader's choice stays), else its own.
   */
  redis?: RedisVersion | null;
}

export interface ScenarioSlice {
  /** The scenario as opened: a catalogue document or a user's file. */
  baseScenario: Scenario;
  /** Sandbox edits on top of it, in the order they were made. */
  edits: Edit[];
  /**
   * The effective scenario: applyEdits(baseScenario, edits), run on `redis`. Its id is the base's
   * id; its `redis` is the store's.
   */
  scenario: Scenario;
  /**
   * The Redis version the page runs (docs/versions.md): the scenario's own, or the one the reader
   * chose with the version switch (kept in the link when it is not the scenario's own).
   */
  redis: RedisVersion;
  /**
   * Run the scenario, its edits kept, on another version; the cursor goes to the same moment of
   * virtual time. Returns false, changes nothing and shows a notice if it cannot run there.
   */
  setRedis: (redis: RedisVersion) => boolean;
  trace: Trace;
  derived: Derived;
  /**
   * False until the first trace has arrived: the page shows a progress screen instead of the lab
   * (nothing reads `trace` before).
   */
  ready: boolean;
  /**
   * A trace the page asked for and is waiting for, or null. What is on screen stays (and can be
   * stepped) until it arrives; a newer load or cancelRun replaces it.
   */
  computing: Computing | null;
  /** Load a catalogue scenario by id (an unknown id falls back to the default, with a notice); edits may come with it (URL). */
  loadScenario: (id: string, frame?: number, options?: LoadOptions & { edits?: readonly Edit[] }) => void;
  /**
   * Open a user's scenario document (validated again here) with optional edits, at a frame.
   * An invalid document changes nothing; invalid edits are dropped; both with a notice.
   */
  loadCustomScenario: (scenario: Scenario, edits?: Edit[], frame?: number, options?: LoadOptions) => void;
  /**
   * Add one sandbox edit: the future is recomputed, the cursor stays on the same frame index
   * (edits take effect at editTime(frame.t), so the frames up to the cursor are unchanged).
   * Returns false, changes nothing and shows a notice if the edit cannot be applied.
   */
  addEdit: (edit: Edit) => boolean;
  /** Remove the last edit (the cursor is kept, clamped to the new trace). */
  undoEdit: () => void;
  /** Replace all edits (URL restore). Invalid edits are ignored, with a notice; returns whether they were used. */
  setEdits: (edits: Edit[], options?: LoadOptions) => boolean;
  /** Stop waiting for the trace being computed; before the first one, the default scenario opens. */
  cancelRun: () => void;
}

const fallback = findScenario(DEFAULT_SCENARIO_ID) ?? (CATALOGUE[0] as Scenario);

/**
 * The scenario run on `redis`: itself when it runs there already. Its narration stays written for
 * the versions it was (`writtenFor` defaults to the version a scenario runs on).
 */
const onVersion = (s: Scenario, redis: RedisVersion): Scenario => (s.redis === redis ? s : { ...s, redis, writtenFor: s.writtenFor ?? [s.redis] });

const clampFrame = (frame: number, count: number) => Math.max(0, Math.min(count - 1, Math.trunc(Number.isFinite(frame) ? frame : 0)));

/**
 * The frame that shows the moment `t` (ms) of virtual time: the last step stop at or before it
 * (frame 0 for t = 0), so a reader who switches versions keeps their place in the story.
 */
export function frameAtTime(s: Pick<LabState, "trace" | "derived">, t: number): number {
  let best = 0;
  for (const i of s.derived.stops) {
    if ((s.trace.frames[i]?.t ?? Infinity) <= t) best = i;
    else break;
  }
  return best;
}

/** Notices carry what went wrong as data; the page words them in the reader's language. */
const MAX_KEPT_ERRORS = 20;
const errorsOf = (errors: string[]) => errors.slice(0, MAX_KEPT_ERRORS);

/** Before the first trace: nothing reads it (the page waits for `ready`). */
const NO_TRACE = { frames: [], log: [], wires: {}, stream: { text: [], frame: [] }, retired: [], replicaLogs: {}, markers: [], endedBy: "horizon", endTime: 0 } as unknown as Trace;
const NO_DERIVED: Derived = { eventFrames: [], stops: [], lastCall: [], lastTarget: [], lastChild: [], forkFailure: [], markers: [] };

/** What a load puts in the store besides the scenario and its trace. */
type Extra = Partial<Pick<LabState, "notice">>;

export const createScenarioSlice =
  (runner: TraceRunner): StateCreator<LabState, [], [], ScenarioSlice> =>
  (set, get) => {
    /** The run the store waits for: a newer load cancels it. */
    let active: { cancel: () => void } | null = null;
    let runs = 0;

    const stopActive = () => {
      active?.cancel();
      active = null;
    };

    /**
     * The one way a base and edits (already checked: `scenario` is the effective one) come on
     * screen: from the cache at once, else from the runner when the trace arrives.
     */
    const show = (base: Scenario, effective: Scenario, edits: readonly Edit[], cursor: number, extra: Extra, options: LoadOptions = {}) => {
      let redis = versionFor(base, effective, options.redis);
      const problem = redis === base.redis ? null : versionProblem(effective, redis);
      if (problem !== null) {
        // Asked for by a link: the scenario opens on its own version, and the reader is told why.
        extra = { notice: { key: "versionRefused", redis, message: problem }, ...extra };
        redis = base.redis;
      }
      const scenario = onVersion(effective, redis);
      const put = (loaded: LoadedTrace) => {
        const state = {
          baseScenario: base,
          edits: [...edits],
          scenario,
          redis,
          trace: loaded.trace,
          derived: loaded.derived,
          cursor: clampFrame(cursor, loaded.trace.frames.length),
          ready: true,
          computing: null,
          playing: false,
          // A trace cut at the frame limit says so, unless the load has its own notice.
          ...(loaded.trace.endedBy === "frame-limit" ? { notice: { key: "frameLimit" as const, frames: loaded.trace.frames.length, t: loaded.trace.endTime } } : {}),
          ...extra,
        };
        (options.commit ?? ((apply) => apply()))(() => set(state));
        options.done?.(get());
      };
      stopActive();
      const hit = cachedTrace(base, edits, redis);
      if (hit) {
        if (get().computing) set({ computing: null });
        put(hit);
        return;
      }
      // A newer load or cancelRun makes this one stale: its handlers then do nothing.
      let live = true;
      const settle = () => {
        live = false;
        if (active?.cancel === stop) active = null;
      };
      const id = ++runs;
      if (!runner.synchronous) set({ computing: { id, title: base.title, progress: null } });
      const cancelRun = runner.run(scenario, {
        onProgress: (progress) => {
          if (live && !runner.synchronous) set({ computing: { id, title: base.title, progress } });
        },
        onDone: (loaded) => {
          if (!live) return;
          settle();
          keepTrace(base, edits, loaded, redis);
          put(loaded);
        },
        onError: (message) => {
          if (!live) return;
          settle();
          set({ computing: null, notice: { key: "runFailed", message: message.slice(0, 200) } });
          if (!get().ready && base !== fallback) loadDefault();
        },
      });
      function stop() {
        live = false;
        cancelRun();
      }
      if (live) active = { cancel: stop };
    };

    /** The version a load runs on (LoadOptions.redis). */
    const versionFor = (base: Scenario, effective: Scenario, asked: RedisVersion | null | undefined): RedisVersion => {
      if (asked === null) return base.redis;
      if (asked !== undefined) return asked;
      const now = get()?.redis;
      return now && now !== base.redis && versionProblem(effective, now) === null ? now : base.redis;
    };

    const loadDefault = () => show(fallback, fallback, [], 0, {}, { redis: null });

    /** A base without edits always applies; with edits, the effective scenario or why it cannot be made. */
    const withEdits = (base: Scenario, edits: readonly Edit[]): { ok: true; scenario: Scenario } | { ok: false; errors: string[] } => {
      if (!edits.length) return { ok: true, scenario: base };
      const r = applyEdits(base, edits);
      return r.ok ? { ok: true, scenario: r.scenario } : { ok: false, errors: errorsOf(r.errors) };
    };

    return {
      baseScenario: fallback,
      edits: [],
      scenario: fallback,
      redis: fallback.redis,
      trace: NO_TRACE,
      derived: NO_DERIVED,
      ready: false,
      computing: null,

      loadScenario: (id, frame = 0, options = {}) => {
        const found = findScenario(id);
        const base = found ?? fallback;
        const unknown: Extra = found ? {} : { notice: { key: "unknownScenario" as const, id: id.slice(0, 40) } };
        const r = withEdits(base, found ? (options.edits ?? []) : []);
        if (r.ok) show(base, r.scenario, found ? (options.edits ?? []) : [], frame, unknown, options);
        else show(base, base, [], frame, { notice: { key: "editsIgnored", errors: r.errors } }, options);
      },

      loadCustomScenario: (doc, edits = [], frame = 0, options = {}) => {
        const checked = validateScenario(doc);
        if (!checked.ok) {
          get().showNotice({ key: "fileInvalid", errors: errorsOf(checked.errors) });
          return;
        }
        const r = withEdits(checked.scenario, edits);
        const notice: NoticeMessage | null = r.ok ? null : { key: "editsDropped", errors: r.errors };
        show(checked.scenario, r.ok ? r.scenario : checked.scenario, r.ok ? edits : [], frame, notice ? { notice } : {}, options);
      },

      addEdit: (edit) => {
        const { baseScenario, edits, cursor } = get();
        const next = [...edits, edit];
        const r = withEdits(baseScenario, next);
        if (!r.ok) {
          get().showNotice({ key: "editRefused", errors: r.errors });
          return false;
        }
        show(baseScenario, r.scenario, next, cursor, {});
        return true;
      },

      undoEdit: () => {
        const { baseScenario, edits, cursor } = get();
        if (!edits.length) return;
        const fewer = edits.slice(0, -1);
        // A prefix of edits that applied always applies.
        const r = withEdits(baseScenario, fewer);
        if (r.ok) show(baseScenario, r.scenario, fewer, cursor, {});
      },

      setEdits: (edits, options = {}) => {
        const { baseScenario, cursor } = get();
        const r = withEdits(baseScenario, edits);
        if (!r.ok) {
          show(baseScenario, baseScenario, [], cursor, { notice: { key: "editsIgnored", errors: r.errors } }, options);
          return false;
        }
        show(baseScenario, r.scenario, edits, cursor, {}, options);
        return true;
      },

      setRedis: (redis) => {
        const { baseScenario, scenario, edits, trace, cursor } = get();
        if (redis === get().redis) return true;
        const problem = versionProblem(scenario, redis);
        if (problem !== null) {
          get().showNotice({ key: "versionRefused", redis, message: problem });
          return false;
        }
        // The same moment of virtual time on the other version's trace.
        const t = trace.frames[cursor]?.t ?? 0;
        show(baseScenario, scenario, edits, cursor, {}, { redis, done: (s) => s.seek(frameAtTime(s, t)) });
        return true;
      },

      cancelRun: () => {
        if (!active && !get().computing) return;
        stopActive();
        set({ computing: null });
        if (!get().ready) loadDefault();
      },
    };
  };
