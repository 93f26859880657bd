import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { findScenario } from "../scenarios/catalogue";
import { canonicalJson } from "./payload";
import { contentHash, createDocKeeper, MAX_KEPT_DOCS, type KeptStorage } from "./keptDocs";

function mapStorage(quotaChars = Infinity): KeptStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      let used = 0;
      for (const [key, val] of items) if (key !== k) used += key.length + val.length;
      if (used + k.length + v.length > quotaChars) throw new DOMException("full", "QuotaExceededError");
      items.set(k, v);
    },
    removeItem: (k) => void items.delete(k),
  };
}

const doc = (n: number) => ({ ...findScenario("disk-happy-path")!, id: `doc-${n}`, title: { en: `Doc ${n}`, zh: `文档 ${n}` } });

describe("documents kept in this browser under a content hash", () => {
  it("names a document by its content: the same content, the same hash; any change, another", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (a, b) => {
        expect(contentHash(a)).toMatch(/^[0-9a-f]{32}$/);
        expect(contentHash(a)).toBe(contentHash(a));
        if (a !== b) expect(contentHash(a)).not.toBe(contentHash(b));
      }),
    );
  });

  it("a document kept by one page is found by the next one over the same storage, validated", () => {
    const storage = mapStorage();
    const d = doc(1);
    const { hash, stored } = createDocKeeper(storage).keep(d, canonicalJson(d));
    expect(stored).toBe(true);
    const found = createDocKeeper(storage).find(hash);
    expect(found.ok && found.scenario.title.en).toBe("Doc 1");
    expect(createDocKeeper(mapStorage()).find(hash)).toEqual({ ok: false, why: "missing" });
    expect(createDocKeeper(storage).find("not a hash")).toEqual({ ok: false, why: "missing" });
  });

  it("keeps at most a few documents, dropping the least recently used first", () => {
    const storage = mapStorage();
    const keeper = createDocKeeper(storage);
    const hashes: string[] = [];
    for (let n = 0; n < MAX_KEPT_DOCS + 2; n++) {
      // Just before the last two are kept, the first one is opened again (a reload of its link).
      if (n === MAX_KEPT_DOCS) expect(createDocKeeper(storage).find(hashes[0]!).ok).toBe(true);
      const d = doc(n);
      hashes.push(keeper.keep(d, canonicalJson(d)).hash);
    }
    const later = createDocKeeper(storage);
    const kept = hashes.filter((h) => later.find(h).ok);
    expect(kept).toHaveLength(MAX_KEPT_DOCS);
    expect(kept).toContain(hashes[0]);
    expect(kept).not.toContain(hashes[1]);
    expect(kept).not.toContain(hashes[2]);
  });

  it("a full storage drops older documents to make room; one that never fits stays on this page and says it is not stored", () => {
    const d1 = doc(1);
    const one = canonicalJson(d1);
    const probe = mapStorage();
    createDocKeeper(probe).keep(d1, one);
    const size = [...probe.items].reduce((n, [k, v]) => n + k.length + v.length, 0);
    // Room for one document and a half: the second one pushes the first out.
    const storage = mapStorage(Math.round(size * 1.5));
    const keeper = createDocKeeper(storage);
    const first = keeper.keep(d1, one);
    const d2 = doc(2);
    const second = keeper.keep(d2, canonicalJson(d2));
    expect(first.stored && second.stored).toBe(true);
    expect(createDocKeeper(storage).find(first.hash).ok).toBe(false);
    expect(createDocKeeper(storage).find(second.hash).ok).toBe(true);

    const tiny = createDocKeeper(mapStorage(10));
    const r = tiny.keep(d1, one);
    expect(r.stored).toBe(false);
    expect(tiny.find(r.hash).ok).toBe(true);
  });

  it("a storage that throws on every call keeps nothing and never throws", () => {
    const broken: KeptStorage = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
      removeItem: () => {
        throw new Error("denied");
      },
    };
    const d = doc(3);
    expect(() => createDocKeeper(broken).keep(d, canonicalJson(d))).not.toThrow();
    expect(createDocKeeper(broken).find(contentHash("x"))).toEqual({ ok: false, why: "missing" });
    expect(createDocKeeper(null).find(contentHash("x"))).toEqual({ ok: false, why: "missing" });
  });
});
