import { localRunner } from "../run/localRunner";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { findScenario } from "../scenarios/catalogue";
import { narratedOn } from "../scenarios/narration";
import { decodeLink, encodePayload } from "../share/codec";
import { HASH_PREFIX, linkHash } from "../share/url";
import { createLabStore, memoryStorage, type LabStore } from "./labStore";
import { startUrlSync, type UrlReport, type UrlSync } from "./url";

/** A window with just enough of location, history and popstate to watch the sync work. */
function fakeWindow(start: string) {
  const entries = [new URL(start, "http://lab.test")];
  let index = 0;
  const listeners = new Set<() => void>();
  const at = () => entries[index]!;
  const win = {
    location: {
      get pathname() {
        return at().pathname;
      },
      get search() {
        return at().search;
      },
      get hash() {
        return at().hash;
      },
      get href() {
        return at().href;
      },
    },
    history: {
      state: null,
      pushState: (_s: unknown, _t: string, url: string) => {
        entries.splice(index + 1);
        entries.push(new URL(url, at()));
        index++;
      },
      replaceState: (_s: unknown, _t: string, url: string) => {
        entries[index] = new URL(url, at());
      },
    },
    addEventListener: (_type: string, l: () => void) => listeners.add(l),
    removeEventListener: (_type: string, l: () => void) => listeners.delete(l),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number,
    clearTimeout: (id: number) => clearTimeout(id),
  };
  const go = (delta: number) => {
    index += delta;
    for (const l of listeners) l();
  };
  return { win: win as unknown as Window, entries, back: () => go(-1), forward: () => go(1), index: () => index };
}

let store: LabStore;
beforeEach(() => {
  store = createLabStore({ storage: memoryStorage(), runner: localRunner });
});
const s = () => store.getState();
const linkOf = (hash: string) => {
  expect(hash.startsWith(HASH_PREFIX)).toBe(true);
  const r = decodeLink(hash.slice(HASH_PREFIX.length));
  if (!r.ok) throw new Error(r.problem.code);
  return r.state;
};

let sync: UrlSync | undefined;
let reports: UrlReport[] = [];
function start(url: string) {
  const w = fakeWindow(url);
  reports = [];
  sync = startUrlSync(store, w.win, (r) => reports.push(r));
  return w;
}

describe("the URL as a projection of the store", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    s().loadScenario("disk-happy-path");
    s().setStepSize("event");
    s().setLang("en");
  });
  afterEach(() => {
    sync?.stop();
    vi.useRealTimers();
  });

  it("writes scenario, edits, frame, step size, language and panels into the fragment", () => {
    const w = start("/");
    expect(linkOf(w.win.location.hash)).toEqual({ scenario: { kind: "catalogue", id: "disk-happy-path" }, edits: [], frame: 0, step: "event", lang: "en", panels: [] });
    s().loadScenario("fork-failure-disk");
    s().stepForward();
    s().stepForward();
    s().setStepSize("line");
    s().setLang("zh");
    s().setPanel("help", true);
    sync!.flush();
    expect(linkOf(w.win.location.hash)).toEqual({
      scenario: { kind: "catalogue", id: "fork-failure-disk" },
      edits: [],
      frame: s().cursor,
      step: "line",
      lang: "zh",
      panels: ["help"],
    });
    expect(s().cursor).toBeGreaterThan(0);
  });

  it("makes a history entry per scenario and per edit, but not per step; Back and Forward restore them", () => {
    const w = start("/");
    s().loadScenario("fork-failure-disk");
    for (let i = 0; i < 5; i++) s().stepForward();
    vi.advanceTimersByTime(1000);
    expect(w.entries).toHaveLength(2);
    const frame = s().cursor;
    expect(s().addEdit({ kind: "event", event: { at: 0.5, type: "write", count: 3 } })).toBe(true);
    expect(w.entries).toHaveLength(3);
    expect(linkOf(w.win.location.hash).edits).toHaveLength(1);

    w.back();
    expect(s().edits).toEqual([]);
    expect(s().scenario.id).toBe("fork-failure-disk");
    expect(s().cursor).toBe(frame);
    w.back();
    expect(s().scenario.id).toBe("disk-happy-path");
    expect(s().cursor).toBe(0);
    w.forward();
    w.forward();
    expect(s().edits).toHaveLength(1);
    expect(w.entries).toHaveLength(3); // restoring wrote no new entries
  });

  it("writes a cursor move shortly after it, and moves while playing at most every 200 ms", () => {
    const w = start("/?scenario=fork-failure-disk");
    const before = w.win.location.hash;
    s().stepForward();
    expect(w.win.location.hash).toBe(before); // not inside the keypress: after the step renders
    vi.advanceTimersByTime(70);
    const afterFirst = w.win.location.hash;
    expect(linkOf(afterFirst).frame).toBe(s().cursor);
    s().stepForward();
    s().stepForward();
    vi.advanceTimersByTime(70);
    expect(w.win.location.hash).toBe(afterFirst);
    vi.advanceTimersByTime(250);
    expect(linkOf(w.win.location.hash).frame).toBe(s().cursor);
  });

  it("keeps the last frame on the entry being left, even when it was not written yet", () => {
    const w = start("/");
    s().loadScenario("fork-failure-disk");
    for (let i = 0; i < 4; i++) s().stepForward(); // faster than the URL is written
    const frame = s().cursor;
    s().loadScenario("delay-zero");
    w.back();
    expect(s().scenario.id).toBe("fork-failure-disk");
    expect(s().cursor).toBe(frame);
  });

  it("opens the first page's ?scenario=&frame=&step= links, keeping other query parameters", () => {
    const w = start("/?scenario=fork-failure-socket&frame=12&step=line&embed");
    expect(s().scenario.id).toBe("fork-failure-socket");
    expect(s().cursor).toBe(12);
    expect(s().stepSize).toBe("line");
    expect(w.win.location.search).toBe("?embed");
    expect(linkOf(w.win.location.hash).frame).toBe(12);
    expect(reports).toEqual([]);
  });

  it("opens the default scenario and reports what was wrong with a link it cannot use", () => {
    s().loadScenario("fork-failure-disk");
    const w = start("/#s=AAAA!!");
    expect(s().scenario.id).toBe("disk-happy-path");
    expect(reports).toEqual([{ kind: "bad-link", problem: { code: "not-base64" } }]);
    expect(linkOf(w.win.location.hash).scenario).toEqual({ kind: "catalogue", id: "disk-happy-path" });

    start("/?scenario=%3Cimg%20src=x%3E&frame=-3&step=sideways");
    expect(reports[0]).toMatchObject({ kind: "bad-link", problem: { code: "markup", detail: "scenario" } });
    start("/?scenario=fork-failure-disk&frame=-3");
    expect(reports[0]).toMatchObject({ kind: "bad-link", problem: { code: "shape" } });
    expect(s().scenario.id).toBe("disk-happy-path");
  });

  it("shows the last frame, and says so, when a link's frame is past the end", () => {
    start("/?scenario=disk-happy-path&frame=9999");
    expect(s().cursor).toBe(s().trace.frames.length - 1);
    expect(reports).toEqual([{ kind: "frame-past-end", frame: 9999, count: s().trace.frames.length }]);
  });

  it("carries a user's document in full and opens it again with its edits", () => {
    const doc = { ...findScenario("disk-happy-path")!, title: { en: "Mine", zh: "我的" } };
    const w = start("/");
    s().loadCustomScenario(doc, [{ kind: "add-replica", at: 0.2, replica: { id: "r2", capa: ["eof"], command: "PSYNC" } }]);
    s().last();
    sync!.flush();
    const hash = w.win.location.hash;
    const link = linkOf(hash);
    expect(link.scenario).toEqual({ kind: "document", scenario: doc });
    sync!.stop();

    s().loadScenario("fork-failure-disk");
    start(`/${hash}`);
    expect(s().baseScenario.title.en).toBe("Mine");
    expect(s().edits).toHaveLength(1);
    expect(s().scenario.replicas.map((r) => r.id)).toEqual(["r1", "r2"]);
    expect(s().cursor).toBe(s().trace.frames.length - 1);
    expect(reports).toEqual([]);
  });

  it("a link carrying a document whose question its trace contradicts opens it and names the question", async () => {
    const doc = structuredClone(findScenario("fork-failure-socket")!);
    const step = doc.steps!.findIndex((st) => st.predict);
    // The premise scenario 9 once had: +FULLRESYNC at a moment the wire held only keep-alives.
    doc.steps![step]!.predict!.premise = { replica: "r1", received: "+FULLRESYNC" };
    doc.title = { en: "Mine", zh: "我的" };
    const w = start("/");
    s().loadCustomScenario(doc);
    sync!.flush();
    const hash = w.win.location.hash;
    sync!.stop();
    s().loadScenario("disk-happy-path");
    start(`/${hash}`);
    expect(s().baseScenario.title.en).toBe("Mine");
    // The question checker loads on demand; its report follows.
    await vi.waitFor(() => expect(reports).toHaveLength(1));
    const report = reports[0]!;
    expect(report.kind).toBe("questions-false");
    expect(report.kind === "questions-false" && report.problems.map((p) => [p.step, p.kind])).toEqual([[step, "premise"]]);
  });

  /** A valid document whose JSON is past what a link may carry (512 KiB), as a 2 MiB file may be. */
  const bigDoc = () => {
    const base = findScenario("disk-happy-path")!;
    const events = Array.from({ length: 15_000 }, (_, i) => ({ at: 10 + i / 100, type: "write" as const, count: 1 }));
    return { ...base, id: "big-one", title: { en: "Big one", zh: "大场景" }, events: [...base.events, ...events] };
  };

  it("no longer: a document past a link's 512 KiB opens, but its link is refused on reload — it is kept in this browser under its content hash", () => {
    const storage = memoryStorage();
    store = createLabStore({ storage, runner: localRunner });
    const doc = bigDoc();
    expect(new TextEncoder().encode(JSON.stringify(doc)).length).toBeGreaterThan(512 * 1024);
    const w = start("/");
    s().loadCustomScenario(doc);
    s().seek(5);
    sync!.flush();
    const hash = w.win.location.hash;
    // The address decodes (it used to say "too-big"), and names the document by its hash.
    const link = linkOf(hash);
    expect(link.scenario).toMatchObject({ kind: "kept", hash: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(hash.length).toBeLessThan(200);
    sync!.stop();

    // A reload: a new page in the same browser (same storage) opens the same moment.
    store = createLabStore({ storage, runner: localRunner });
    start(`/${hash}`);
    expect(reports).toEqual([]);
    expect(s().baseScenario.title.en).toBe("Big one");
    expect(s().scenario.events).toHaveLength(doc.events.length);
    expect(s().cursor).toBe(5);
    sync!.stop();

    // Another browser has no copy: the default opens and the reader is told why, by name.
    store = createLabStore({ storage: memoryStorage(), runner: localRunner });
    start(`/${hash}`);
    expect(s().scenario.id).toBe("disk-happy-path");
    expect(reports).toEqual([{ kind: "bad-link", problem: { code: "not-kept", detail: "missing" } }]);
  });

  it("a kept document that was tampered with in storage is refused as damaged, not opened", () => {
    const storage = memoryStorage();
    store = createLabStore({ storage, runner: localRunner });
    const w = start("/");
    s().loadCustomScenario(bigDoc());
    sync!.flush();
    const hash = w.win.location.hash;
    const kept = linkOf(hash).scenario as { kind: "kept"; hash: string };
    sync!.stop();
    const key = `fullresync-lab:kept:${kept.hash}`;
    const value = storage.getItem(key) as string;
    storage.setItem(key, value.slice(0, -8) + "AAAAAAAA");
    store = createLabStore({ storage, runner: localRunner });
    start(`/${hash}`);
    expect(s().scenario.id).toBe("disk-happy-path");
    expect(reports).toEqual([{ kind: "bad-link", problem: { code: "not-kept", detail: "damaged" } }]);
  });

  it("a document that fits a link is still carried whole (no storage needed to open it)", () => {
    const storage = memoryStorage();
    store = createLabStore({ storage, runner: localRunner });
    const doc = { ...findScenario("disk-happy-path")!, title: { en: "Small", zh: "小" } };
    const w = start("/");
    s().loadCustomScenario(doc);
    sync!.flush();
    expect(linkOf(w.win.location.hash).scenario.kind).toBe("document");
    expect(storage.getItem("fullresync-lab:kept-index")).toBeNull();
  });

  it("reads a hand-made version-1 payload", () => {
    start(`/${HASH_PREFIX}${encodePayload({ v: 1, s: "delay-zero", f: 3, k: "line", l: "zh", p: ["help", "sandbox", "messages", "someday"] })}`);
    expect(s().scenario.id).toBe("delay-zero");
    expect(s().cursor).toBe(3);
    expect(s().lang).toBe("zh");
    expect(s().panels).toEqual({ help: true, sandbox: true, probe: false, lecture: false, messages: true });
  });
});

describe("a link whose scenario is computed off the page's thread", () => {
  const linkTo = (id: string, frame: number) => `/${linkHash({ scenario: { kind: "catalogue", id }, edits: [], frame, step: "event", lang: "en", panels: [] })}`;
  /** The page's store (nothing open yet) with a runner that answers when told, opening a link to frame 6 of fork-failure-disk. */
  async function openLinkWaiting() {
    const { manualRunner } = await import("../run/manualRunner.test-util");
    const { forgetTraces } = await import("./traceCache");
    forgetTraces();
    const m = manualRunner();
    store = createLabStore({ storage: memoryStorage(), runner: m.runner, openDefault: false });
    const url = linkTo("fork-failure-disk", 6);
    return { m, url, w: start(url) };
  }

  it("keeps the link in the address until its scenario is on screen, then shows the linked frame", async () => {
    const { m, url, w } = await openLinkWaiting();
    expect(s().ready).toBe(false);
    s().setLang("zh"); // a change while waiting does not write the default over the link
    expect(w.entries.map((e) => e.pathname + e.hash)).toEqual([url]);
    m.finish();
    expect(s().baseScenario.id).toBe("fork-failure-disk");
    expect(s().cursor).toBe(6);
    expect(w.entries).toHaveLength(1);
    expect(linkOf(w.entries[0]!.hash)).toMatchObject({ frame: 6, scenario: { kind: "catalogue", id: "fork-failure-disk" } });
  });

  it("Cancel before the first trace opens the default scenario as a new entry: Back returns to the link", async () => {
    const { m, url, w } = await openLinkWaiting();
    s().cancelRun();
    m.finish();
    expect(s().baseScenario.id).toBe("disk-happy-path");
    expect(w.entries).toHaveLength(2);
    expect(w.entries[0]!.pathname + w.entries[0]!.hash).toBe(url);
    expect(linkOf(w.entries[1]!.hash).scenario).toEqual({ kind: "catalogue", id: "disk-happy-path" });
  });
});

describe("the Redis version the page runs, in the store and the link (docs/versions.md)", () => {
  afterEach(() => {
    sync?.stop();
    vi.useRealTimers();
  });

  it("switching runs the same scenario on 5.0.5 at the same moment, and the link keeps it; Back returns to 4.0.14", () => {
    vi.useFakeTimers();
    s().loadScenario("fork-failure-disk");
    const w = start("/");
    while ((s().trace.frames[s().cursor]?.t ?? 0) < 250) s().stepForward();
    const t = s().trace.frames[s().cursor]!.t;
    expect(s().trace.redis).toBe("4.0.14");
    expect(s().setRedis("5.0.5")).toBe(true);
    expect(s().redis).toBe("5.0.5");
    expect(s().scenario.redis).toBe("5.0.5");
    expect(s().baseScenario.redis).toBe("4.0.14");
    expect(s().trace.redis).toBe("5.0.5");
    // The same moment: the last step at or before it.
    expect(s().trace.frames[s().cursor]!.t).toBeLessThanOrEqual(t);
    expect(s().trace.frames[s().cursor]!.t).toBeGreaterThan(0);
    sync!.flush();
    expect(linkOf(w.win.location.hash).redis).toBe("5.0.5");
    w.back();
    expect(s().redis).toBe("4.0.14");
    expect(linkOf(w.win.location.hash).redis).toBeUndefined();
    w.forward();
    expect(s().redis).toBe("5.0.5");
  });

  it("a link with r opens on that version; one without opens on the scenario's own, whatever the page ran before", () => {
    const onFive = linkHash({ scenario: { kind: "catalogue", id: "fork-failure-disk" }, edits: [], frame: 3, step: "event", panels: [], redis: "5.0.5" });
    start(`/${onFive}`);
    expect(s()).toMatchObject({ redis: "5.0.5", cursor: 3 });
    sync!.stop();
    const own = linkHash({ scenario: { kind: "catalogue", id: "disk-happy-path" }, edits: [], frame: 0, step: "event", panels: [] });
    start(`/${own}`);
    expect(s().redis).toBe("4.0.14");
  });

  it("picking another scenario keeps the chosen version when it can run there, else opens on the scenario's own", () => {
    s().loadScenario("fork-failure-disk");
    s().setRedis("5.0.5");
    s().loadScenario("disk-happy-path");
    expect(s().redis).toBe("5.0.5");
    // Scenario 15's EVALSHA is 4.0.14's (src/model/versions/modelled.ts).
    s().loadScenario("evalsha-full-sync");
    expect(s().redis).toBe("4.0.14");
  });

  it("refuses a version the scenario cannot run on, with a notice, and changes nothing", () => {
    s().loadScenario("evalsha-full-sync");
    const before = s().trace;
    expect(s().setRedis("5.0.5")).toBe(false);
    expect(s().trace).toBe(before);
    expect(s().notice).toMatchObject({ key: "versionRefused", redis: "5.0.5" });
    expect(s().setRedis("7.0.15")).toBe(false);
    expect(s().redis).toBe("4.0.14");
  });

  it("a link asking for a version its scenario cannot run on is refused by name", () => {
    const bad = linkHash({ scenario: { kind: "catalogue", id: "evalsha-full-sync" }, edits: [], frame: 0, step: "event", panels: [], redis: "5.0.5" });
    const r = decodeLink(bad.slice(HASH_PREFIX.length));
    expect(r.ok || r.problem).toMatchObject({ code: "version", detail: expect.stringMatching(/^Redis 5\.0\.5 replicates a script's effects/) });
    const unknown = encodePayload({ v: 1, s: "fork-failure-disk", r: "6.0" });
    const u = decodeLink(unknown);
    expect(u.ok || u.problem.code).toBe("shape");
  });

  it("a narration written for 4.0.14 stays written for 4.0.14 when its scenario runs on 5.0.5", () => {
    const doc = { ...findScenario("disk-happy-path")!, id: "mine", writtenFor: undefined, versionNotes: undefined, steps: [] };
    s().loadCustomScenario(doc);
    s().setRedis("5.0.5");
    expect(s().scenario.writtenFor).toEqual(["4.0.14"]);
    expect(narratedOn(s().scenario, "5.0.5")).toBe(false);
    expect(narratedOn(s().scenario, "4.0.14")).toBe(true);
  });

  it("edits made on 5.0.5 stay on 5.0.5", () => {
    s().loadScenario("disk-happy-path");
    s().setRedis("5.0.5");
    s().addEdit({ kind: "event", event: { at: 0.5, type: "fork-fails" } });
    expect(s().redis).toBe("5.0.5");
    expect(s().trace.redis).toBe("5.0.5");
    s().undoEdit();
    expect(s().trace.redis).toBe("5.0.5");
  });
});
