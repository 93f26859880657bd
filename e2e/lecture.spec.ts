import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yProblems, lab, linkPayload, SCREENSHOTS, shareLink } from "./lab";

test.describe.configure({ timeout: 90_000 });

const rootFontPx = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
const blanked = (page: Page) => page.getByRole("status", { name: /screen is blanked/ });

async function startLecture(page: Page) {
  await page.getByRole("button", { name: "Lecture", exact: true }).click();
  const mode = page.getByRole("button", { name: "Lecture mode" });
  await mode.click();
  await expect(mode).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("html")).toHaveClass(/\blecture\b/);
}

test("a lecturer projects the lab and steps through it with a clicker", async ({ page }) => {
  const ui = lab(page);
  await page.emulateMedia({ colorScheme: "light" });
  await ui.open("/?scenario=diskless-batching&frame=0&step=event");
  const normalFont = await rootFontPx(page);
  const normalText = await ui.explanation.locator(".scroll-box").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

  await startLecture(page);
  // The projector theme: larger type everywhere, and still one 1280×720 screen.
  expect(await rootFontPx(page)).toBeGreaterThanOrEqual(normalFont * 1.3);
  expect(await ui.explanation.locator(".scroll-box").evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(normalText * 1.3);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Lecture mode" })).toBeHidden();
  const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight, vw: innerWidth, vh: innerHeight }));
  expect(size.w).toBeLessThanOrEqual(size.vw);
  expect(size.h).toBeLessThanOrEqual(size.vh);
  for (const name of ["Diagram", "Explanation", "Source code"]) await expect(page.getByRole("region", { name })).toBeInViewport();
  await expect(ui.serverLog).toBeHidden();

  // Clicker keys: Page Down / Page Up step, and the arrows still do.
  await page.keyboard.press("PageDown");
  const one = await ui.frame();
  expect(one).toBeGreaterThan(0);
  await page.keyboard.press("PageDown");
  const two = await ui.frame();
  expect(two).toBeGreaterThan(one);
  await page.keyboard.press("PageUp");
  await expect(ui.timeline).toHaveValue(String(one));
  await page.keyboard.press("ArrowRight");
  await expect(ui.timeline).toHaveValue(String(two));
  await ui.screenshot("lecture-projector-light");

  // B and . blank the screen and bring it back.
  await page.keyboard.press("b");
  await expect(blanked(page)).toBeVisible();
  expect(await blanked(page).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(0, 0, 0)");
  await page.keyboard.press("b");
  await expect(blanked(page)).toBeHidden();
  await page.keyboard.press(".");
  await expect(blanked(page)).toBeVisible();
  await page.keyboard.press(".");
  await expect(blanked(page)).toBeHidden();

  // After picking a scenario the picker keeps the focus; the clicker still steps instead of changing it.
  await ui.scenario.selectOption("fork-failure-disk");
  await ui.scenario.focus();
  await page.keyboard.press("PageDown");
  await expect(ui.scenario).toHaveValue("fork-failure-disk");
  expect(await ui.frame()).toBeGreaterThan(0);

  // Lecture mode is part of the link: a prepared link opens projected.
  await expect.poll(() => linkPayload(page.url()).p).toContain("lecture");
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\blecture\b/);
  await ui.useTheme("dark");
  await ui.stepUntil(async () => (await ui.textOf(ui.explanation)).includes("never delivered"));
  await ui.screenshot("lecture-projector-dark");
  await expectNoSeriousA11yProblems(page);
  await ui.useTheme("light");
  await expectNoSeriousA11yProblems(page);

  // Turning it off gives the ordinary page back.
  await page.getByRole("button", { name: "Lecture", exact: true }).click();
  await page.getByRole("button", { name: "Lecture mode" }).click();
  await expect(page.locator("html")).not.toHaveClass(/\blecture\b/);
  expect(await rootFontPx(page)).toBe(normalFont);
  await page.keyboard.press("Escape");
  await page.keyboard.press("b");
  await expect(blanked(page)).toHaveCount(0);
});

test("the speaker window follows the lecture, and the lecture follows it", async ({ page, context }) => {
  const ui = lab(page);
  await page.emulateMedia({ colorScheme: "light" });
  await ui.open("/?scenario=fork-failure-disk&frame=0&step=event");
  await startLecture(page);

  const [speaker] = await Promise.all([context.waitForEvent("page"), page.getByRole("button", { name: "Open speaker window" }).click()]);
  await speaker.waitForLoadState();
  await speaker.setViewportSize({ width: 900, height: 720 });
  await expect(speaker.getByRole("heading", { level: 1, name: "Speaker notes" })).toBeVisible();
  await expect(speaker.getByText(/^Frame 1 of \d+/)).toBeVisible();
  await expect(speaker.getByRole("heading", { name: "Next" })).toBeVisible();

  // Step forward in the speaker window: the audience's frame moves with it.
  await speaker.getByRole("button", { name: "Step forward", exact: true }).click();
  await expect(ui.timeline).not.toHaveValue("0");
  const one = await ui.frame();
  await expect(speaker.getByText(new RegExp(`^Frame ${one + 1} of`))).toBeVisible();

  // Step in the audience window (clicker): the speaker window follows.
  await page.bringToFront();
  await page.keyboard.press("PageDown");
  await expect(ui.timeline).not.toHaveValue(String(one));
  const two = await ui.frame();
  await expect(speaker.getByText(new RegExp(`^Frame ${two + 1} of`))).toBeVisible();
  await ui.stepForward();
  const three = await ui.frame();
  await expect(speaker.getByText(new RegExp(`^Frame ${three + 1} of`))).toBeVisible();

  // The notes: what this step shows, and what comes next.
  const now = speaker.getByRole("region", { name: /^Now/ });
  await expect(now).toContainText(/\S/);
  await expect(speaker.getByRole("region", { name: "Next" })).toContainText(/frame \d+, t = /);

  // Back from the speaker window, and the black screen from there too.
  await speaker.getByRole("button", { name: "Step back", exact: true }).click();
  await expect(ui.timeline).toHaveValue(String(two));
  await speaker.getByRole("button", { name: "Blank the audience screen" }).click();
  await expect(blanked(page)).toBeVisible();
  await speaker.getByRole("button", { name: "Blank the audience screen" }).click();
  await expect(blanked(page)).toBeHidden();

  // Run to the failure from the speaker window; its notes carry the narration of the scenario.
  // (The server log is one of the panels lecture mode hides; the explanation says it too.)
  for (let i = 0; i < 60 && !(await ui.textOf(ui.explanation)).includes("never delivered"); i++) {
    const before = await ui.frame();
    await speaker.getByRole("button", { name: "Step forward", exact: true }).click();
    await expect(ui.timeline).not.toHaveValue(String(before));
  }
  await expect(ui.explanation).toContainText("never delivered");
  await expect(now).toContainText("never delivered");
  await expect(now).toContainText("Narration");
  // Under the narration the model's bullets are folded, as in the lab: closed, then open on a click.
  const details = now.locator("details");
  await expect(details.locator("summary")).toHaveText(/^Details from the model \(\d+\)$/);
  await expect(now.getByText("never delivered")).toBeHidden();
  await details.locator("summary").click();
  await expect(now.getByText("never delivered")).toBeVisible();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await speaker.waitForTimeout(300);
  await speaker.screenshot({ path: `${SCREENSHOTS}/lecture-speaker-light.png` });
  await ui.screenshot("lecture-audience-with-speaker");
  await expectNoSeriousA11yProblems(speaker);

  // The language follows too, both ways.
  await speaker.getByRole("combobox", { name: "Language" }).selectOption("zh");
  await expect(lab(page, "zh").explanation.getByRole("heading", { level: 2 })).toContainText("说明");
  await expect(speaker.getByRole("heading", { level: 1 })).toHaveText("演讲者备注");
  await speaker.screenshot({ path: `${SCREENSHOTS}/lecture-speaker-zh.png` });
  await page.getByRole("combobox", { name: "Language" }).selectOption("en");
  await expect(speaker.getByRole("heading", { level: 1 })).toHaveText("Speaker notes");
  await expect(speaker.getByRole("button", { name: "Step forward", exact: true })).toBeVisible();
});

test("no longer: a lecturer's link to a moment in lecture mode opens with the current line of code out of view", async ({ page }) => {
  const ui = lab(page);
  // Fork failure, disk: the step where the call returns C_ERR (line 61), opened straight in lecture mode.
  await ui.open(shareLink({ v: 1, s: "fork-failure-disk", f: 20, l: "en", p: ["lecture"] }));
  await expect(page.locator("html")).toHaveClass(/\blecture\b/);
  const current = page.getByRole("region", { name: "Source code" }).locator('[aria-current="step"]');
  await expect(current).toContainText("return retval;");
  // The current line sits inside the visible part of the code's scroll box.
  await expect
    .poll(() =>
      current.evaluate((el) => {
        const box = el.closest(".scroll-box") as HTMLElement;
        const r = el.getBoundingClientRect();
        const b = box.getBoundingClientRect();
        return r.top >= b.top && r.bottom <= b.bottom;
      }),
    )
    .toBe(true);
});
