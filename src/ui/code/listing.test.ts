import { describe, expect, it } from "vitest";
import { firstLineCount, lineMarks } from "./listing";
import { SEED_LINES } from "./seed";

describe("firstLineCount: the lines of the listing's first render", () => {
  it("fills a window's height of lines when no line is current", () => {
    // 720 px hold 44 lines of 16.6 px: more than the box (under the header) can show.
    expect(firstLineCount(null, 720)).toBe(44);
    expect(firstLineCount(null, 720)).toBeLessThan(SEED_LINES.length);
  });

  it("reaches a window's height past the current line, so the scroll can put it a third of the way down", () => {
    expect(firstLineCount(10, 720)).toBe(54);
    expect(firstLineCount(30, 400)).toBe(55);
  });

  it("never exceeds the function and is all of it on a tall window or a late line", () => {
    expect(firstLineCount(null, 2160)).toBe(SEED_LINES.length);
    expect(firstLineCount(SEED_LINES.length, 720)).toBe(SEED_LINES.length);
  });
});

describe("lineMarks", () => {
  it("marks the current line and the next one", () => {
    const marks = lineMarks(21, 22);
    expect(marks.get(21)).toBe("current");
    expect(marks.get(22)).toBe("next");
  });

  it("marks nothing outside the function", () => {
    expect(lineMarks(null, null).size).toBe(0);
  });
});
