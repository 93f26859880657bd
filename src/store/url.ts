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
  return {
    scenario: scenarioRef(s.baseScenario),
    edits: s.edits,
    frame: s.cursor,
    step: s.stepSize,
    lang: s.lang,
    panels: openPanels(s),
  };
}

// Link → store ---------------------------------------------------------------------------------

function sameRef(a: ScenarioRef, b: ScenarioRef): boolean {
  if (a.kind === "catalogue") return b.kind === "catalogue" && a.id === b.id;
  if (b.kind === "catalogue") return false;
  return a.scenario === b.scenario || canonicalJson(a.scenario) === canonicalJson(b.scenario);
}

/**
 * Put the store where the link says; returns what the reader should be told now. What is found
 * later — a question the document's own trace contradicts, checked once the checker has loaded
 * (it is not needed on the first screen) — goes to `later`.
 */
export function applyLinkState(store: Store, link: LinkState, later: (r: UrlReport) => void = () => {}): UrlReport[] {
  const reports: UrlReport[] = [];
  const now = store.getState();
  const unchanged = sameRef(scenarioRef(now.baseScenario), link.scenario) && JSON.stringify(now.edits) === JSON.stringify(link.edits);
  if (!unchanged) {
    if (link.scenario.kind === "catalogue") {
      now.loadScenario(link.scenario.id);
      if (link.edits.length) store.getState().setEdits(link.edits);
    } else {
      now.loadCustomScenario(link.scenario.scenario, link.edits);
      // A question its own trace contradicts does not stop the document opening; the reader is told.
      const opened = store.getState();
      void import("../lesson/questions").then(({ checkQuestions }) => {
        const problems = checkQuestions(opened.scenario, opened.trace);
        if (problems.length) later({ kind: "questions-false", problems });
      });
    }
  }
  const s = store.getState();
  if (s.stepSize !== link.step) s.setStepSize(link.step);
  if (link.lang && s.lang !== link.lang) s.setLang(link.lang);
  for (const p of PANELS) store.getState().setPanel(p, link.panels.includes(p));
  const count = store.getState().trace.frames.length;
  if (link.frame >= count) reports.push({ kind: "frame-past-end", frame: link.frame, count });
  store.getState().seek(link.frame);
  return reports;
}

/** Open the default scenario at its start (a link that could not be used). */
function openDefault(store: Store): void {
  store.getState().loadScenario(DEFAULT_SCENARIO_ID);
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

  const hrefFor = (s: LabState, search: string) => `${win.location.pathname}${search}${linkHash(linkStateOf(s))}`;

  const write = (mode: "push" | "replace", search = win.location.search, state = store.getState()) => {
    const href = hrefFor(state, search);
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

  /** Apply whatever the address says; a link that cannot be used opens the default scenario. */
  const readAddress = () => {
    const read = readLink(win.location);
    applying = true;
    try {
      if (read.kind === "none") return read;
      if (read.result.ok) {
        // A good address: a notice about an earlier link that could not be used no longer applies.
        const notice = store.getState().notice;
        if (notice && typeof notice === "object" && notice.key === "worded" && notice.fromLink) store.getState().dismissNotice();
        if (read.legacy && !new URLSearchParams(win.location.search).has("scenario")) report({ kind: "no-scenario" });
        for (const r of applyLinkState(store, read.result.state, report)) report(r);
      } else {
        openDefault(store);
        report({ kind: "bad-link", problem: read.result.problem });
      }
    } finally {
      applying = false;
    }
    return read;
  };

  // On load: the first page's query parameters move into the fragment.
  const first = readAddress();
  write("replace", first.kind === "link" && first.legacy ? searchWithoutLegacy(win.location.search) : win.location.search);

  const unsubscribe = store.subscribe((s, prev) => {
    if (applying) return;
    if (s.baseScenario !== prev.baseScenario || s.edits !== prev.edits) {
      // The entry being left keeps where the reader was: a pending cursor write lands on it first.
      if (timer !== undefined) {
        cancelPending();
        write("replace", win.location.search, prev);
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
    readAddress();
    // A link that could not be used shows the default scenario; the address says so too.
    write("replace");
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
