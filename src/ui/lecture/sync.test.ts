import { describe, expect, it } from "vitest";
import { encodeLink } from "../../share/codec";
import { createLabStore, memoryStorage } from "../../store/labStore";
import { parseSyncMessage, startLectureSync, type ChannelLike } from "./sync";

/** A fresh store per window. */
const makeStore = () => createLabStore({ storage: memoryStorage() });

/** BroadcastChannel semantics, synchronously: a message reaches every other channel on the bus. */
function bus() {
  const members = new Set<FakeChannel>();
  class FakeChannel implements ChannelLike {
    listeners = new Set<(e: MessageEvent) => void>();
    constructor() {
      members.add(this);
    }
    postMessage(message: unknown) {
      const data = structuredClone(message);
      for (const m of members) if (m !== this) for (const l of m.listeners) l({ data } as MessageEvent);
    }
    addEventListener(_: "message", l: (e: MessageEvent) => void) {
      this.listeners.add(l);
    }
    removeEventListener(_: "message", l: (e: MessageEvent) => void) {
      this.listeners.delete(l);
    }
    close() {
      members.delete(this);
    }
  }
  return { channel: () => new FakeChannel(), members };
}

const link = encodeLink({ scenario: { kind: "catalogue", id: "fork-failure-disk" }, edits: [], frame: 3, step: "line", lang: "zh", panels: [] });

describe("lecture sync messages", () => {
  it("are read only when every field is what the protocol says", () => {
    const good = { app: "fullresync-lab", v: 1, type: "state", from: "a-1", clock: 5, link, blank: false };
    expect(parseSyncMessage(good)).toEqual(good);
    expect(parseSyncMessage({ app: "fullresync-lab", v: 1, type: "hello", from: "b" })).toMatchObject({ type: "hello" });
    for (const bad of [
      null,
      "state",
      [good],
      { ...good, app: "other" },
      { ...good, v: 2 },
      { ...good, type: "steer" },
      { ...good, from: "<img>" },
      { ...good, from: "" },
      { ...good, clock: -1 },
      { ...good, clock: 1.5 },
      { ...good, clock: "5" },
      { ...good, link: "#s=abc" },
      { ...good, link: "x".repeat(70_000) },
      { ...good, link: 42 },
      { ...good, blank: "yes" },
    ]) {
      expect(parseSyncMessage(bad), JSON.stringify(bad)?.slice(0, 80)).toBeNull();
    }
  });
});

describe("the lecture window and the speaker window", () => {
  it("follow each other both ways: scenario, frame, step size, language and the blank screen", () => {
    const b = bus();
    let t = 1000;
    const now = () => t++;
    const audience = makeStore();
    audience.getState().loadScenario("diskless-batching");
    audience.getState().seek(4);
    const stopA = startLectureSync(audience, { fresh: false, channel: b.channel(), id: "aaa", now });
    const speaker = makeStore();
    const stopS = startLectureSync(speaker, { fresh: true, channel: b.channel(), id: "sss", now });

    // The new speaker window asked and took the lecture window's moment.
    expect(speaker.getState().baseScenario.id).toBe("diskless-batching");
    expect(speaker.getState().cursor).toBe(4);

    speaker.getState().stepForward();
    expect(audience.getState().cursor).toBe(speaker.getState().cursor);
    audience.getState().setStepSize("line");
    audience.getState().stepForward();
    expect(speaker.getState().stepSize).toBe("line");
    expect(speaker.getState().cursor).toBe(audience.getState().cursor);
    speaker.getState().setLang(speaker.getState().lang === "zh" ? "en" : "zh");
    expect(audience.getState().lang).toBe(speaker.getState().lang);
    speaker.getState().setBlank(true);
    expect(audience.getState().blank).toBe(true);
    audience.getState().loadScenario("fork-failure-socket");
    expect(speaker.getState().baseScenario.id).toBe("fork-failure-socket");

    // Each window keeps its own panels.
    audience.getState().setPanel("sandbox", true);
    speaker.getState().stepForward();
    expect(audience.getState().panels.sandbox).toBe(true);

    stopA();
    stopS();
    expect(b.members.size).toBe(0);
  });

  it("ignore malformed, damaged and hostile messages", () => {
    const b = bus();
    const audience = makeStore();
    audience.getState().loadScenario("disk-happy-path");
    startLectureSync(audience, { fresh: false, channel: b.channel(), id: "aaa", now: () => 10 });
    const intruder = b.channel();
    const before = audience.getState();
    for (const data of [
      { app: "fullresync-lab", v: 1, type: "state", from: "zzz", clock: 99, link: "AAAA", blank: true },
      { app: "fullresync-lab", v: 1, type: "state", from: "zzz", clock: 99, link: encodeLink({ scenario: { kind: "catalogue", id: "disk-happy-path" }, edits: [], frame: 0, step: "event", panels: [] }).slice(0, 10), blank: true },
      { app: "fullresync-lab", v: 1, type: "state", from: "zzz", clock: 99, blank: true },
      { type: "state", cursor: 5 },
      "hello",
    ])
      intruder.postMessage(data);
    const after = audience.getState();
    expect(after.baseScenario).toBe(before.baseScenario);
    expect(after.cursor).toBe(before.cursor);
    expect(after.blank).toBe(false);
  });

  it("settle on the later move when both move at once", () => {
    const b = bus();
    const one = makeStore();
    const two = makeStore();
    one.getState().loadScenario("disk-happy-path");
    two.getState().loadScenario("disk-happy-path");
    const a = b.channel();
    const c = b.channel();
    startLectureSync(one, { fresh: false, channel: a, id: "one", now: () => 50 });
    startLectureSync(two, { fresh: false, channel: c, id: "two", now: () => 50 });
    // An older message (a window that was away) does not pull either back.
    b.channel().postMessage({ app: "fullresync-lab", v: 1, type: "state", from: "old", clock: 1, link, blank: false });
    expect(one.getState().baseScenario.id).toBe("disk-happy-path");
    expect(two.getState().baseScenario.id).toBe("disk-happy-path");
    two.getState().seek(5);
    expect(one.getState().cursor).toBe(5);
  });
});
