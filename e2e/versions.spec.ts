/**
 * "What changed": startBgsaveForReplication of two Redis versions side by side, each changed hunk
 * with its commit and what it changes for a replica (src/ui/versions, docs/versions.md).
 */
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yProblems, lab } from "./lab";

test("a student opens What changed from More: 4.0.14 beside 5.0.5, the added replstate line, its commit and why it matters; then 6.2.14 → 7.0.15", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=fork-failure-disk&frame=0&step=event");
  await (await ui.tool("What changed across Redis versions")).click();
  const dialog = page.getByRole("dialog", { name: "What changed in startBgsaveForReplication" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  const table = dialog.getByRole("table", { name: "startBgsaveForReplication in Redis 4.0.14 and 5.0.5, side by side" });
  await expect(table).toBeVisible();
  // The line 5.0.5 added is on the newer side only, marked as such.
  const added = table.getByRole("row").filter({ hasText: "slave->replstate = REPL_STATE_NONE;" });
  await expect(added).toHaveCount(1);
  await expect(added).toContainText("only in the newer text");
  await expect(added).toHaveAttribute("data-hunk", /\d+/);
  // Its explanation and commit follow.
  const commit = dialog.getByRole("link", { name: "3b207b894" });
  await expect(commit).toHaveAttribute("href", "https://github.com/redis/redis/commit/3b207b894aa1fcd07c675330148706f2be09dbda");
  await expect(dialog.getByText("diskless replication - notify slave when rdb transfer failed")).toBeVisible();
  // Unchanged lines are unmarked, on both sides.
  const same = table.getByRole("row").filter({ hasText: "listRewind(server.slaves,&li);" }).first();
  await expect(same).not.toHaveAttribute("data-hunk", /.*/);
  await expectNoSeriousA11yProblems(page);

  await dialog.getByRole("combobox", { name: "Versions" }).selectOption({ label: "6.2.14 → 7.0.15" });
  await expect(dialog.getByRole("table", { name: "startBgsaveForReplication in Redis 6.2.14 and 7.0.15, side by side" })).toBeVisible();
  await expect(dialog.getByRole("link", { name: "1b0968df4" })).toBeVisible();
  await expect(dialog.getByRole("table").getByRole("row").filter({ hasText: "int startBgsaveForReplication(int mincapa, int req) {" })).toHaveCount(1);

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(ui.moreButton).toBeFocused();
});

test("the scenario on screen, from the frame on screen, on both versions: scenario 8's failure — silence on 4.0.14, the -ERR and a retry on 5.0.5", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=fork-failure-disk&frame=0&step=event");
  await ui.stepUntil(async () => (await ui.textOf(ui.serverLog)).includes("BGSAVE for replication failed"));
  await (await ui.tool("What changed across Redis versions")).click();
  const dialog = page.getByRole("dialog", { name: "What changed in startBgsaveForReplication" });
  const both = dialog.getByRole("region", { name: /^This scenario from this moment \(t = 0\.250 s\), on both versions$/ });
  await expect(both).toBeVisible();
  const old = both.getByRole("region", { name: "The run on Redis 4.0.14" });
  const now = both.getByRole("region", { name: "The run on Redis 5.0.5" });
  await expect(now).toContainText("→ r1#1 -ERR BGSAVE failed, replication can't continue");
  await expect(now).toContainText("[r1] Retrying with SYNC...");
  await expect(now).toContainText("t = 1.137 s");
  await expect(old).not.toContainText("-ERR BGSAVE failed");
  await expect(old).toContainText("[r1] Timeout connecting to the MASTER...");
  // 5.0.5 → 6.2.14: the replica that hears the -ERR reconnects at once on 6.2.14, at its next cron run on 5.0.5.
  await dialog.getByRole("combobox", { name: "Versions" }).selectOption({ label: "5.0.5 → 6.2.14" });
  const six = both.getByRole("region", { name: "The run on Redis 6.2.14" });
  await expect(six).toContainText("[r1] Reconnecting to MASTER 127.0.0.1:6379 after failure");
  await expect(both.getByRole("region", { name: "The run on Redis 5.0.5" })).not.toContainText("Reconnecting to MASTER");
  await ui.screenshot("versions-both-runs");
});

test("in Chinese the view speaks Chinese, and the code and commit subjects stay as Redis wrote them", async ({ page }) => {
  const en = lab(page);
  await en.open("/?scenario=fork-failure-disk&frame=0&step=event");
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
  const ui = lab(page, "zh");
  await (await ui.tool("各 Redis 版本的变化")).click();
  const dialog = page.getByRole("dialog", { name: "startBgsaveForReplication 的变化" });
  await expect(dialog.getByRole("table", { name: "Redis 4.0.14 与 5.0.5 的 startBgsaveForReplication 并排对照" })).toBeVisible();
  await expect(dialog.getByText("只在新版本中")).toHaveCount(1);
  await expect(dialog.getByText("diskless replication - notify slave when rdb transfer failed")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "关闭" })).toBeFocused();
  await ui.screenshot("versions-zh");
});
