import { expect, test } from "@playwright/test";
import { lab, linkPayload } from "./lab";

test("steps through a fork failure", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/");
  await ui.scenario.selectOption("fork-failure-disk");
  await expect(ui.timeline).toHaveValue("0");
  await expect.poll(() => linkPayload(page.url()).s).toBe("fork-failure-disk");

  // Step event by event until the BGSAVE has failed.
  await ui.stepUntil(async () => (await ui.textOf(ui.serverLog)).includes("BGSAVE for replication failed"));
  await expect(ui.serverLog).toContainText("Can't save in background: fork: Resource temporarily unavailable");
  const r1 = ui.replica("r1");
  await expect(r1).toContainText("dropped");
  await expect(r1).toContainText("BGSAVE failed");
  // The -ERR is queued in the output buffer and never reaches the socket (4.0.14, docs/behaviour.md §8).
  await expect(r1).toContainText("Output buffer (queued, not sent)");
  await expect(r1).toContainText("-ERR BGSAVE failed, replication can't continue");
  await expect(r1).toContainText("Never delivered in Redis 4.0.14");
  await expect(r1).toContainText("nothing yet"); // its wire is empty
  await expect(ui.explanation).toContainText("5.0.5");
  await expect(ui.target).toContainText("disk");
  await ui.screenshot("fork-failure-1-dropped-light");

  // To the end: r1 times out, reconnects and syncs; the first connection stays in its history.
  await ui.button("Last step").click();
  await expect(ui.serverLog).toContainText("Can't save in background: fork: Resource temporarily unavailable");
  await expect(ui.serverLog).toContainText("BGSAVE for replication failed");
  await expect(r1).toContainText("dropped");
  await expect(r1).toContainText("never sent: -ERR BGSAVE failed, replication can't continue");
  await expect(r1).toContainText("Timeout connecting to the MASTER");
  await ui.screenshot("fork-failure-2-end-light");

  await ui.useTheme("dark");
  await ui.button("First step").click();
  await ui.stepUntil(async () => (await ui.textOf(ui.serverLog)).includes("BGSAVE for replication failed"));
  await ui.screenshot("fork-failure-1-dropped-dark");
});
