import { describe, expect, it } from "vitest";
import { en } from "./en";
import { zh } from "./zh";

/** Every leaf of a dictionary object, as "a.b.c" paths with the leaf's type. */
function leaves(o: unknown, path = ""): string[] {
  if (o && typeof o === "object") return Object.entries(o).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [`${path}:${typeof o}`];
}

describe("the sharing words", () => {
  it("exist in both languages, key for key, and are never empty", () => {
    expect(leaves(zh.share).sort()).toEqual(leaves(en.share).sort());
    for (const dict of [en.share, zh.share]) {
      for (const [key, value] of Object.entries(dict)) if (typeof value === "string") expect(value, key).not.toBe("");
    }
  });

  it("name the detail of every link problem (the field, value or message)", () => {
    for (const dict of [en.share, zh.share]) {
      for (const [code, text] of Object.entries(dict.problems)) {
        const out = text("DETAIL");
        expect(out, code).not.toBe("");
        if (!["not-base64", "damaged", "not-a-link", "too-big"].includes(code)) expect(out, code).toContain("DETAIL");
      }
    }
  });

  it("say \"Link copied\" in English, as the tests and the help expect", () => {
    expect(en.share.linkCopied).toMatch(/^Link copied/);
    expect(en.share.copyLink).toBe("Copy link");
  });
});
