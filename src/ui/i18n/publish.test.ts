import { describe, expect, it } from "vitest";
import { publishEn } from "./publish.en";
import { PUBLISH_HEADER } from "./publish.header";
import { publishZh } from "./publish.zh";

/** Every leaf of a dictionary object, as "a.b.c:type". */
function leaves(o: unknown, path = ""): string[] {
  if (o && typeof o === "object") return Object.entries(o).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [`${path}:${typeof o}`];
}

/** Every leaf as text: strings as they are, functions called with placeholder arguments. */
function texts(o: unknown, path = ""): [string, string][] {
  if (o && typeof o === "object") return Object.entries(o).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
  if (typeof o === "function") return [[path, String((o as (...a: unknown[]) => unknown)("X", 1, 2))]];
  return [[path, String(o)]];
}

describe("the embedding and export words", () => {
  it("exist in both languages, key for key", () => {
    expect(leaves(publishZh).sort()).toEqual(leaves(publishEn).sort());
    expect(leaves(PUBLISH_HEADER.zh).sort()).toEqual(leaves(PUBLISH_HEADER.en).sort());
  });

  it("are never empty", () => {
    for (const dict of [publishEn, publishZh, PUBLISH_HEADER.en, PUBLISH_HEADER.zh]) {
      for (const [path, text] of texts(dict)) expect(text.trim(), path).not.toBe("");
    }
  });

  it("use the names the tests and the embedded view's controls rely on in English", () => {
    expect(PUBLISH_HEADER.en.embed).toBe("Embed");
    expect(PUBLISH_HEADER.en.export).toBe("Export");
    expect(publishEn.embed.forward).toBe("Step forward");
    expect(publishEn.embed.first).toBe("First step");
    expect(publishEn.embed.timeline).toBe("Timeline");
  });

  it("put the arguments into the texts that take them", () => {
    for (const dict of [publishEn, publishZh]) {
      expect(dict.embed.badRange(41)).toContain("41");
      expect(dict.embed.iframeTitle("TITLE")).toContain("TITLE");
      expect(dict.walkthrough.heading("TITLE")).toContain("TITLE");
      expect(dict.walkthrough.frame(7, "1.250")).toContain("1.250");
      expect(dict.export.failed("WHY")).toContain("WHY");
    }
  });
});
