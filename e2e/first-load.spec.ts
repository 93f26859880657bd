import { expect, test } from "@playwright/test";
import { lab } from "./lab";

// The page's first render lists only the code lines a window can show, and the rest follow right
// after (src/ui/code/SeedListing.tsx). A student must never notice: the whole function is there
// at once for every purpose, and a shared moment deep in the function opens with its line in view.

test("the code listing holds the whole function right after the page is up", async ({ page }) => {
  const ui = lab(page);
  await ui.open();
  const lines = ui.code.getByRole("listitem");
  await expect(lines).toHaveCount(83);
  await expect(lines.nth(81)).toContainText("return retval;");
  await expect(lines.last()).toHaveText(/^83\s*}$/);
});

test("a link to a late line of the function opens with that line marked and on screen, in a short window", async ({ page, browser }) => {
  const ui = lab(page);
  await ui.open();
  await ui.stepSize("Line");
  await ui.stepUntil(async () => (await ui.currentLine.count()) > 0 && Number(await ui.currentLine.getAttribute("data-line")) >= 70);
  const line = await ui.currentLine.getAttribute("data-line");
  // The address follows the store a moment after each change.
  await expect.poll(() => page.url()).toContain("#s=");
  await page.waitForTimeout(400);
  const link = page.url();

  const other = await browser.newPage({ viewport: { width: 1280, height: 560 } });
  const second = lab(other);
  await other.goto(link);
  await expect(second.currentLine).toHaveAttribute("data-line", line ?? "");
  await expect(second.currentLine).toBeInViewport();
  await expect(second.code.getByRole("listitem")).toHaveCount(83);
  await other.close();
});
