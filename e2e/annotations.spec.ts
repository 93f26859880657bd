import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yProblems, lab } from "./lab";

// The taught text came with three Chinese `//` comments (lines 29, 46, 66 of the seed file). They
// stay verbatim, marked as annotations of the document; an English reader gets a rendering, and
// both languages say why 46 and 66 are wrong (docs/behaviour.md §4, §6, §8).

test.describe.configure({ timeout: 60_000 });

test("no longer: the Chinese comments of the taught text (lines 29, 46, 66) are shown to English readers without a word — they get an English rendering, and 46 and 66 are flagged as wrong", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=fork-failure-disk&frame=0&step=line");
  const line = (n: number) => ui.code.locator(`li[data-line="${n}"]`);

  // Verbatim, badged, with a rendering beneath.
  await expect(line(29).locator("code").first()).toHaveText("    // 获取 rdb 信息");
  await expect(line(29)).toContainText("annotation");
  await expect(line(29)).toContainText("In English: get the RDB info");
  await expect(line(29)).not.toContainText("Wrong:");
  await expect(line(46).locator("code").first()).toHaveText("    // 如果生成 RDB 文件失败，移除等待全量复制的 slave，通知它们，并关闭连接");
  await expect(line(46)).toContainText("In English: if generating the RDB file fails, remove the slaves waiting for a full sync, notify them");
  await expect(line(46)).toContainText("Wrong: in 4.0.14 the replicas are removed but neither notified nor disconnected");
  await expect(line(46)).toContainText("fixed in 5.0.5");
  await expect(line(66)).toContainText("In English: if socket, and rdbSaveToSlavesSockets has already started; otherwise use the disk");
  await expect(line(66)).toContainText("Wrong: it misparaphrases the English comment above");
  // Redis' own comments carry no badge.
  await expect(line(43)).not.toContainText("annotation");
  // The flag is text on the page, readable and in the accessibility tree, not a tooltip.
  await expect(line(46).getByText(/neither notified nor disconnected/)).toBeVisible();
  await expect(ui.code.getByRole("listitem")).toHaveCount(83);
  await expectNoSeriousA11yProblems(page);

  await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
  // In Chinese the panel is found by its Chinese name (label in name).
  const zhLine = (n: number) => lab(page, "zh").code.locator(`li[data-line="${n}"]`);
  await expect(zhLine(46)).toContainText("批注");
  await expect(zhLine(46)).toContainText("有误：在 4.0.14 中，这些从节点被移除，但既没有收到通知，也没有被断开");
  await expect(zhLine(66)).toContainText("有误：它误解了上面的英文注释");
  await expect(zhLine(46).locator("code").first()).toHaveText("    // 如果生成 RDB 文件失败，移除等待全量复制的 slave，通知它们，并关闭连接");
  // A Chinese reader reads the comment itself: no English rendering, no English flag.
  for (const n of [29, 46, 66]) await expect(zhLine(n)).not.toContainText("In English");
  await expect(zhLine(46)).not.toContainText("Wrong:");
  await expectNoSeriousA11yProblems(page);
});
