/**
 * Keeping the lecture window and the speaker window in step (docs/architecture.md §7), over a BroadcastChannel
 * named "fullresync-lab". Either window can move; the other follows.
 *
 * A state message carries the moment as an encoded share link (src/share: scenario id or whole
 * document, sandbox edits, frame, step size, language) plus whether the screen is blanked. It is
 * decoded by the same defensive decoder as a link typed into the address bar, so a message from
 * anything else on the origin (an old tab, a script, a damaged message) is checked before use and
 * ignored if it is not a well-formed moment.
 *
 * Ordering: every local change is stamped with a clock (wall time, kept increasing); a window
 * applies a state only if its stamp is newer than the last one it made or applied (ties go to the
 * larger window id), so two windows moved at once settle on the later move instead of
 * ping-ponging. A new speaker window starts older than everything and says "hello"; the lecture
 * window answers with where it is.
 *
 * Clocks stay bounded by the wall clock both windows share: a stamp more than MAX_AHEAD_MS in the
 * future is not from a window of this browser and is ignored, so no message can push the clocks
 * towards the largest safe integer and leave the windows unable to outbid it. A window whose own clock has run ahead of the wall clock (the
 * machine's time was set back) drops it and takes the next move as a new window would (src/ui/lecture/sync.test.ts checks any mix
 * of hostile messages and moves ends in step).
 */
import { MAX_LINK_CHARS, decodeLink, encodeLink } from "../../share/codec";
import type { LabState } from "../../store/types";
import { applyLinkState, linkStateOf, openPanels, type Store } from "../../store/url";

const CHANNEL_NAME = "fullresync-lab";
const APP = "fullresync-lab";
const VERSION = 1;
const ID = /^[A-Za-z0-9-]{1,64}$/;
const TOKEN = /^[A-Za-z0-9_-]+$/;
/** How far ahead of this window's wall clock another window's stamp may be (same machine, same clock). */
export const MAX_AHEAD_MS = 5000;

export type SyncMessage =
  | { app: typeof APP; v: typeof VERSION; type: "hello"; from: string }
  | { app: typeof APP; v: typeof VERSION; type: "state"; from: string; clock: number; link: string; blank: boolean };

/** A message as received, checked field by field; anything else is null (and ignored). */
export function parseSyncMessage(data: unknown): SyncMessage | null {
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  const m = data as Record<string, unknown>;
  if (m.app !== APP || m.v !== VERSION || typeof m.from !== "string" || !ID.test(m.from)) return null;
  if (m.type === "hello") return { app: APP, v: VERSION, type: "hello", from: m.from };
  if (m.type !== "state") return null;
  if (typeof m.clock !== "number" || !Number.isSafeInteger(m.clock) || m.clock < 0) return null;
  if (typeof m.link !== "string" || m.link.length > MAX_LINK_CHARS || !TOKEN.test(m.link)) return null;
  if (typeof m.blank !== "boolean") return null;
  return { app: APP, v: VERSION, type: "state", from: m.from, clock: m.clock, link: m.link, blank: m.blank };
}

/** The part of BroadcastChannel used here (tests pass a fake). */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (e: MessageEvent) => void): void;
  removeEventListener(type: "message", listener: (e: MessageEvent) => void): void;
  close(): void;
}

export interface SyncOptions {
  /** A window that has not synced yet (the speaker window): it asks and follows the first answer. */
  fresh: boolean;
  channel?: ChannelLike;
  id?: string;
  now?: () => number;
}

function randomId(): string {
  try {
    return crypto.randomUUID();
  } catch {
    return `w${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  }
}

/** What a state message says about the store, in one comparable value per field. */
const synced = (s: LabState) => [s.baseScenario, s.edits, s.redis, s.cursor, s.stepSize, s.lang, s.blank] as const;

/** Start keeping `store` in step with the other windows; returns stop. Without BroadcastChannel it does nothing. */
export function startLectureSync(store: Store, options: SyncOptions): () => void {
  const channel = options.channel ?? (typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(CHANNEL_NAME));
  if (!channel) return () => {};
  const id = options.id ?? randomId();
  const now = options.now ?? Date.now;
  let clock = options.fresh ? -1 : now();
  let applying = false;

  const post = (message: SyncMessage) => {
    try {
      channel.postMessage(message);
    } catch {
      // A closed channel (the window is going away): nothing to tell.
    }
  };
  const stateMessage = (): SyncMessage => {
    const s = store.getState();
    // Panels (sandbox, help, lecture mode) belong to each window; the moment is what is shared.
    return { app: APP, v: VERSION, type: "state", from: id, clock: Math.max(clock, 0), link: encodeLink({ ...linkStateOf(s), panels: [] }), blank: s.blank };
  };

  /**
   * A clock that ran ahead of the wall clock is dropped: the window is as new, older than any move.
   * A window receiving gives its clock up at half the margin a window sending does: both may hold
   * the same clock, and the receiver reads the wall clock a moment later, so a sender that started
   * again (and stamps with the wall clock) is always believed.
   */
  const resync = (wall: number, margin: number) => {
    if (clock > wall + margin) clock = -1;
  };

  const onMessage = (e: MessageEvent) => {
    const m = parseSyncMessage(e.data);
    if (!m || m.from === id) return;
    if (m.type === "hello") {
      if (clock >= 0) post(stateMessage());
      return;
    }
    const wall = now();
    resync(wall, MAX_AHEAD_MS / 2);
    if (m.clock > wall + MAX_AHEAD_MS) return;
    if (m.clock < clock || (m.clock === clock && m.from < id)) return;
    const decoded = decodeLink(m.link);
    if (!decoded.ok) return;
    clock = m.clock;
    applying = true;
    try {
      applyLinkState(store, { ...decoded.state, panels: openPanels(store.getState()) });
      if (store.getState().blank !== m.blank) store.getState().setBlank(m.blank);
    } finally {
      applying = false;
    }
  };
  channel.addEventListener("message", onMessage);

  const unsubscribe = store.subscribe((s, prev) => {
    if (applying) return;
    const a = synced(s);
    const b = synced(prev);
    if (a.every((v, i) => v === b[i])) return;
    const wall = now();
    resync(wall, MAX_AHEAD_MS);
    clock = Math.max(wall, clock + 1);
    post(stateMessage());
  });

  if (options.fresh) post({ app: APP, v: VERSION, type: "hello", from: id });
  else post(stateMessage());

  return () => {
    unsubscribe();
    channel.removeEventListener("message", onMessage);
    channel.close();
  };
}
