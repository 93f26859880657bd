import { describe, expect, it } from "vitest";
import { en } from "./en";
import { toolsEn } from "./tools.en";
import { toolsZh } from "./tools.zh";
import { zh } from "./zh";

/** Every leaf of a dictionary object, as "a.b.c:type". */
function leaves(o: unknown, path = ""): string[] {
  if (o && typeof o === "object") return Object.entries(o).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [`${path}:${typeof o}`];
}

function emptyStrings(o: unknown, path = ""): string[] {
  if (o && typeof o === "object") return Object.entries(o).flatMap(([k, v]) => emptyStrings(v, path ? `${path}.${k}` : k));
  return o === "" ? [path] : [];
}

describe("the picker's and the tools' words", () => {
  it("exist in both languages, key for key", () => {
    expect(leaves(zh.panels).sort()).toEqual(leaves(en.panels).sort());
    expect(leaves(toolsZh).sort()).toEqual(leaves(toolsEn).sort());
  });

  it("are never empty", () => {
    expect([...emptyStrings(en.panels), ...emptyStrings(zh.panels), ...emptyStrings(toolsEn), ...emptyStrings(toolsZh)]).toEqual([]);
  });

  it("name the field in every validation message", () => {
    for (const errors of [toolsEn.sandbox.errors, toolsZh.sandbox.errors, toolsEn.probe.errors]) {
      expect(errors.integer("FIELD", 0, 9)).toContain("FIELD");
      expect(errors.number("FIELD", 0, 9)).toContain("FIELD");
      expect(errors.id("FIELD")).toContain("FIELD");
      expect(errors.idTaken("FIELD", "r1")).toContain("FIELD");
      expect(errors.sha("FIELD")).toContain("FIELD");
      expect(errors.required("FIELD")).toContain("FIELD");
    }
  });
});
