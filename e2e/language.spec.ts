import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
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
  // In Chinese the controls and panels are named in Chinese (label in name).
  const zh = lab(page, "zh");
  const zr1 = zh.replica("r1");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  // The header, the controls' visible words, the panels, the explanation and the replica cards.
  await expect(page.getByRole("button", { name: "深色主题" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "事件" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "行" })).toBeVisible();
  await expect(zh.button(zh.names.play)).toHaveText("播放");
  await expect(zh.code.getByRole("heading", { level: 2 })).toContainText("源代码");
  await expect(zh.code).toContainText("局部变量");
  await expect(zh.explanation.getByRole("heading", { level: 2 })).toContainText("说明");
  await expect(zh.explanation).toContainText("永远不会发出");
  await expect(zh.serverLog.getByRole("heading", { level: 2 })).toHaveText("服务器日志（主节点）");
  await expect(zr1.getByRole("heading", { level: 3 })).toContainText("从节点 r1");
  await expect(zr1).toContainText("输出缓冲区（已排队，未发送）");
  await expect(zr1).toContainText("在 Redis 4.0.14 中永远不会送达");
  await expect(zh.target).toContainText("BGSAVE 目标");
  await expect(page.getByRole("region", { name: "示意图" })).toContainText("决策");
  // What the model says in English (its causes, its sub-state words) is not shown in Chinese.
  for (const english of ["Local variables", "Output buffer", "Earlier connections", "Never delivered", "nothing yet", "connects and sends", "Statechart of"]) {
    await expect(page.getByText(english)).toHaveCount(0);
  }
  // Redis's own words stay as they are: state names, log lines, code.
  await expect(zr1).toContainText("dropped");
  await expect(zh.serverLog).toContainText("BGSAVE for replication failed");
  await ui.screenshot("language-zh-fork-failure-light");

  await expect.poll(() => linkPayload(page.url())).toMatchObject({ l: "zh" });
  await page.reload();
  await expect(language(page)).toHaveValue("zh");
  await expect(zh.explanation).toContainText("永远不会发出");
  await expect(zr1.getByRole("heading", { level: 3 })).toContainText("从节点 r1");
  await expectNoSeriousA11yProblems(page);

  // And back: every word follows at once.
  await language(page).selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(ui.explanation).toContainText("never delivered");
  await expect(r1.getByRole("heading", { level: 3 })).toContainText("Replica r1");
  await expect(ui.button("Play")).toHaveText("Play");
  expect(problems).toEqual([]);
});

test("a student whose browser speaks Chinese gets the lab in Chinese on a first visit, every control named in Chinese", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ locale: "zh-CN", baseURL: testInfo.project.use.baseURL, viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const ui = lab(page);
  const zh = lab(page, "zh");
  await ui.open("/");
  await expect(language(page)).toHaveValue("zh");
  await expect(zh.explanation).toContainText("场景开始");
  await expect(page.getByText("场景", { exact: true })).toBeVisible();

  // Everything is found by its Chinese name, as a Chinese screen reader says it (docs/architecture.md §8).
  await expect(zh.scenario).toHaveValue("disk-happy-path");
  for (const name of ["第一步", "后退一步", "播放", "前进一步", "最后一步", "复制链接"]) await expect(zh.button(name)).toBeVisible();
  await expect(zh.timeline).toHaveValue("0");
  await expect(zh.target).toContainText("none");
  await expect(zh.serverLog).toBeVisible();
  await page.getByRole("radio", { name: "行" }).check();
  await zh.stepForward();
  await expect(zh.currentLine).toBeVisible();
  await expect(zh.replica("r1")).toContainText("WAIT_BGSAVE_START");
  await zh.button("播放").click();
  await expect(zh.button("暂停")).toHaveText("暂停");
  await zh.button("暂停").click();
  await zh.button("最后一步").click();
  await expect(zh.replica("r1")).toContainText("ONLINE");
  await expect(zh.target).toContainText("disk");
  await ui.screenshot("language-zh-first-visit");

  // A link that names its language wins over the browser's; a remembered choice wins after that.
  await ui.open(shareLink({ v: 1, s: "fork-failure-disk", l: "en" }));
  await expect(language(page)).toHaveValue("en");
  await expect(ui.explanation).toContainText("The scenario starts");
  await ui.open("/");
  await expect(language(page)).toHaveValue("en");
  await context.close();
});

test("no longer: with zh chosen, the visible labels are Chinese but the accessible names stay English", async ({ page }) => {
  const ui = lab(page);
  await ui.open(shareLink({ v: 1, s: "fork-failure-disk", l: "zh" }));
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  // The controls, regions and groups are named by the words a Chinese reader sees (label in name).
  for (const name of ["第一步", "后退一步", "播放", "前进一步", "最后一步", "复制链接"]) await expect(page.getByRole("button", { name, exact: true })).toBeVisible();
  await expect(page.getByRole("slider", { name: "时间轴" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "场景" })).toBeVisible();
  await expect(page.getByRole("status", { name: "BGSAVE 目标" })).toContainText("BGSAVE 目标");
  for (const name of ["源代码", "说明", "服务器日志"]) await expect(page.getByRole("region", { name })).toBeVisible();
  await expect(page.getByRole("group", { name: "从节点 r1" })).toBeVisible();
  // None keeps its English name in Chinese.
  for (const name of ["First step", "Step back", "Play", "Step forward", "Last step", "Copy link"]) await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Replica r1" })).toHaveCount(0);
  // Every control whose name differs from its visible text contains that text (WCAG 2.5.3).
  const results = await new AxeBuilder({ page }).withRules(["label-content-name-mismatch"]).analyze();
  expect(results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(" ")))).toEqual([]);
  // Back in English the fixed names apply again.
  await page.getByRole("combobox", { name: /语言/ }).selectOption("en");
  for (const name of ["First step", "Step back", "Play", "Step forward", "Last step", "Copy link"]) await expect(ui.button(name)).toBeVisible();
  await expect(ui.replica("r1")).toBeVisible();
  await expect(ui.timeline).toBeVisible();
});
