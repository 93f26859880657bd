import { describe, expect, it } from "vitest";
import { embedRange, embedSnippet, embedSrc, isEmbed, readEmbedParams } from "./embedParams";

describe("the embed query", () => {
  it("is recognised with or without a value", () => {
    expect(isEmbed("?embed")).toBe(true);
    expect(isEmbed("?embed=1&from=3")).toBe(true);
    expect(isEmbed("?from=3")).toBe(false);
    expect(isEmbed("")).toBe(false);
  });

  it("reads the range in frame numbers from 1, as indices, and the flags", () => {
    expect(readEmbedParams("?embed&frames=4-9&autoplay&loop")).toEqual({ from: 3, to: 8, autoplay: true, loop: true });
    expect(readEmbedParams("?embed&frames=4-")).toMatchObject({ from: 3, to: null });
    expect(readEmbedParams("?embed&frames=4")).toMatchObject({ from: 3, to: 3 });
    expect(readEmbedParams("?embed&frames=0-2")).toMatchObject({ from: 0, to: 1 });
  });

  it("still reads links written with 0-based from/to, and prefers frames= when both are there", () => {
    expect(readEmbedParams("?embed&from=3&to=8&autoplay&loop")).toEqual({ from: 3, to: 8, autoplay: true, loop: true });
    expect(readEmbedParams("?embed&from=3&to=8&frames=1-2")).toMatchObject({ from: 0, to: 1 });
    expect(readEmbedParams("?embed&autoplay=0")).toEqual({ from: null, to: null, autoplay: false, loop: false });
  });

  it("ignores values that are not frame numbers", () => {
    for (const bad of ["-1", "3.5", "1e3", "<b>", "", "99999999"]) {
      expect(readEmbedParams(`?embed&from=${encodeURIComponent(bad)}`).from, bad).toBeNull();
      expect(readEmbedParams(`?embed&frames=${encodeURIComponent(bad)}`).from, bad).toBeNull();
    }
  });

  it("clamps the range to the trace, with from ≤ to", () => {
    expect(embedRange({ from: 3, to: 8 }, 42)).toEqual({ from: 3, to: 8 });
    expect(embedRange({ from: null, to: null }, 42)).toEqual({ from: 0, to: 41 });
    expect(embedRange({ from: 50, to: 60 }, 42)).toEqual({ from: 41, to: 41 });
    expect(embedRange({ from: 9, to: 4 }, 42)).toEqual({ from: 9, to: 9 });
    expect(embedRange({ from: 2, to: null }, 1)).toEqual({ from: 0, to: 0 });
  });
});

describe("the embed snippet", () => {
  const base = { base: "https://lab.example/", hash: "#s=abc_-", from: 3, to: 8, autoplay: true, loop: false };

  it("opens the range, the flags and the moment", () => {
    expect(embedSrc(base)).toBe("https://lab.example/?embed&frames=4-9&autoplay#s=abc_-");
    const back = new URL(embedSrc({ ...base, loop: true }));
    expect(readEmbedParams(back.search)).toEqual({ from: 3, to: 8, autoplay: true, loop: true });
    expect(back.hash).toBe("#s=abc_-");
  });

  it("escapes what goes into attributes", () => {
    const s = embedSnippet({ ...base, width: 800, height: 450, title: `"><script>alert(1)</script>` });
    expect(s).not.toContain("<script>");
    expect(s).toContain('title="&quot;&gt;&lt;script&gt;');
    expect(s).toContain('src="https://lab.example/?embed&amp;frames=4-9&amp;autoplay#s=abc_-"');
    expect(s).toMatch(/^<iframe [^<>]*><\/iframe>$/);
  });
});
