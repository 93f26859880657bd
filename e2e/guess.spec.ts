import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { lab, SCREENSHOTS, shareLink } from "./lab";

// disk-happy-path asks predictions on frames 0, 17, 19 and 21 (its steps 0, 1, 3 and 5).
const doc = JSON.parse(readFileSync("src/scenarios/catalogue/01-disk-happy-path.json", "utf8")) as {
  steps: { predict?: { answer: number; choices: { text: { en: string } }[]; explain?: { en: string } } }[];
};
const ask1 = doc.steps[1]!.predict!;
/** The words a reader sees for a dictionary text (backticks and emphasis marks are not shown). */
const shown = (text: string) => text.replace(/[`*]/g, "");

const question = (page: Page) => page.getByRole("group", { name: "Predict" });
const feedbackOf = (page: Page) =>
  page.getByRole("region", { name: "Explanation" }).getByText(/^[✓✕] (Right\.|Not quite\.)$/).locator("xpath=..");

test("no longer: Play runs straight past every question — it stops at an unanswered one, and Skip continues", async ({ page }) => {
  const ui = lab(page);
  await ui.open(shareLink({ v: 1, s: "disk-happy-path", f: 1 }));
  await page.getByRole("combobox", { name: "Speed" }).selectOption("4");
  await ui.button("Play").click();
  // It pauses where the question is asked, and stays there.
  await expect(ui.timeline).toHaveValue("17", { timeout: 15_000 });
  await expect(ui.button("Play")).toBeVisible();
  await expect(question(page)).toBeVisible();
  await page.waitForTimeout(1_000);
  await expect(ui.timeline).toHaveValue("17");
  // Play again does not run past the open question.
  await ui.button("Play").click();
  await page.waitForTimeout(1_000);
  await expect(ui.timeline).toHaveValue("17");
  // Skip, in sight by the question, plays on to the next question.
  await expect(ui.button("Skip question")).toBeInViewport();
  await ui.button("Skip question").click();
  await expect(ui.timeline).toHaveValue("19", { timeout: 10_000 });
  await expect(ui.button("Play")).toBeVisible();
  // Answering lets Play go on too.
  await question(page).getByRole("button").first().click();
  await ui.button("Play").click();
  await expect(ui.timeline).toHaveValue("21", { timeout: 10_000 });
  // Stepping by hand is not held back.
  await ui.stepForward();
  await expect(ui.timeline).toHaveValue("22");
});

test("no longer: Play stops for a question the explanation has scrolled past — the question, its choices and Skip come into view", async ({ page }) => {
  const ui = lab(page);
  await ui.open(shareLink({ v: 1, s: "disk-happy-path", f: 16 }));
  // The student had read down to the end of the step before.
  const box = ui.explanation.locator(".scroll-box");
  await box.evaluate((b) => b.scrollTo({ top: b.scrollHeight }));
  expect(await box.evaluate((b) => b.scrollTop)).toBeGreaterThan(100);
  await ui.button("Play").click();
  await expect(ui.timeline).toHaveValue("17", { timeout: 15_000 });
  await expect(ui.button("Skip question")).toBeInViewport();
  for (const choice of await question(page).getByRole("button").all()) await expect(choice).toBeInViewport();
  // Stepping back and landing on it again shows it too.
  await box.evaluate((b) => b.scrollTo({ top: b.scrollHeight }));
  await ui.button("Step back").click();
  await ui.stepForward();
  await expect(ui.timeline).toHaveValue("17");
  await expect(ui.button("Skip question")).toBeInViewport();
});

test.describe("in an iframe-sized window", () => {
  test.use({ viewport: { width: 800, height: 450 } });

  test("no longer: the embed's autoplay runs straight past every question", async ({ page }) => {
    await page.goto(`/?embed&frames=15-23&autoplay${shareLink({ v: 1, s: "disk-happy-path" }).slice(1)}`);
    const timeline = page.getByRole("slider", { name: "Timeline" });
    await expect(timeline).toHaveValue("17", { timeout: 15_000 });
    await expect(page.getByRole("button", { name: "Play", exact: true })).toBeVisible();
    await page.waitForTimeout(1_500);
    await expect(timeline).toHaveValue("17");
    await page.getByRole("button", { name: "Skip question", exact: true }).click();
    await expect(timeline).toHaveValue("19", { timeout: 10_000 });
    await expect(page.getByRole("button", { name: "Play", exact: true })).toBeVisible();
  });
});

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
]) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test("no longer: the feedback lands below the visible part of the panel, the answer and its explanation run together, a literal *before* shows unrendered", async ({ page }) => {
      const ui = lab(page);
      await ui.open(shareLink({ v: 1, s: "disk-happy-path", f: 17 }));
      await expect(question(page)).toBeVisible();
      await page.screenshot({ path: `${SCREENSHOTS}/question-before-${viewport.width}.png` });
      // A wrong choice, as a student might make.
      const wrong = ask1.answer === 0 ? 1 : 0;
      await question(page).getByRole("button").nth(wrong).click();
      const feedback = feedbackOf(page);
      await expect(feedback).toBeInViewport();
      await expect(feedback.locator("p").first()).toHaveText("✕ Not quite.");
      await expect(feedback).toContainText(`The answer is: ${shown(ask1.choices[ask1.answer]!.text.en)}`);
      // A visible separator between the verdict and the explanation, which comes after it.
      const rule = feedback.locator("hr");
      await expect(rule).toBeVisible();
      const explanation = rule.locator("xpath=following-sibling::p[1]");
      await expect(explanation).toHaveText(shown(ask1.explain!.en));
      await expect(explanation).toBeInViewport({ ratio: 0.1 });
      await page.screenshot({ path: `${SCREENSHOTS}/question-after-${viewport.width}.png` });

      // The right choice says so.
      await ui.stepForward();
      await ui.stepForward();
      await expect(ui.timeline).toHaveValue("19");
      const ask3 = doc.steps[3]!.predict!;
      await question(page).getByRole("button").nth(ask3.answer).click();
      await expect(feedbackOf(page)).toBeInViewport();
      await expect(feedbackOf(page).locator("p").first()).toHaveText("✓ Right.");

      // Emphasis in the narration is rendered, never shown as literal asterisks.
      await ui.open(shareLink({ v: 1, s: "diskless-batching" }));
      await ui.stepUntil(async () => (await ui.textOf(ui.explanation)).includes("before forking"), 40);
      await expect(ui.explanation.locator("em", { hasText: /^before$/ })).toBeVisible();
      await expect(ui.explanation).not.toContainText("*before*");
    });
  });
}
