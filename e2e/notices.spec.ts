import { expect, test } from "@playwright/test";
import { lab } from "./lab";

const notice = (page: import("@playwright/test").Page) => page.getByRole("status").filter({ hasText: /\S/ }).first();

test("no longer: notices keep the language they were made in", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/#s=AAAA");
  await expect(page.getByRole("status").filter({ hasText: "This link could not be opened" })).toBeVisible();
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
  await expect(page.getByRole("status").filter({ hasText: "无法打开这个链接" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "This link could not be opened" })).toHaveCount(0);
});

test("no longer: a \"could not open this link\" notice stays after Back restores a good state", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=fork-failure-disk&frame=2&step=event");
  await expect(ui.scenario.locator("option:checked")).toContainText(/fork/i);
  // The reader edits the address to something broken; the lab says so.
  await page.evaluate(() => {
    window.location.hash = "#s=AAAA";
  });
  await expect(page.getByRole("status").filter({ hasText: "This link could not be opened" })).toBeVisible();
  await page.goBack();
  await expect(ui.scenario.locator("option:checked")).toContainText(/fork/i);
  await expect(page.getByRole("status").filter({ hasText: "This link could not be opened" })).toHaveCount(0);
});

test("no longer: a version-0 link with no scenario opens the default scenario without a notice", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?frame=3");
  await expect(notice(page)).toContainText("This link names no scenario, so the lab opened its first one.");
  await expect(ui.timeline).toHaveValue("3");
});
