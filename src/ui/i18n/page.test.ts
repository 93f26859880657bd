import { describe, expect, it } from "vitest";
import type { Cause } from "../../model";
import type { NoticeMessage } from "../../store/types";
import { CATALOGUE } from "../../scenarios/catalogue";
import { runScenario } from "../../model";
import { CHART } from "../statechart/chartLayout";
import { SPEC_NAMES } from "./a11yNames";
import { en } from "./en";
import { lectureEn } from "./lecture.en";
import { lectureZh } from "./lecture.zh";
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

const HAN = /\p{Script=Han}/u;

describe("the page's words", () => {
  it("exist in both languages, key for key, and are never empty", () => {
    expect(leaves(zh.page).sort()).toEqual(leaves(en.page).sort());
    expect([...emptyStrings(en.page), ...emptyStrings(zh.page)]).toEqual([]);
    expect(leaves(lectureZh).sort()).toEqual(leaves(lectureEn).sort());
    expect([...emptyStrings(lectureEn), ...emptyStrings(lectureZh)]).toEqual([]);
  });

  it("keep the English names other code finds controls by (SPEC §6)", () => {
    const c = en.page.controls;
    expect([c.first, c.back, c.play, c.pause, c.forward, c.last]).toEqual([SPEC_NAMES.first, SPEC_NAMES.back, SPEC_NAMES.play, SPEC_NAMES.pause, SPEC_NAMES.forward, SPEC_NAMES.last]);
    expect(en.page.code.title).toBe(SPEC_NAMES.sourceCode);
    expect(en.page.explanation.title).toBe(SPEC_NAMES.explanation);
    expect(en.page.picker.label).toBe(SPEC_NAMES.scenario);
    expect(en.page.replicas.heading("r1")).toBe(SPEC_NAMES.replica("r1"));
    expect(en.share.copyLink).toBe(SPEC_NAMES.copyLink);
  });

  it("describe every state of the replica statechart in both languages", () => {
    for (const s of CHART.states) {
      expect(en.page.chart.states[s.path], s.path).toBeTruthy();
      expect(zh.page.chart.states[s.path], s.path).toMatch(HAN);
    }
  });

  it("word every notice the store gives, naming what was wrong", () => {
    const errors = ["a: bad", "b: bad", "c: bad", "d: bad"];
    for (const dict of [en, zh]) {
      const n = dict.page.notices;
      expect(n.unknownScenario({ key: "unknownScenario", id: "ghost" })).toContain("ghost");
      for (const key of ["fileInvalid", "editsDropped", "editRefused", "editsIgnored"] as const) {
        const text = (n[key] as (m: NoticeMessage) => string)({ key, errors });
        expect(text, key).toContain("a: bad");
        expect(text, key).not.toContain("d: bad");
        expect(text, key).toContain("1");
      }
    }
  });

  it("say what caused every frame of the catalogue in Chinese, without the model's English", () => {
    const causes = new Map<string, Cause>();
    for (const scenario of CATALOGUE) for (const f of runScenario(scenario).frames) causes.set(JSON.stringify(f.cause), f.cause);
    for (const extra of [
      { type: "event", index: 0, event: { at: 0, type: "kill-child", mode: "exit-error" } },
      { type: "event", index: 0, event: { at: 0, type: "write", count: 3 } },
    ] as Cause[])
      causes.set(JSON.stringify(extra), extra);
    for (const c of causes.values()) {
      const text = zh.page.cause(c);
      expect(text, JSON.stringify(c)).not.toMatch(/connects|disconnects|fault|finishes|its own|writes? on|reconfigured|scenario starts|a user/);
      expect(en.page.cause(c), JSON.stringify(c)).not.toBe("");
    }
    expect(en.page.cause({ type: "event", index: 0, event: { at: 0, type: "write", count: 1 } } as Cause)).toBe("1 write on the primary");
  });
});
