/**
 * The URL as a projection of the store (docs/architecture.md §7). The fragment `#s=<payload>` (src/share) holds
 * the scenario (catalogue id or the whole user document), the sandbox edits, the frame, the step
 * size, the language and the open panels.
 *
 * - A new scenario or a new edit is a new history entry (pushState), so Back and Forward walk
 *   them; cursor, step size, language and panels rewrite the current entry (replaceState).
 * - popstate restores the store from the URL.
 * - On load the URL is read once: the current form, or the first page's `?scenario=&frame=&step=`
 *   form as payload version 0. A link that cannot be used opens the default scenario, and what was
 *   wrong goes to `report` (the page words it in the reader's language; nothing here is markup).
 */
import type { QuestionProblem } from "../lesson/questions";
import { DEFAULT_SCENARIO_ID } from "../scenarios/catalogue";
import type { Edit } from "../scenarios/edits";
import type { Scenario } from "../scenarios/schema";
import { encodeLinkChecked } from "../share/codec";
import { canonicalJson, PANELS, scenarioRef, type LinkProblem, type LinkState, type Panel, type ScenarioRef } from "../share/payload";
import { linkHash, readLink, searchWithoutLegacy } from "../share/url";
import type { LabState } from "./types";

export type Store = {
  getState: () => LabState;
  setState: (partial: Partial<LabState>) => void;
  subscribe: (listener: (state: LabState, prev: LabState) => void) => () => void;
};

type Win = Pick<Window, "location" | "history" | "addEventListener" | "removeEventListener" | "setTimeout" | "clearTimeout">;

/** Something about a link the reader should know; none of these blocks the page. */
export type UrlReport =
  | { kind: "bad-link"; problem: LinkProblem }
  | { kind: "frame-past-end"; frame: number; count: number }
  /** A first-page link (`?frame=…`) that names no scenario: the default one opened. */
  | { kind: "no-scenario" }
  /** A document the link carries asks a question its own trace contradicts (it opens all the same). */
  | { kind: "questions-false"; problems: QuestionProblem[] };

export function openPanels(s: LabState): Panel[] {
  return PANELS.filter((p) => s.panels[p]);
}

// Store → link ---------------------------------------------------------------------------------

/** The moment the store shows, as a link carries it. */
export function linkStateOf(s: LabState): LinkState {
  const state: LinkState = {
    scenario: scenarioRef(s.baseScenario),
    edits: s.edits,
    frame: s.cursor,
    step: s.stepSize,
    lang: s.lang,
    panels: openPanels(s),
    ...(s.redis !== s.baseScenario.redis ? { redis: s.redis } : {}),
  };
  if (state.scenario.kind !== "document" || documentFits(s.baseScenario, s.edits)) return state;
  // Too large for a link: kept in this browser, and the link names it by its content hash.
  const { hash } = s.keeper.keep(s.baseScenario, () => canonicalJson(s.baseScenario));
  return { ...state, scenario: { kind: "kept", hash } };
}

/** Per document, per edit list: whether a link carrying them opens (see documentFits). */
const FITS = new WeakMap<Scenario, WeakMap<readonly Edit[], boolean>>();

/**
 * Whether a link carrying this document and these edits whole is one decodeLink accepts, with the
 * rest of the moment at its longest (any frame, step size, language and panels), so that moving
 * the cursor never turns a link that opens into one that does not.
 */
export function documentFits(scenario: Scenario, edits: readonly Edit[]): boolean {
  let byEdits = FITS.get(scenario);
  if (!byEdits) FITS.set(scenario, (byEdits = new WeakMap()));
  let fits = byEdits.get(edits);
  if (fits === undefined) {
    const longest: LinkState = { scenario: { kind: "document", scenario }, edits: [...edits], frame: 9_999_999, step: "line", lang: "zh", panels: [...PANELS], redis: "7.0.15" };
    fits = encodeLinkChecked(longest).problem === null;
    byEdits.set(edits, fits);
  }
  return fits;
}

/** Whether the link of what the store shows names a document kept in this browser only. */
export function keptOnlyHere(s: LabState): boolean {
  return linkStateOf(s).scenario.kind === "kept";
}

// Link → store ---------------------------------------------------------------------------------

function sameRef(a: ScenarioRef, b: ScenarioRef): boolean {
  if (a.kind === "catalogue") return b.kind === "catalogue" && a.id === b.id;
  if (a.kind === "kept") return b.kind === "kept" && a.hash === b.hash;
  if (b.kind !== "document") return false;
  return a.scenario === b.scenario || canonicalJson(a.scenario) === canonicalJson(b.scenario);
}

/**
 * Put the store where the link says. Settings (step size, language, panels) apply at once; a
 * scenario whose trace is not kept yet comes when its trace arrives (the runner computes it off the
 * page's thread), and the frame is sought then. What the reader should be told goes to `report`,
 * when it is known. `commit` wraps the store update that shows the linked scenario (the URL sync
 * marks it as coming from the link).
 */
export function applyLinkState(store: Store, link: LinkState, report: (r: UrlReport) => void = () => {}, commit?: (apply: () => void) => void): void {
  const now = store.getState();
  const s = now;
  if (s.stepSize !== link.step) s.setStepSize(link.step);
  if (link.lang && s.lang !== link.lang) s.setLang(link.lang);
  for (const p of PANELS) store.getState().setPanel(p, link.panels.includes(p));

  const seek = (state: LabState) => {
    const count = state.trace.frames.length;
    if (link.frame >= count) report({ kind: "frame-past-end", frame: link.frame, count });
    const wrap = commit ?? ((apply: () => void) => apply());
    wrap(() => store.getState().seek(link.frame));
  };
  const here = now.ready ? linkStateOf(now) : null;
  const unchanged = here !== null && sameRef(here.scenario, link.scenario) && JSON.stringify(now.edits) === JSON.stringify(link.edits) && here.redis === link.redis;
  // The version the link runs on: its own, else the scenario's (a link without one means the scenario's own).
  const redis = link.redis ?? null;
  if (unchanged) {
    // Back to what is on screen while another scenario was coming: that one is no longer wanted.
    if (now.computing) now.cancelRun();
    seek(store.getState());
    return;
  }
  if (link.scenario.kind === "catalogue") {
    now.loadScenario(link.scenario.id, link.frame, { commit, done: seek, edits: link.edits, redis });
    return;
  }
  const found = link.scenario.kind === "kept" ? now.keeper.find(link.scenario.hash) : { ok: true as const, scenario: link.scenario.scenario };
  if (!found.ok) {
    // Kept in another browser (or cleared since): the default opens, and the reader is told why.
    report({ kind: "bad-link", problem: { code: "not-kept", detail: found.why } });
    openDefault(store, commit);
    return;
  }
  now.loadCustomScenario(found.scenario, link.edits, link.frame, {
    commit,
    redis,
    done: (opened) => {
      seek(opened);
      // A question its own trace contradicts does not stop the document opening; the reader is told.
      void import("../lesson/questions").then(({ checkQuestions }) => {
        const problems = checkQuestions(opened.scenario, opened.trace);
        if (problems.length) report({ kind: "questions-false", problems });
      });
    },
  });
}

/** Open the default scenario at its start (a link that could not be used). */
function openDefault(store: Store, commit?: (apply: () => void) => void): void {
  store.getState().loadScenario(DEFAULT_SCENARIO_ID, 0, { commit });
}

// Keeping them in step ---------------------------------------------------------------------------

/** Cursor moves while playing are written at most this often (browsers throttle history calls). */
const REPLACE_INTERVAL_MS = 200;
/**
 * A cursor move is written this long after it, never inside the keypress: encoding a link
 * (deflate of a whole scenario document) and the history call would delay the step's render.
 */
const REPLACE_DEFER_MS = 60;

export interface UrlSync {
  /** Write any pending change now (before copying the address, say). */
  flush: () => void;
  stop: () => void;
}

let active: UrlSync | undefined;

/** Bring the address bar up to date with the store now (Copy link reads it right after). */
export function flushUrl(): void {
  active?.flush();
}

/**
 * Read the URL into the store, then keep the URL in step with it. `report` hears about links that
 * could not be used (fully).
 */
export function startUrlSync(store: Store, win: Win, report: (r: UrlReport) => void = () => {}): UrlSync {
  let applying = false;
  let timer: number | undefined;
  let lastReplace = 0;
  /** The address's query part the store's state is written with (the first page's parameters dropped). */
  let search = win.location.search;
  /**
   * A link's scenario is coming (its trace is computed off the page's thread): until it is on
   * screen the address keeps the link, unless the reader moves on (another load, Cancel).
   */
  let linkPending = false;
  let linkRun: number | null = null;

  const hrefFor = (s: LabState, search: string) => `${win.location.pathname}${search}${linkHash(linkStateOf(s))}`;

  const write = (mode: "push" | "replace", query = search, state = store.getState()) => {
    const href = hrefFor(state, query);
    if (href === `${win.location.pathname}${win.location.search}${win.location.hash}`) return;
    try {
      if (mode === "push") win.history.pushState(null, "", href);
      else win.history.replaceState(win.history.state, "", href);
    } catch {
      // A browser that throttles history calls may refuse one; the next change writes again.
    }
  };

  const cancelPending = () => {
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
  };

  const flush = () => {
    if (timer === undefined) return;
    cancelPending();
    lastReplace = Date.now();
    write("replace");
  };

  const scheduleReplace = () => {
    if (timer !== undefined) return; // the pending write will take the latest state
    const wait = Math.max(REPLACE_DEFER_MS, REPLACE_INTERVAL_MS - (Date.now() - lastReplace));
    timer = win.setTimeout(() => {
      timer = undefined;
      lastReplace = Date.now();
      write("replace");
    }, wait);
  };

  /** The store update that shows what the link asked for: no history entry; the address then follows it. */
  const fromLink = (apply: () => void) => {
    applying = true;
    try {
      apply();
    } finally {
      applying = false;
    }
    linkPending = false;
    linkRun = null;
    // A document's link is written in a task of its own: a large one takes a deflate or two, which
    // should not lengthen the task that shows its trace. A catalogue link is written at once.
    if (scenarioRef(store.getState().baseScenario).kind === "document") scheduleReplace();
    else write("replace");
  };

  /** Apply whatever the address says; a link that cannot be used opens the default scenario. */
  const readAddress = () => {
    const read = readLink(win.location);
    // The first page's query parameters move into the fragment.
    search = read.kind === "link" && read.legacy ? searchWithoutLegacy(win.location.search) : win.location.search;
    applying = true;
    linkPending = true;
    try {
      if (read.kind === "none") {
        if (!store.getState().ready) openDefault(store, fromLink);
      } else if (read.result.ok) {
        // A good address: a notice about an earlier link that could not be used no longer applies.
        const notice = store.getState().notice;
        if (notice && typeof notice === "object" && notice.key === "worded" && notice.fromLink) store.getState().dismissNotice();
        if (read.legacy && !new URLSearchParams(win.location.search).has("scenario")) report({ kind: "no-scenario" });
        applyLinkState(store, read.result.state, report, fromLink);
      } else {
        openDefault(store, fromLink);
        report({ kind: "bad-link", problem: read.result.problem });
      }
      // Nothing could be opened (a document that is not valid): the default, if nothing is on screen yet.
      if (linkPending && !store.getState().computing && !store.getState().ready) openDefault(store, fromLink);
    } finally {
      applying = false;
    }
    const computing = store.getState().computing;
    if (linkPending && computing) linkRun = computing.id;
    else if (linkPending) fromLink(() => {});
    return read;
  };

  readAddress();

  const unsubscribe = store.subscribe((s, prev) => {
    if (applying) return;
    if (linkPending) {
      if (s.computing && s.computing.id === linkRun) return;
      // The reader moved on before the link's scenario came (another load, or Cancel): the
      // address follows the store again; the link stays one entry back.
      linkPending = false;
      linkRun = null;
      if (s.baseScenario === prev.baseScenario && s.edits === prev.edits && s.redis === prev.redis) {
        write("push");
        return;
      }
    }
    if (s.baseScenario !== prev.baseScenario || s.edits !== prev.edits || s.redis !== prev.redis) {
      // The entry being left keeps where the reader was: a pending cursor write lands on it first.
      if (timer !== undefined) {
        cancelPending();
        write("replace", search, prev);
      }
      write("push");
    } else if (
      s.cursor !== prev.cursor ||
      s.stepSize !== prev.stepSize ||
      s.lang !== prev.lang ||
      s.panels !== prev.panels
    ) {
      scheduleReplace();
    }
  });

  const onPopState = () => {
    cancelPending();
    // A link that could not be used shows the default scenario; the address says so too (fromLink).
    readAddress();
  };
  win.addEventListener("popstate", onPopState);

  const sync: UrlSync = {
    flush,
    stop: () => {
      cancelPending();
      unsubscribe();
      win.removeEventListener("popstate", onPopState);
      if (active === sync) active = undefined;
    },
  };
  active = sync;
  return sync;
}
