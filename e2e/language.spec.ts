import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yProblems, lab, linkPayload, shareLink } from "./lab";

test.describe.configure({ timeout: 60_000 });

const language = (page: Page) => page.getByRole("combobox", { name: "Language" });

test("a student switches the whole page to Simplified Chinese, and the choice survives a reload", async ({ page }) => {
  const ui = lab(page);
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  await ui.open("/?scenario=fork-failure-disk&frame=0&step=event");
  await ui.stepUntil(async () => (await ui.textOf(ui.serverLog)).includes("BGSAVE for replication failed"));
  const r1 = ui.replica("r1");
  await expect(r1.getByRole("heading", { level: 3 })).toContainText("Replica r1");
  await expect(r1).toContainText("Output buffer (queued, not sent)");
  await expect(page.getByRole("button", { name: "Dark theme" })).toBeVisible();

  await language(page).selectOption("zh");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  // The header, the controls' visible words, the panels, the explanation and the replica cards.
  await expect(page.getByRole("button", { name: "深色主题" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "事件" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "行" })).toBeVisible();
  await expect(ui.button("Play")).toHaveText("播放");
  await expect(ui.code.getByRole("heading", { level: 2 })).toContainText("源代码");
  await expect(ui.code).toContainText("局部变量");
  await expect(ui.explanation.getByRole("heading", { level: 2 })).toContainText("说明");
  await expect(ui.explanation).toContainText("永远不会发出");
  await expect(ui.serverLog.getByRole("heading", { level: 2 })).toHaveText("服务器日志（主节点）");
  await expect(r1.getByRole("heading", { level: 3 })).toContainText("从节点 r1");
  await expect(r1).toContainText("输出缓冲区（已排队，未发送）");
  await expect(r1).toContainText("在 Redis 4.0.14 中永远不会送达");
  await expect(ui.target).toContainText("BGSAVE 目标");
  await expect(page.getByRole("region", { name: "示意图" })).toContainText("决策");
  // What the model says in English (its causes, its sub-state words) is not shown in Chinese.
  for (const english of ["Local variables", "Output buffer", "Earlier connections", "Never delivered", "nothing yet", "connects and sends", "Statechart of"]) {
    await expect(page.getByText(english)).toHaveCount(0);
  }
  // Redis's own words stay as they are: state names, log lines, code.
  await expect(r1).toContainText("dropped");
  await expect(ui.serverLog).toContainText("BGSAVE for replication failed");
  await ui.screenshot("language-zh-fork-failure-light");

  await expect.poll(() => linkPayload(page.url())).toMatchObject({ l: "zh" });
  await page.reload();
  await expect(language(page)).toHaveValue("zh");
  await expect(ui.explanation).toContainText("永远不会发出");
  await expect(r1.getByRole("heading", { level: 3 })).toContainText("从节点 r1");
  await expectNoSeriousA11yProblems(page);

  // And back: every word follows at once.
  await language(page).selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(ui.explanation).toContainText("never delivered");
  await expect(r1.getByRole("heading", { level: 3 })).toContainText("Replica r1");
  await expect(ui.button("Play")).toHaveText("Play");
  expect(problems).toEqual([]);
});

test("a student whose browser speaks Chinese gets the lab in Chinese on a first visit, and the fixed English names still work", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ locale: "zh-CN", baseURL: testInfo.project.use.baseURL, viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const ui = lab(page);
  await ui.open("/");
  await expect(language(page)).toHaveValue("zh");
  await expect(ui.explanation).toContainText("场景开始");
  await expect(page.getByText("场景", { exact: true })).toBeVisible();

  // Everything a test or script finds by name is found by the same English name (docs/architecture.md §8).
  await expect(ui.scenario).toHaveValue("disk-happy-path");
  for (const name of ["First step", "Step back", "Play", "Step forward", "Last step", "Copy link"]) await expect(ui.button(name)).toBeVisible();
  await expect(ui.timeline).toHaveValue("0");
  await expect(ui.target).toContainText("none");
  await expect(ui.serverLog).toBeVisible();
  await page.getByRole("radio", { name: "行" }).check();
  await ui.stepForward();
  await expect(ui.currentLine).toBeVisible();
  await expect(ui.replica("r1")).toContainText("WAIT_BGSAVE_START");
  await ui.button("Play").click();
  await expect(ui.button("Pause")).toHaveText("暂停");
  await ui.button("Pause").click();
  await ui.button("Last step").click();
  await expect(ui.replica("r1")).toContainText("ONLINE");
  await expect(ui.target).toContainText("disk");
  await ui.screenshot("language-zh-first-visit");

  // A link that names its language wins over the browser's; a remembered choice wins after that.
  await ui.open(shareLink({ v: 1, s: "fork-failure-disk", l: "en" }));
  await expect(language(page)).toHaveValue("en");
  await expect(ui.explanation).toContainText("The scenario starts");
  await ui.open("/");
  await expect(language(page)).toHaveValue("en");
  await context.close();
});
