import { expect, test } from "@playwright/test";
import { lab } from "./lab";

test("steps through the disk happy path", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/");
  await expect(ui.scenario).toHaveValue("disk-happy-path");
  await expect(ui.target).toContainText("none");
  const r1 = ui.replica("r1");
  await expect(r1).toContainText("not connected");
  await ui.screenshot("disk-happy-path-1-start-light");

  // Line by line through startBgsaveForReplication, as in Python Tutor.
  await ui.stepSize("Line");
  await ui.stepForward();
  await expect(r1).toContainText("WAIT_BGSAVE_START");
  await expect(ui.currentLine).toContainText("int socket_target = server.repl_diskless_sync && (mincapa & SLAVE_CAPA_EOF);");
  const firstLine = await ui.textOf(ui.currentLine);

  await ui.stepForward();
  await expect(ui.currentLine).not.toHaveText(firstLine);
  await expect(ui.currentLine).toContainText('serverLog(LL_NOTICE,"Starting BGSAVE for SYNC with target: %s",');
  await expect(ui.target).toContainText("disk");
  await expect(ui.serverLog).toContainText("Starting BGSAVE for SYNC with target: disk");
  await ui.screenshot("disk-happy-path-2-target-chosen-light");

  await ui.stepUntil(async () => (await ui.textOf(r1)).includes("WAIT_BGSAVE_END"));
  await expect(r1).not.toContainText("WAIT_BGSAVE_START");
  await expect(ui.currentLine).toContainText("replicationSetupSlaveForFullResync(slave,");
  await expect(r1).toContainText("+FULLRESYNC");
  await expect(ui.target).toContainText("disk");
  await ui.screenshot("disk-happy-path-3-fullresync-light");

  // Event by event from here: the child finishes, the file is sent, r1 goes online.
  await ui.stepSize("Event");
  await ui.stepUntil(async () => (await ui.textOf(r1)).includes("SEND_BULK"));
  await expect(r1).not.toContainText("WAIT_BGSAVE_END");
  await ui.screenshot("disk-happy-path-4-send-bulk-light");

  await ui.stepUntil(async () => (await ui.textOf(r1)).includes("ONLINE"));
  await expect(r1).not.toContainText("SEND_BULK");
  await expect(ui.serverLog).toContainText("Synchronization with slave 127.0.0.1:17001 succeeded");
  await expect(r1).toContainText("$2097152");
  await ui.screenshot("disk-happy-path-5-online-light");

  await ui.useTheme("dark");
  await ui.screenshot("disk-happy-path-5-online-dark");
});
