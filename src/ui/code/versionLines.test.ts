/**
 * Another version's lines against the taught text's (src/ui/code/versionLines.ts): every statement
 * line of 5.0.5 has the role of the 4.0.14 line holding the same statement, in order, and the new
 * replstate line that of the drop; what a 5.0.5 line lights in the diagram is what its role lights.
 */
import { describe, expect, it } from "vitest";
import { runScenario } from "../../model";
import { SEED_STATEMENTS } from "../../model/seedLines";
import { STATEMENTS_5_0_5 } from "../../model/versions/5.0.5/lines";
import { findScenario } from "../../scenarios/catalogue";
import type { Scenario } from "../../scenarios/schema";
import { en } from "../i18n/en";
import { lineText } from "../explain/explainFrame";
import { lineLinks, stepEffects } from "../link/codeLink";
import { linesOfRole, roleOf, statementLineOf } from "./versionLines";

describe("5.0.5's lines by their 4.0.14 role", () => {
  it("each statement maps to the same statement of 4.0.14, the k-th occurrence to the k-th", () => {
    for (const [n, text] of Object.entries(STATEMENTS_5_0_5)) {
      const role = roleOf("5.0.5", Number(n));
      if (Number(n) === 52) continue;
      expect(role, `line ${n}`).not.toBeNull();
      expect(SEED_STATEMENTS[role as keyof typeof SEED_STATEMENTS], `line ${n}`).toBe(text);
    }
    // The two loops: 47/66 are the first and second listRewind.
    expect([roleOf("5.0.5", 47), roleOf("5.0.5", 66)]).toEqual([49, 68]);
    expect([roleOf("5.0.5", 60), roleOf("5.0.5", 80)]).toEqual([61, 82]);
  });

  it("the new `slave->replstate = REPL_STATE_NONE;` (line 52) has the drop's role, beside line 53", () => {
    expect(roleOf("5.0.5", 52)).toBe(54);
    expect(linesOfRole("5.0.5", 54)).toEqual([52, 53]);
    expect(statementLineOf("5.0.5", 56)).toBe(55);
    expect(roleOf("4.0.14", 56)).toBe(56);
  });

  it("on scenario 8 run on 5.0.5, stepping line 52 lights the error branch and r1, and pointing at it lights the version's lines", () => {
    const trace = runScenario(findScenario("fork-failure-disk") as Scenario, { redis: "5.0.5" });
    const at = trace.frames.findIndex((f) => f.kind === "line" && f.line === 52);
    expect(at).toBeGreaterThan(0);
    const lit = stepEffects(trace, at);
    expect(lit.has("branch:error")).toBe(true);
    expect(lit.has("replica:r1")).toBe(true);
    const links = lineLinks(trace, at, 56);
    // Line 56 continues line 55's addReplyError: the whole statement, in 5.0.5's numbers.
    expect([...links.lines].sort((a, b) => a - b)).toEqual([55, 56]);
    expect(links.parts.has("branch:error")).toBe(true);
  });

  it("a line explains itself on its version: 5.0.5's reply is written, 4.0.14's never is", () => {
    expect(lineText(en, "4.0.14", 56)).toMatch(/never sent/);
    expect(lineText(en, "5.0.5", 55)).toMatch(/written to the replica's socket/);
    expect(lineText(en, "5.0.5", 52)).toMatch(/REPL_STATE_NONE/);
    // Lines that mean the same read their role's words.
    expect(lineText(en, "5.0.5", 21)).toBe(lineText(en, "4.0.14", 21));
    expect(lineText(en, "5.0.5", 29)).toBe(lineText(en, "4.0.14", 30));
  });
});
