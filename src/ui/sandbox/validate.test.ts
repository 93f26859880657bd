import { describe, expect, it } from "vitest";
import { toolsEn } from "../i18n/en/tools";
import { checkInteger, checkNumber, checkReplicaId, checkSha } from "./validate";

const E = toolsEn.sandbox.errors;

describe("sandbox fields", () => {
  it("take whole numbers in range and name the field otherwise", () => {
    expect(checkInteger(E, "Delay", " 5 ", 0, 3600)).toEqual({ ok: true, value: 5 });
    for (const bad of ["", "-1", "3601", "1.5", "5s", "1e3", "0x10"]) {
      const r = checkInteger(E, "Delay", bad, 0, 3600);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/^Delay: /);
    }
  });

  it("take decimal numbers in range", () => {
    expect(checkNumber(E, "Duration", "2.5", 0.001, 86400)).toEqual({ ok: true, value: 2.5 });
    expect(checkNumber(E, "Duration", "0", 0.001, 86400).ok).toBe(false);
    expect(checkNumber(E, "Duration", "Infinity", 0.001, 86400).ok).toBe(false);
    expect(checkNumber(E, "Duration", "NaN", 0.001, 86400).ok).toBe(false);
  });

  it("take new replica ids only", () => {
    const taken = new Set(["r1"]);
    expect(checkReplicaId(E, "Replica id", "r2", taken)).toEqual({ ok: true, value: "r2" });
    const dup = checkReplicaId(E, "Replica id", "r1", taken);
    expect(!dup.ok && dup.message).toContain('"r1" already exists');
    expect(checkReplicaId(E, "Replica id", "2r", taken).ok).toBe(false);
    expect(checkReplicaId(E, "Replica id", "<img>", taken).ok).toBe(false);
  });

  it("take a SHA1 in either case", () => {
    expect(checkSha(E, "SHA", "977FBD4A4958E03B169E1EE1DAAD5F92589CD641")).toEqual({ ok: true, value: "977fbd4a4958e03b169e1ee1daad5f92589cd641" });
    expect(checkSha(E, "SHA", "abc").ok).toBe(false);
  });
});
