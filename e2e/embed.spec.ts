import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yProblems, lab, NAMES, SCREENSHOTS, shareLink } from "./lab";

/** The embedded view's controls, found the way a reader's assistive technology finds them. */
/** The embed's controls, by the names of the page's language (docs/architecture.md §8). */
function embedded(page: Pick<Page, "getByRole">, lang: keyof typeof NAMES = "en") {
  const n = NAMES[lang];
  return {
    timeline: page.getByRole("slider", { name: n.timeline }),
    first: page.getByRole("button", { name: n.first, exact: true }),
    back: page.getByRole("button", { name: n.back, exact: true }),
    forward: page.getByRole("button", { name: n.forward, exact: true }),
    last: page.getByRole("button", { name: n.last, exact: true }),
    play: page.getByRole("button", { name: n.play, exact: true }),
    diagram: page.getByRole("region", { name: lang === "en" ? "Diagram" : "示意图" }),
    explanation: page.getByRole("region", { name: n.explanation }),
  };
}

/** `/?embed&…#s=…` for a payload (shareLink gives `/#s=…`). */
const embedUrl = (query: string, payload: Record<string, unknown>) => `/?${query}${shareLink(payload).slice(1)}`;

test.describe("in an iframe-sized window", () => {
  test.use({ viewport: { width: 800, height: 450 } });

  test("an embed shows only its frame range, with minimal chrome and no page scroll", async ({ page }) => {
    const e = embedded(page);
    await page.goto(embedUrl("embed&frames=4-9", { v: 1, s: "disk-happy-path", k: "line", f: 20 }));
    await expect(e.timeline).toHaveValue("3");
    await expect(e.diagram.locator("svg").first()).toBeVisible();
    await expect(e.explanation).toBeVisible();
    // Minimal chrome: no header, no scenario picker, no tool buttons, no lab controls.
    await expect(page.getByRole("combobox", { name: "Scenario" })).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(0);
    for (const name of ["Sandbox", "Copy link", "More", "Embed", "Export"]) await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
    await expect(e.first).toBeDisabled();
    await expect(e.back).toBeDisabled();

    const seen: number[] = [];
    for (let i = 0; i < 20 && (await e.forward.isEnabled()); i++) {
      await e.forward.click();
      seen.push(Number(await e.timeline.inputValue()));
    }
    expect(seen).toEqual([4, 5, 6, 7, 8]);
    await expect(e.forward).toBeDisabled();
    await expect(e.last).toBeDisabled();
    await page.keyboard.press("ArrowRight");
    await expect(e.timeline).toHaveValue("8");

    await e.back.click();
    await expect(e.timeline).toHaveValue("7");
    await e.first.click();
    await expect(e.timeline).toHaveValue("3");
    await page.keyboard.press("ArrowLeft");
    await expect(e.timeline).toHaveValue("3");
    await page.keyboard.press("End");
    await expect(e.timeline).toHaveValue("8");

    const size = await page.evaluate(() => ({
      w: document.documentElement.scrollWidth,
      h: document.documentElement.scrollHeight,
      vw: window.innerWidth,
      vh: window.innerHeight,
    }));
    expect(size.w).toBeLessThanOrEqual(size.vw);
    expect(size.h).toBeLessThanOrEqual(size.vh);
    await expect(e.diagram).toBeInViewport({ ratio: 1 });
    await expect(e.forward).toBeInViewport({ ratio: 1 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${SCREENSHOTS}/embed-800x450.png` });
    await expectNoSeriousA11yProblems(page);
  });

  test("a narrow embed stacks the diagram over the explanation, in dark too", async ({ page }) => {
    await page.setViewportSize({ width: 420, height: 360 });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(embedUrl("embed&frames=11-21", { v: 1, s: "diskless-batching", l: "zh" }));
    await expect(embedded(page, "zh").timeline).toHaveValue("10");
    await expect(embedded(page, "zh").explanation).toContainText(/[\u4e00-\u9fff]/);
    const overflow = await page.evaluate(() => ({
      x: document.documentElement.scrollWidth - window.innerWidth,
      y: document.documentElement.scrollHeight - window.innerHeight,
    }));
    expect(overflow.x).toBeLessThanOrEqual(0);
    expect(overflow.y).toBeLessThanOrEqual(0);
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${SCREENSHOTS}/embed-420x360-dark-zh.png` });
    await expectNoSeriousA11yProblems(page);
  });

  test("in event steps the range still bounds every step", async ({ page }) => {
    const e = embedded(page);
    await page.goto(embedUrl("embed&frames=4-9", { v: 1, s: "disk-happy-path" }));
    await expect(e.timeline).toHaveValue("3");
    let last = 3;
    for (let i = 0; i < 20 && (await e.forward.isEnabled()); i++) {
      await e.forward.click();
      const now = Number(await e.timeline.inputValue());
      expect(now).toBeGreaterThan(last);
      expect(now).toBeLessThanOrEqual(8);
      last = now;
    }
    expect(last).toBe(8);
  });

  test("autoplay advances, and loop starts the range again", async ({ page }) => {
    const e = embedded(page);
    await page.goto(embedUrl("embed&frames=3-6&autoplay&loop", { v: 1, s: "disk-happy-path", k: "line" }));
    await expect(page.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
    await expect.poll(async () => Number(await e.timeline.inputValue()), { timeout: 10_000 }).toBeGreaterThan(2);
    await expect.poll(async () => Number(await e.timeline.inputValue()), { timeout: 10_000 }).toBe(5);
    await expect.poll(async () => Number(await e.timeline.inputValue()), { timeout: 10_000 }).toBe(2);

    // Frame 0 asks a prediction: autoplay waits for the guess; the reader skips it.
    await page.goto(embedUrl("embed&frames=1-3&autoplay", { v: 1, s: "disk-happy-path", k: "line" }));
    await page.getByRole("button", { name: "Skip question", exact: true }).click();
    await expect.poll(async () => Number(await e.timeline.inputValue()), { timeout: 10_000 }).toBe(2);
    await expect(e.play).toBeVisible();
  });

  test("a broken link in an embed falls back with a message, never markup", async ({ page }) => {
    await page.goto("/?embed&frames=2-5#s=%3Cimg%20src=x%3E");
    await expect(page.getByRole("status").filter({ hasText: "This link could not be opened" })).toBeVisible();
    await expect(embedded(page).timeline).toHaveValue("1");
    await expect(page.locator("img")).toHaveCount(0);
  });
});

test("the Embed dialog writes a snippet whose iframe opens the same range", async ({ page, context }) => {
  const ui = lab(page);
  await ui.open(shareLink({ v: 1, s: "fork-failure-disk", k: "line", f: 4 }));
  await expect(ui.timeline).toHaveValue("4");
  await (await ui.tool("Embed")).click();
  const dialog = page.getByRole("dialog", { name: "Embed this scenario" });
  await expect(dialog).toBeVisible();
  // Defaults: from the current frame to the end.
  const count = Number(await ui.timeline.getAttribute("max")) + 1;
  // Frames as people number them, from 1: the frame at index 4 is frame 5.
  await expect(dialog.getByRole("textbox", { name: /^From frame/ })).toHaveValue("5");
  await expect(dialog.getByRole("textbox", { name: /^To frame/ })).toHaveValue(String(count));
  await dialog.getByRole("textbox", { name: /^To frame/ }).fill("10");
  const code = dialog.getByRole("textbox", { name: "Embed code" });
  await expect(code).toHaveValue(/frames=5-10/);
  const snippet = await code.inputValue();
  expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed&amp;frames=5-10#s=[A-Za-z0-9_-]+" width="800" height="450" title="FullResync Lab: [^"<>]+"[^<>]*><\/iframe>$/);
  // Shown as text: the page itself has no iframe.
  await expect(page.locator("iframe")).toHaveCount(0);

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await dialog.getByRole("button", { name: "Copy embed code" }).click();
  await expect(dialog.getByText("Embed code copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
  await page.screenshot({ path: `${SCREENSHOTS}/embed-dialog.png` });
  await expectNoSeriousA11yProblems(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // The snippet, pasted into a page: the iframe shows frames 5 to 10 (indices 4 to 9) of the same scenario.
  await page.setContent(`<!doctype html><title>A blog post</title><p>Here is the lab:</p>${snippet}`);
  const frame = page.frameLocator("iframe");
  const e = embedded(frame);
  await expect(e.timeline).toHaveValue("4");
  for (let i = 0; i < 20 && (await e.forward.isEnabled()); i++) await e.forward.click();
  await expect(e.timeline).toHaveValue("9");
  await e.first.click();
  await expect(e.timeline).toHaveValue("4");
  await expect(frame.getByRole("link", { name: /Fork failure|fork/i })).toHaveAttribute("href", /#s=/);
});
