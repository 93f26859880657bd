import { describe, expect, it } from "vitest";
import { buildSearch, parseUrlState } from "./url";

describe("the URL as a projection of the store", () => {
  it("round-trips scenario, frame and step size", () => {
    const search = buildSearch("fork-failure-disk", 12, "line");
    expect(parseUrlState(search)).toEqual({ state: { scenario: "fork-failure-disk", frame: 12, step: "line" }, problems: [] });
  });

  it("drops anything invalid and says why, without throwing", () => {
    const { state, problems } = parseUrlState("?scenario=%3Cscript%3E&frame=1e9&step=sideways");
    expect(state).toEqual({});
    expect(problems).toHaveLength(3);
    expect(parseUrlState("?scenario=no-such-scenario").problems[0]).toContain("unknown scenario");
    expect(parseUrlState("?frame=-1").state.frame).toBeUndefined();
    expect(parseUrlState("").problems).toEqual([]);
  });
});
