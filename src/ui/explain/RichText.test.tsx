import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RichText, richParts } from "./RichText";

describe("RichText", () => {
  it("renders *emphasis* as <em>, and backticks as <code>", () => {
    const html = renderToStaticMarkup(<RichText text="writes `+FULLRESYNC` to r1 *before* forking" />);
    expect(html).toContain("<em>before</em>");
    expect(html).toMatch(/<code[^>]*>\+FULLRESYNC<\/code>/);
    expect(html).not.toContain("*");
  });

  it("leaves asterisks inside code, lone or spaced ones as they are", () => {
    expect(richParts("`*rsiptr` and `a*b*c`")).toEqual([
      { kind: "code", text: "*rsiptr" },
      { kind: "text", text: " and " },
      { kind: "code", text: "a*b*c" },
    ]);
    expect(richParts("2 * 3 * 4")).toEqual([{ kind: "text", text: "2 * 3 * 4" }]);
    expect(richParts("a * b")).toEqual([{ kind: "text", text: "a * b" }]);
    expect(richParts("**")).toEqual([{ kind: "text", text: "**" }]);
    expect(richParts("*one* and *two words*")).toEqual([
      { kind: "em", text: "one" },
      { kind: "text", text: " and " },
      { kind: "em", text: "two words" },
    ]);
  });

  it("never parses markup: text that looks like HTML is shown as text", () => {
    const html = renderToStaticMarkup(<RichText text={'*<img src=x onerror="alert(1)">* `<b>`'} />);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("<em>&lt;img");
  });
});
