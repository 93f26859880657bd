/**
 * The diagram read at every size: its text on screen is large enough (1280×720, lecture mode,
 * the 800×450 embed, a phone), it fills the embed, a phone never scrolls sideways and shows the
 * replicas under the primary, and no label covers another or leaves its box — on every step of
 * three scenarios, in both languages and both themes. Sizes are measured, in CSS pixels.
 */
import { expect, test, type Page } from "@playwright/test";
import { lab, NAMES, shareLink } from "./lab";

test.describe.configure({ timeout: 240_000 });

const diagram = (page: Page) => page.getByRole("img", { name: /^(Diagram of|主节点)/ });

/** The smallest diagram text on screen: each text's (and tspan's) font size times the SVG's scale there. */
async function smallestText(page: Page): Promise<number> {
  return diagram(page).evaluate((svg) => {
    let least = Infinity;
    for (const t of svg.querySelectorAll<SVGTextContentElement>("text, tspan")) {
      if (!t.textContent?.trim()) continue;
      const scale = t.getScreenCTM()?.a ?? 0;
      least = Math.min(least, parseFloat(getComputedStyle(t).fontSize) * scale);
    }
    return least;
  });
}

interface Geometry {
  texts: number;
  /** Pairs of text elements whose boxes intersect, as "a ⟂ b". */
  overlaps: string[];
  /** Texts outside the box they belong to (or belonging to none), and boxes outside theirs. */
  outside: string[];
}

/**
 * Every text of the diagram and every box drawn for one (`data-box` on the node's rect or path;
 * a text belongs to the nearest enclosing group that has one; a chip's or branch row's box lies in
 * its node's box). Boxes that only touch (less than half a pixel) do not count.
 */
async function geometry(page: Page): Promise<Geometry> {
  return diagram(page).evaluate((svg) => {
    const EPS = 0.5;
    const boxOf = (el: Element): Element | null => {
      for (let g = el.parentElement; g && g !== svg.parentElement; g = g.parentElement) {
        const shape = g.querySelector(":scope > [data-box]");
        if (shape && shape !== el) return shape;
      }
      return null;
    };
    const inside = (a: DOMRect, b: DOMRect) => a.left >= b.left - EPS && a.right <= b.right + EPS && a.top >= b.top - EPS && a.bottom <= b.bottom + EPS;
    // What a text shows (a glossary word's hover title is not shown), to name it in a failure.
    const name = (el: Element) => JSON.stringify([...el.childNodes].filter((n) => n.nodeName !== "title").map((n) => n.textContent).join("").slice(0, 30) || el.localName);
    const texts = [...svg.querySelectorAll("text")]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0);
    const overlaps: string[] = [];
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i]!.r;
        const b = texts[j]!.r;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > EPS && h > EPS) overlaps.push(`${name(texts[i]!.el)} ⟂ ${name(texts[j]!.el)}`);
      }
    }
    const outside: string[] = [];
    for (const { el, r } of texts) {
      const box = boxOf(el);
      if (!box || !inside(r, box.getBoundingClientRect())) outside.push(`${name(el)} outside ${box ? name(box.parentElement!) : "any box"}`);
    }
    for (const shape of svg.querySelectorAll("[data-box]")) {
      const parent = boxOf(shape.parentElement!);
      if (parent && !inside(shape.getBoundingClientRect(), parent.getBoundingClientRect())) outside.push(`box of ${name(shape.parentElement!)} outside its node`);
    }
    return { texts: texts.length, overlaps, outside };
  });
}

async function startLecture(page: Page) {
  await page.getByRole("button", { name: "Lecture", exact: true }).click();
  await page.getByRole("button", { name: "Lecture mode" }).click();
  await expect(page.locator("html")).toHaveClass(/\blecture\b/);
  await page.keyboard.press("Escape");
}

/** Moments worth reading: +FULLRESYNC and $EOF: to two replicas at once, a fork failure, both replicas swept by one. */
const MOMENTS = [
  { s: "diskless-batching", k: "event", f: 18 },
  { s: "fork-failure-disk", k: "event", f: 20 },
  { s: "failure-sweeps-bystanders", k: "event", f: 29 },
] as const;

test("no longer: 31 of the diagram's 40 labels render at about 9 px at 1280×720 — none is under 13 px now", async ({ page }) => {
  const ui = lab(page);
  for (const m of MOMENTS) {
    for (const l of ["en", "zh"] as const) {
      await ui.open(shareLink({ v: 1, ...m, l }));
      const px = await smallestText(page);
      expect(px, `${m.s} (${l})`).toBeGreaterThanOrEqual(13);
    }
  }
});

test("no longer: lecture mode enlarges the code and the explanation but not the diagram — its text is 20 px or more", async ({ page }) => {
  const ui = lab(page);
  await ui.open(shareLink({ v: 1, ...MOMENTS[0] }));
  await startLecture(page);
  for (const m of MOMENTS) {
    for (const l of ["en", "zh"] as const) {
      await ui.open(shareLink({ v: 1, ...m, l, p: ["lecture"] }));
      await expect(page.locator("html")).toHaveClass(/\blecture\b/);
      expect(await smallestText(page), `${m.s} (${l})`).toBeGreaterThanOrEqual(20);
    }
  }
  // Still one screen, and the rest of the lecture still on it.
  const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight, vw: innerWidth, vh: innerHeight }));
  expect(size.w).toBeLessThanOrEqual(size.vw);
  expect(size.h).toBeLessThanOrEqual(size.vh);
  for (const name of ["示意图", NAMES.zh.code, NAMES.zh.explanation]) await expect(page.getByRole("region", { name })).toBeInViewport();
});

test.describe("in an 800×450 embed", () => {
  test.use({ viewport: { width: 800, height: 450 } });

  test("no longer: the embed shows ~8 px text with half the frame empty — 12 px or more, and the diagram fills its frame", async ({ page }) => {
    for (const m of MOMENTS) {
      for (const l of ["en", "zh"] as const) {
        await page.goto(`/?embed&frames=${m.f + 1}-${m.f + 3}${shareLink({ v: 1, ...m, l }).slice(1)}`);
        await expect(diagram(page)).toBeVisible();
        expect(await smallestText(page), `${m.s} (${l})`).toBeGreaterThanOrEqual(12);
        // The picture drawn (the viewBox at its scale) against the diagram's section.
        const fill = await diagram(page).evaluate((svg) => {
          const section = svg.closest("section")!.getBoundingClientRect();
          const vb = (svg as SVGSVGElement).viewBox.baseVal;
          const scale = (svg as SVGSVGElement).getScreenCTM()!.a;
          return (vb.width * scale * vb.height * scale) / (section.width * section.height);
        });
        expect(fill, `${m.s} (${l})`).toBeGreaterThanOrEqual(0.8);
      }
    }
  });
});

test.describe("on a 390×844 phone", () => {
  // Tokens at rest (reduced motion), where they stay on screen.
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: "reduce" });

  test("no longer: the replicas are cut off behind 'scroll sideways' — they are under the primary, nothing scrolls sideways", async ({ page }) => {
    const ui = lab(page);
    for (const m of MOMENTS) {
      for (const l of ["en", "zh"] as const) {
        await ui.open(shareLink({ v: 1, ...m, l }));
        const where = `${m.s} (${l})`;
        expect(await smallestText(page), where).toBeGreaterThanOrEqual(14);
        const fit = await diagram(page).evaluate((svg) => {
          const panel = svg.closest("section")!.getBoundingClientRect();
          const own = svg.getBoundingClientRect();
          // What a text shows (a glossary word's hover title is not shown).
          const shown = (t: Element) => [...t.childNodes].filter((n) => n.nodeName !== "title").map((n) => n.textContent).join("");
          const texts = [...svg.querySelectorAll("text")];
          const primary = texts.find((t) => /^(Primary|主节点)/.test(shown(t)))!.getBoundingClientRect();
          return {
            overflow: document.documentElement.scrollWidth - innerWidth,
            wider: own.width - panel.width,
            // Every replica's title starts with its id: r1, r2, cli.
            replicasBelow: texts.filter((t) => /^(r\d|cli) /.test(shown(t))).map((t) => t.getBoundingClientRect().top - primary.bottom),
          };
        });
        expect(fit.overflow, where).toBeLessThanOrEqual(0);
        expect(fit.wider, where).toBeLessThanOrEqual(0);
        expect(fit.replicasBelow.length, where).toBeGreaterThan(0);
        for (const below of fit.replicasBelow) expect(below, where).toBeGreaterThan(0);
        const g = await geometry(page);
        expect(g.overlaps, where).toEqual([]);
        expect(g.outside, where).toEqual([]);
      }
    }
  });
});

/**
 * Every step of each scenario, to its end, in each language, theme and step size (line steps
 * visit every frame; event steps gather a step's messages). Tokens rest where they end (reduced
 * motion), so what is measured is what stays on screen.
 */
test("no longer: message tokens cover labels and the 'delay 5' pill sticks out of the Primary box — no text covers another, each stays in its box", async ({ page }) => {
  test.setTimeout(600_000);
  await page.emulateMedia({ reducedMotion: "reduce" });
  const runs = [
    { l: "en", theme: "light", k: "line" },
    { l: "en", theme: "dark", k: "event" },
    { l: "zh", theme: "light", k: "event" },
    { l: "zh", theme: "dark", k: "line" },
  ] as const;
  for (const run of runs) {
    const ui = lab(page, run.l);
    await page.emulateMedia({ colorScheme: run.theme });
    for (const { s } of MOMENTS) {
      await ui.open(shareLink({ v: 1, s, k: run.k, f: 0, l: run.l }));
      let steps = 0;
      for (;;) {
        const where = `${s} ${run.l} ${run.theme} ${run.k}, frame ${await ui.frame()}`;
        const g = await geometry(page);
        expect(g.texts, where).toBeGreaterThan(20);
        expect(g.overlaps, where).toEqual([]);
        expect(g.outside, where).toEqual([]);
        if (await ui.button(ui.names.forward).isDisabled()) break;
        await ui.stepForward();
        steps++;
      }
      expect(steps).toBeGreaterThan(5);
    }
  }
});

/**
 * The fault marks the three scenarios above never show — a killed child, a child exiting with an
 * error (a sandbox edit), a chained primary's lost master link, a dropped replica's repl-timeout
 * after a socket fork failure — on every event step, in both languages and themes: large enough,
 * no label over another, each inside its box.
 */
test("fault marks (a killed or failing child, a lost master link, a repl-timeout) are large enough, never cover a label and stay in their boxes", async ({ page }) => {
  test.setTimeout(600_000);
  await page.emulateMedia({ reducedMotion: "reduce" });
  const exitError = [{ kind: "event", event: { at: 1.5, type: "kill-child", mode: "exit-error" } }];
  const faults = [
    { s: "child-dies-disk" },
    { s: "child-dies-disk", e: exitError },
    { s: "child-dies-socket" },
    { s: "no-replication-info" },
    { s: "fork-failure-socket" },
  ];
  for (const run of [
    { l: "en", theme: "light" },
    { l: "zh", theme: "dark" },
  ] as const) {
    const ui = lab(page, run.l);
    await page.emulateMedia({ colorScheme: run.theme });
    for (const f of faults) {
      await ui.open(shareLink({ v: 1, ...f, k: "event", f: 0, l: run.l }));
      for (;;) {
        const where = `${f.s}${f.e ? " (exit error)" : ""} ${run.l} ${run.theme}, frame ${await ui.frame()}`;
        expect(await smallestText(page), where).toBeGreaterThanOrEqual(13);
        const g = await geometry(page);
        expect(g.overlaps, where).toEqual([]);
        expect(g.outside, where).toEqual([]);
        if (await ui.button(ui.names.forward).isDisabled()) break;
        await ui.stepForward();
      }
    }
  }
});
