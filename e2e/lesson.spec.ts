/**
 * The lesson's own consistency, as a student sees it: what two panels say about the same moment
 * agrees.
 */
import { expect, test } from "@playwright/test";
import { lab } from "./lab";

test("no longer: at line 21 of the first call the status badge says no call yet while the Decision box shows this call", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/");
  await ui.stepSize("Line");
  await ui.stepUntil(async () => (await ui.currentLine.count()) > 0 && (await ui.textOf(ui.currentLine)).includes("int socket_target"));
  await expect(ui.target).toContainText("disk");
  await expect(ui.target).toContainText("this call");
  await expect(ui.target).not.toContainText("none");
  await expect(page.locator("svg text", { hasText: "(this call)" })).toHaveCount(1);
});
