import { describe, expect, it } from "vitest";
import { registerNarration, withNarration } from "./narration";
import { scenario } from "../model/test/helpers";

describe("withNarration: a document carries its narration", () => {
  const base = scenario("disk-happy-path");
  const { steps, ...bare } = base;

  it("takes a catalogue scenario's separately loaded steps into the document", () => {
    expect(steps?.length).toBeGreaterThan(0);
    registerNarration({ [base.id]: steps ?? [] });
    expect(withNarration(bare).steps).toEqual(steps);
    expect("steps" in bare).toBe(false); // the scenario itself is left as it was
  });

  it("keeps a document's own steps, and a scenario with no narration anywhere stays without", () => {
    const own = { ...base, steps: [] };
    expect(withNarration(own)).toBe(own);
    const other = { ...bare, id: "not-in-the-catalogue" };
    expect(withNarration(other)).toBe(other);
  });
});
