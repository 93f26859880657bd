import { describe, expect, it } from "vitest";
import { CATALOGUE } from "./catalogue";
import { validateScenario } from "./schema";
import { findMarkup, looksLikeMarkup } from "./markup";

describe("the one markup rule", () => {
  it("no longer: <div/onclick=…>, <span/onmouseover=…>, <p style=…> and custom tags pass the check", () => {
    for (const text of [
      "<div/onclick=alert(1)>x</div>",
      "<span/onmouseover=alert(1)>x",
      '<p style="position:fixed;inset:0">x</p>',
      "<my-widget>hi</my-widget>",
      "<x-foo data-a=1>",
      "<b>bold</b>",
      "</mark>",
      "<!-- hidden -->",
      "<?xml version='1.0'?>",
      "<svg><script>alert(1)</script></svg>",
      '<a href="javascript:alert(1)">x</a>',
      "<IMG SRC=x ONERROR=alert(1)>",
      "<table><tr><td>x",
    ]) {
      expect(looksLikeMarkup(text), text).toBe(true);
    }
  });

  it("keeps the catalogue's placeholders and plain comparisons", () => {
    for (const text of ["+FULLRESYNC <replid> 0", "$EOF:<mark>", "127.0.0.1:<unknown-slave-port>", "<RDB payload: 2097152 bytes>", "mincapa < 3 and 5 > 2", "a <= b", "x<y"]) {
      expect(looksLikeMarkup(text), text).toBe(false);
    }
    for (const s of CATALOGUE) expect(findMarkup(s), s.id).toBeNull();
  });

  it("is applied by the validator, so every way in (file, link, CLI) refuses the same texts, naming the field", () => {
    const base = CATALOGUE[0]!;
    const r = validateScenario({ ...base, summary: { ...base.summary, zh: "<p style=color:red>看</p>" } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual(["summary.zh: looks like HTML or script, which a scenario never contains"]);
    expect(validateScenario(base).ok).toBe(true);
  });
});
