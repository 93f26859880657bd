import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { lab, SCREENSHOTS } from "./lab";

/** The narration of fork-failure-disk's failure step, and one of the model's bullets of that step. */
const NARRATION = "The error loop (lines 47–61) finds r1 in";
const BULLET = "In Redis 4.0.14 that reply is never delivered";

/** The page at 1280×720 and the explanation panel alone. */
async function picture(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
  await page.getByRole("region", { name: "Explanation" }).screenshot({ path: `${SCREENSHOTS}/${name}-panel.png` });
}

test("no longer: one event step prints the narration plus up to eight generated bullets that repeat it — the narration comes first, the model's details are folded", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=fork-failure-disk&frame=0&step=event");
  await ui.stepUntil(async () => (await ui.textOf(ui.serverLog)).includes("BGSAVE for replication failed"));
  await expect(ui.explanation).toHaveAttribute("aria-live", "polite");

  // What a reader sees: the narration, then a closed disclosure with the number of details.
  const details = ui.explanation.locator("details");
  const summary = details.locator("summary");
  await expect(ui.explanation.getByText(NARRATION)).toBeVisible();
  await expect(summary).toBeVisible();
  await expect(summary).toHaveText(/^Details from the model \(\d+\)$/);
  await expect(details).not.toHaveAttribute("open");
  const seen = await ui.explanation.innerText();
  expect(seen).toContain(NARRATION);
  expect(seen).not.toContain(BULLET);
  expect(seen.indexOf(NARRATION)).toBeLessThan(seen.indexOf("Details from the model"));
  await summary.evaluate((el) => el.scrollIntoView({ block: "end" }));
  await picture(page, "explanation-details-closed");

  // Opened, it shows the bullets, as many as the summary says.
  const count = Number((await summary.textContent())!.match(/\((\d+)\)/)![1]);
  expect(count).toBeGreaterThan(1);
  await summary.click();
  await expect(details).toHaveAttribute("open");
  await expect(details.getByText(BULLET)).toBeVisible();
  await expect(details.getByRole("listitem")).toHaveCount(count);
  await summary.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await picture(page, "explanation-details-open");

  // The choice is kept while stepping: the next step (the timeout, narrated too) shows its details
  // open; the one after has no narration and shows its bullets without a disclosure.
  await ui.stepForward();
  await expect(ui.explanation).toContainText("A full minute of silence");
  await expect(details).toHaveAttribute("open");
  await expect(details.getByRole("listitem").first()).toBeVisible();
  await ui.stepForward();
  await expect(ui.explanation).not.toContainText("Narration:");
  await expect(details).toHaveCount(0);
  await expect(ui.explanation.getByRole("listitem").first()).toBeVisible();

  // Closed again, it stays closed back at the failure.
  await ui.button("Step back").click();
  await expect(ui.explanation).toContainText("A full minute of silence");
  await summary.click();
  await expect(details).not.toHaveAttribute("open");
  await ui.button("Step back").click();
  await expect(ui.explanation.getByText(NARRATION)).toBeVisible();
  await expect(details).not.toHaveAttribute("open");
  await expect(details.getByText(BULLET)).toBeHidden();
});
