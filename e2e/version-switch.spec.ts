/**
 * The version switch (src/ui/code/VersionSwitch.tsx, docs/versions.md): a student runs scenario 8
 * on Redis 5.0.5 instead of 4.0.14 — the code panel shows 5.0.5's text and its new line, the
 * replica is told of the failure, the log has 5.0.5's dates — and the link keeps the choice.
 */
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yProblems, lab } from "./lab";

test("a student switches scenario 8 to Redis 5.0.5: its own text and line 52, the -ERR reaches r1, the link keeps it, Back returns to 4.0.14", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=fork-failure-disk&frame=0&step=event");
  const version = ui.code.getByRole("combobox", { name: "Redis version" });
  await expect(version).toHaveValue("4.0.14");
  await expect(ui.code).not.toContainText("slave->replstate = REPL_STATE_NONE;");
  await expect(page.getByRole("banner")).toContainText("How a Redis 4.0.14 primary starts a BGSAVE for replication");

  await version.selectOption("5.0.5");
  await expect(page.getByRole("banner")).toContainText("How a Redis 5.0.5 primary starts a BGSAVE for replication");
  await expect(ui.code.locator('li[data-line="52"]')).toContainText("slave->replstate = REPL_STATE_NONE;");
  // 4.0.14's Chinese annotations belong to the seed document, not to 5.0.5's text.
  await expect(ui.code.getByText("annotation", { exact: true })).toHaveCount(0);
  // 8's narration is written for 4.0.14 unless it says otherwise: the page says so, or shows 5.0.5's note.
  await expect(ui.explanation.locator("[data-version-note='5.0.5']")).toBeVisible();

  // Line by line to the new statement: it is the current line, explained in its own words.
  await ui.stepSize("Line");
  await ui.stepUntil(async () => (await ui.code.locator('li[data-line="52"][aria-current="step"]').count()) === 1);
  await expect(ui.explanation).toContainText("REPL_STATE_NONE");
  await expect(ui.explanation).toContainText("written to its socket");
  // The log has 5.0.5's dates, with the year.
  await expect(ui.serverLog).toContainText("15 May 2019 10:00:00.250");
  await expectNoSeriousA11yProblems(page);

  // At the end r1 has been told: its own log shows the reply 4.0.14 never sends.
  await ui.button("Last step").click();
  await expect(ui.replica("r1")).toContainText("Master does not support PSYNC or is in error state (reply: -ERR BGSAVE failed, replication can't continue)");

  // The link carries the version: a reload opens on it, at the same frame.
  const frame = await ui.frame();
  await page.reload();
  await expect(ui.code.getByRole("combobox", { name: "Redis version" })).toHaveValue("5.0.5");
  await expect.poll(() => ui.frame()).toBe(frame);

  // Back: the entry before the switch, on 4.0.14, where r1 is never told.
  await page.goBack();
  await expect(ui.code.getByRole("combobox", { name: "Redis version" })).toHaveValue("4.0.14");
  await expect(ui.code).not.toContainText("slave->replstate = REPL_STATE_NONE;");
  await ui.button("Last step").click();
  await expect(ui.replica("r1")).not.toContainText("Master does not support PSYNC");
});

test("a version that cannot run the scenario cannot be chosen, and says why; in Chinese too", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=evalsha-full-sync&frame=0&step=event");
  const version = ui.code.getByRole("combobox", { name: "Redis version" });
  await expect(version.getByRole("option", { name: "5.0.5 (cannot run this scenario)" })).toBeDisabled();
  await expect(version.getByRole("option", { name: "7.0.15 (cannot run this scenario)" })).toBeDisabled();
  await expect(version.getByRole("option", { name: "4.0.14" })).toBeEnabled();

  await ui.scenario.selectOption("fork-failure-disk");
  await expect(version.getByRole("option", { name: "5.0.5", exact: true })).toBeEnabled();
  await version.selectOption("5.0.5");
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
  const zh = lab(page, "zh");
  await expect(zh.code.getByRole("combobox", { name: "Redis 版本" })).toHaveValue("5.0.5");
  await expect(page.getByRole("banner")).toContainText("Redis 5.0.5 主节点如何为复制启动 BGSAVE");
  await zh.screenshot("version-switch-zh");
});

test("a student runs scenario 2 on Redis 7.0.15 and 6.2.14: the pipe, online at the transfer's end on 7.0, the ACK first on 6.2, the BGSAVE a second earlier", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=diskless-batching&frame=0&step=event");
  const version = ui.code.getByRole("combobox", { name: "Redis version" });
  await version.selectOption("7.0.15");
  await expect(page.getByRole("banner")).toContainText("How a Redis 7.0.15 primary starts a BGSAVE for replication");
  // 7.0's own text: the new signature and the assert, in its line numbers.
  await expect(ui.code.locator('li[data-line="19"]')).toContainText("int startBgsaveForReplication(int mincapa, int req) {");
  await expect(ui.code.locator('li[data-line="30"]')).toContainText("serverAssert(socket_target || !(req & SLAVE_REQ_RDB_MASK));");

  await ui.stepUntil(async () => (await ui.textOf(ui.serverLog)).includes("Starting BGSAVE for SYNC with target: replicas sockets"));
  // replicationStartPendingFork's >=: r1 asked at 0.05 s, the delay is 5 s, the BGSAVE starts at 5 s.
  await expect(ui.serverLog).toContainText("09 Jan 2024 10:00:05.000 * Starting BGSAVE for SYNC with target: replicas sockets");
  await ui.button("Last step").click();
  const log = await ui.textOf(ui.serverLog);
  const order = [
    "# Diskless rdb transfer, done reading from pipe, 2 replicas still up.",
    "* Background RDB transfer terminated with success",
    "* Streamed RDB transfer with replica 127.0.0.1:17001 succeeded (socket)",
    "* Synchronization with replica 127.0.0.1:17001 succeeded",
    "* Streamed RDB transfer with replica 127.0.0.1:17002 succeeded (socket)",
  ].map((l) => log.indexOf(l));
  expect(order.every((i) => i >= 0)).toBe(true);
  expect(order).toEqual([...order].sort((a, b) => a - b));
  expect(log).not.toContain("correctly received the streamed RDB file");
  await expect(ui.replica("r1")).toContainText("MASTER <-> REPLICA sync: receiving streamed RDB from master with EOF to disk");
  await expectNoSeriousA11yProblems(page);

  // 6.2.14: both Streamed lines first, then each replica's ACK puts it online.
  await version.selectOption("6.2.14");
  await expect(page.getByRole("banner")).toContainText("How a Redis 6.2.14 primary starts a BGSAVE for replication");
  // The same moment on the other version: the last step at or before it, here the run's end.
  await expect(ui.button("Last step")).toBeDisabled();
  await expect(ui.serverLog).toContainText("Synchronization with replica 127.0.0.1:17002 succeeded");
  const six = await ui.textOf(ui.serverLog);
  expect(six.indexOf("Streamed RDB transfer with replica 127.0.0.1:17002")).toBeLessThan(six.indexOf("Synchronization with replica 127.0.0.1:17001 succeeded"));
  expect(six).toContain("18 Oct 2023 10:00:07.000");
  // The link keeps the version.
  await page.reload();
  await expect(ui.code.getByRole("combobox", { name: "Redis version" })).toHaveValue("6.2.14");
  await ui.screenshot("version-switch-6-2");
});
