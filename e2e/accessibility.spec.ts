import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yProblems, lab } from "./lab";

// An axe scan of the whole page takes a few seconds on a small machine.
test.describe.configure({ timeout: 60_000 });

for (const theme of ["light", "dark"] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
    });

    test("a student using assistive technology reads a line of the function", async ({ page }) => {
      const ui = lab(page);
      await ui.open("/?scenario=disk-happy-path&frame=13&step=line");
      await expect(ui.currentLine).toBeVisible();
      await expectNoSeriousA11yProblems(page);
    });

    test("a student using assistive technology follows the error path", async ({ page }) => {
      const ui = lab(page);
      await ui.open("/?scenario=fork-failure-socket&frame=0&step=event");
      await ui.stepUntil(async () => (await ui.textOf(ui.serverLog)).includes("BGSAVE for replication failed"));
      await expect(ui.replica("r1")).toContainText("dropped");
      await expectNoSeriousA11yProblems(page);
    });

    test("a student using assistive technology opens the shortcut list", async ({ page }) => {
      const ui = lab(page);
      await ui.open("/?scenario=diskless-batching&frame=0&step=event");
      await page.keyboard.press("?");
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
      await expectNoSeriousA11yProblems(page);
    });
  });
}
