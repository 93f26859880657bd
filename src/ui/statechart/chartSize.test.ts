import { describe, expect, it } from "vitest";
import { CHART } from "./chartLayout";
import { CHART_SIZE } from "./chartSize";

describe("the statechart's room in a card", () => {
  it("is the size the layout draws", () => {
    expect({ width: CHART.width, height: CHART.height }).toEqual(CHART_SIZE);
  });
});
