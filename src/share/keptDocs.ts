/**
 * Scenarios too large for a link, kept in this browser under a content hash (docs/architecture.md §7).
 *
 * A link carries a user's scenario whole when it fits the link limits (src/share/limits.ts). One
 * that does not (a file of up to 2 MiB opens, but a link holds at most 512 KiB of JSON) is kept in
 * the browser's storage instead, compressed, under the hash of its content; the link then names
 * it as `kept:<hash>`. Reloading, Back and Forward, and the lecture windows (same browser, same
 * storage) find it again; a browser that does not have it says so and names what to share
 * instead. The same document always gets the same hash, so keeping it twice stores it once.
 *
 * The storage holds a few such documents: the least recently used go first when it is full, and a
 * document that cannot be stored at all is still on screen (the page says the link will not
 * survive a reload).
 */
import { deflateSync, inflateSync } from "fflate";
import { validateScenario, type Scenario } from "../scenarios/schema";
import { fromBase64Url, toBase64Url } from "./base64url";
import { MAX_SCENARIO_FILE_BYTES } from "./limits";

/** What the keeper needs of a storage (localStorage, or a map in tests). */
export interface KeptStorage {
  getItem(name: string): string | null;
  setItem(name: string, value: string): unknown;
  removeItem(name: string): unknown;
}

/** A content hash: 128 bits as 32 lowercase hex digits. */
export const KEPT_HASH = /^[0-9a-f]{32}$/;

const PREFIX = "fullresync-lab:kept:";
const INDEX = "fullresync-lab:kept-index";
/** At most this many kept documents; the least recently used goes first. */
export const MAX_KEPT_DOCS = 8;

/**
 * A 128-bit content hash of a text: four 32-bit FNV-1a style lanes with different seeds, mixed at
 * the end. It names a document in this browser's storage; it is not a security measure (a kept
 * document is validated again whenever it is read).
 */
export function contentHash(text: string): string {
  let h1 = 0x811c9dc5 ^ 0;
  let h2 = 0x01000193 ^ 0x9e3779b9;
  let h3 = 0xcbf29ce4 ^ 0x85ebca6b;
  let h4 = 0x84222325 ^ 0xc2b2ae35;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h3 = Math.imul(h3 ^ c, 0x85ebca6b);
    h4 = Math.imul(h4 ^ c, 0xc2b2ae35);
  }
  const mix = (h: number, k: number) => {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b ^ k);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  const n = text.length;
  return [mix(h1 ^ n, 1), mix(h2 ^ h1, 2), mix(h3 ^ h2, 3), mix(h4 ^ h3, 4)].map((h) => h.toString(16).padStart(8, "0")).join("");
}

/** Why a kept document could not be read back. */
export type KeptMissing = "missing" | "damaged";

export interface DocKeeper {
  /**
   * Keep `scenario` (`json` gives its JSON text, asked for only the first time); its hash, and
   * whether it is stored. Asked again for the same document, it answers from memory: a document
   * the storage could not take is not tried again on every cursor move.
   */
  keep(scenario: Scenario, json: string | (() => string)): { hash: string; stored: boolean };
  /** The document kept under `hash`, validated again; or why there is none. */
  find(hash: string): { ok: true; scenario: Scenario } | { ok: false; why: KeptMissing };
}

function readIndex(storage: KeptStorage): string[] {
  try {
    const raw = storage.getItem(INDEX);
    const list: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(list) ? list.filter((h): h is string => typeof h === "string" && KEPT_HASH.test(h)) : [];
  } catch {
    return [];
  }
}

function writeIndex(storage: KeptStorage, index: string[]): void {
  try {
    storage.setItem(INDEX, JSON.stringify(index));
  } catch {
    // The index only orders eviction; losing an update keeps every document readable.
  }
}

/** A keeper over `storage`; `null` storage (none available) keeps nothing and finds nothing. */
export function createDocKeeper(storage: KeptStorage | null): DocKeeper {
  /** Documents kept by this page: a repeated keep costs nothing, and a document survives a full storage for this page's life. */
  const here = new Map<string, Scenario>();
  const hashOf = new WeakMap<Scenario, { hash: string; stored: boolean }>();

  const touch = (hash: string) => {
    if (!storage) return;
    const index = readIndex(storage).filter((h) => h !== hash);
    index.push(hash);
    writeIndex(storage, index);
  };

  return {
    keep(scenario, jsonOf) {
      const known = hashOf.get(scenario);
      if (known) return known;
      const json = typeof jsonOf === "string" ? jsonOf : jsonOf();
      const hash = contentHash(json);
      here.set(hash, scenario);
      let stored = false;
      if (storage) {
        const value = toBase64Url(deflateSync(new TextEncoder().encode(json), { level: 9 }));
        const index = readIndex(storage).filter((h) => h !== hash);
        // The least recently used go first, to stay within MAX_KEPT_DOCS and then within the quota.
        while (index.length >= MAX_KEPT_DOCS) storage.removeItem(PREFIX + (index.shift() as string));
        for (;;) {
          try {
            storage.setItem(PREFIX + hash, value);
            stored = true;
            break;
          } catch {
            const oldest = index.shift();
            if (oldest === undefined) break;
            storage.removeItem(PREFIX + oldest);
          }
        }
        if (stored) index.push(hash);
        writeIndex(storage, index);
      }
      const result = { hash, stored };
      hashOf.set(scenario, result);
      return result;
    },
    find(hash) {
      if (!KEPT_HASH.test(hash)) return { ok: false, why: "missing" };
      const mine = here.get(hash);
      if (mine) {
        touch(hash);
        return { ok: true, scenario: mine };
      }
      let raw: string | null = null;
      try {
        raw = storage?.getItem(PREFIX + hash) ?? null;
      } catch {
        raw = null;
      }
      if (raw === null) return { ok: false, why: "missing" };
      const bytes = raw.length <= MAX_SCENARIO_FILE_BYTES * 2 ? fromBase64Url(raw) : null;
      if (!bytes) return { ok: false, why: "damaged" };
      let value: unknown;
      try {
        const out = new Uint8Array(MAX_SCENARIO_FILE_BYTES + 1);
        const json = inflateSync(bytes, { out });
        if (json.length > MAX_SCENARIO_FILE_BYTES) return { ok: false, why: "damaged" };
        const text = new TextDecoder("utf-8", { fatal: true }).decode(json);
        // What is stored is trusted no more than a file: the same hash, then the validator.
        if (contentHash(text) !== hash) return { ok: false, why: "damaged" };
        value = JSON.parse(text);
      } catch {
        return { ok: false, why: "damaged" };
      }
      const checked = validateScenario(value);
      if (!checked.ok) return { ok: false, why: "damaged" };
      here.set(hash, checked.scenario);
      hashOf.set(checked.scenario, { hash, stored: true });
      touch(hash);
      return { ok: true, scenario: checked.scenario };
    },
  };
}

/** The browser's localStorage, or null where there is none (or it may not be used). */
export function browserStorage(): KeptStorage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
