import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoSeriousA11yProblems, lab, SCREENSHOTS, shareLink } from "./lab";

// What was seen: the first screen did not say what the lab is (the subtitle only appeared at
// 1920 px); nothing said "press → and answer first"; the jargon (mincapa, capa eof, replstate 6,
// PSYNC, RDB) had no explanation on the page.

const SUBTITLE = { en: "How a Redis 4.0.14 primary starts a BGSAVE for replication", zh: "Redis 4.0.14 主节点如何为复制启动 BGSAVE" };

const startHere = (page: Page, lang: "en" | "zh" = "en") => page.getByRole("dialog", { name: lang === "en" ? "Start here" : "从这里开始" });
const tooltip = (page: Page) => page.getByRole("tooltip");

async function expectInViewport(page: Page, box: Locator) {
  const b = await box.boundingBox();
  const vw = page.viewportSize()!.width;
  const vh = page.viewportSize()!.height;
  expect(b).not.toBeNull();
  expect(b!.x).toBeGreaterThanOrEqual(0);
  expect(b!.y).toBeGreaterThanOrEqual(0);
  expect(b!.x + b!.width).toBeLessThanOrEqual(vw);
  expect(b!.y + b!.height).toBeLessThanOrEqual(vh);
}

test.describe("no longer: the first screen does not say what the lab is", () => {
  test("the subtitle says what the lab is at 1280×720, in the header's one row, in English and Chinese", async ({ page }) => {
    const ui = lab(page);
    await ui.open("/");
    for (const lang of ["en", "zh"] as const) {
      if (lang === "zh") await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
      const subtitle = page.getByRole("banner").getByText(SUBTITLE[lang], { exact: true });
      await expect(subtitle).toBeVisible();
      await expect(subtitle).toBeInViewport({ ratio: 1 });
      // It sits beside the title, and the header keeps its one row (e2e/header.spec.ts measures the row).
      const title = await page.getByRole("heading", { level: 1, name: "FullResync Lab" }).boundingBox();
      const sub = await subtitle.boundingBox();
      expect(Math.abs(sub!.y + sub!.height / 2 - (title!.y + title!.height / 2))).toBeLessThan(title!.height);
      expect((await page.getByRole("banner").boundingBox())!.height).toBeLessThanOrEqual(56);
      const size = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, vh: innerHeight }));
      expect(size.h).toBeLessThanOrEqual(size.vh);
    }
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test("the subtitle shows under the title at 390×844", async ({ page }) => {
      const ui = lab(page);
      await ui.open("/");
      const subtitle = page.getByRole("banner").getByText(SUBTITLE.en, { exact: true });
      await expect(subtitle).toBeInViewport({ ratio: 1 });
      const title = await page.getByRole("heading", { level: 1, name: "FullResync Lab" }).boundingBox();
      expect((await subtitle.boundingBox())!.y).toBeGreaterThanOrEqual(title!.y + title!.height - 2);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    });
  });
});

test.describe("no longer: nothing says press → and answer first", () => {
  test("a first visit opens “Start here” with three short steps; once closed it stays closed, and the help brings it back", async ({ page }) => {
    const ui = lab(page, "en", { firstVisit: true });
    await ui.open("/");
    const card = startHere(page);
    await expect(card).toBeVisible();
    const steps = card.getByRole("listitem").filter({ has: page.getByRole("heading") });
    await expect(steps).toHaveCount(3);
    await expect(steps.nth(0)).toContainText("full resync");
    await expect(steps.nth(0)).toContainText("RDB");
    await expect(steps.nth(0)).toContainText(/disk/);
    await expect(steps.nth(0)).toContainText(/socket/);
    for (const panel of ["picture", "explanation", "code", "server log", "replicas"]) await expect(steps.nth(1)).toContainText(panel);
    await expect(steps.nth(2)).toContainText("→");
    await expect(steps.nth(2)).toContainText("Step forward");
    await expect(steps.nth(2)).toContainText(/answer/i);
    await expect(card.getByRole("button", { name: "Start" })).toBeFocused();
    await expectNoSeriousA11yProblems(page);
    await ui.screenshot("orientation-start-here-en-light");

    // While it is open the keys are the card's: → does not step behind it.
    await page.keyboard.press("ArrowRight");
    await expect(ui.timeline).toHaveValue("0");

    await card.getByRole("button", { name: "Start" }).click();
    await expect(card).toBeHidden();
    await page.keyboard.press("ArrowRight");
    expect(await ui.frame()).toBeGreaterThan(0);

    // Remembered: a reload, even of the start, does not bring it back.
    await ui.open("/");
    await expect(ui.timeline).toHaveValue("0");
    await expect(page.getByRole("heading", { level: 2, name: "Source code" })).toBeVisible();
    await page.waitForTimeout(500);
    await expect(card).toBeHidden();

    // The help opens it again; Escape closes it, and it stays closed.
    await (await ui.tool("Keyboard shortcuts")).click();
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).getByRole("button", { name: "Show the “Start here” card" }).click();
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();
    await expect(card).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(card).toBeHidden();
    await page.reload();
    await expect(ui.timeline).toBeVisible();
    await page.waitForTimeout(500);
    await expect(card).toBeHidden();
  });

  test("the card is in Chinese for a Chinese reader, and closes with its close button", async ({ page }) => {
    const ui = lab(page, "zh", { firstVisit: true });
    await ui.open(shareLink({ v: 1, s: "disk-happy-path", l: "zh" }));
    const card = startHere(page, "zh");
    await expect(card).toBeVisible();
    await expect(card.getByRole("listitem").filter({ has: page.getByRole("heading") })).toHaveCount(3);
    await expect(card).toContainText("全量同步");
    await expect(card).toContainText("→");
    await card.getByRole("button", { name: "关闭" }).click();
    await expect(card).toBeHidden();
  });

  test("not in an embed, in lecture mode, or on a link to a moment — that moment shows", async ({ page }) => {
    const ui = lab(page, "en", { firstVisit: true });
    await page.goto(`/?embed&from=1&to=4${shareLink({ v: 1, s: "disk-happy-path" }).slice(1)}`);
    await expect(page.getByRole("slider", { name: "Timeline" })).toHaveValue("1");
    await page.waitForTimeout(500);
    await expect(startHere(page)).toBeHidden();

    await ui.open(shareLink({ v: 1, s: "diskless-batching", p: ["lecture"] }));
    await expect(page.locator("html")).toHaveClass(/\blecture\b/);
    await page.waitForTimeout(500);
    await expect(startHere(page)).toBeHidden();

    await ui.open(shareLink({ v: 1, s: "fork-failure-disk", f: 9 }));
    await expect(ui.timeline).toHaveValue("9");
    await page.waitForTimeout(500);
    await expect(startHere(page)).toBeHidden();
    await ui.stepForward();
    expect(await ui.frame()).toBeGreaterThan(9);

    // None of these counted as having seen it: the lab's own start still shows it.
    await ui.open("/");
    await expect(startHere(page)).toBeVisible();
  });
});

test.describe("no longer: the jargon has no explanation", () => {
  test("hovering or focusing a term shows its one-line definition; Escape hides it; in Chinese too", async ({ page }) => {
    const ui = lab(page);
    await ui.open("/");
    // The scenario's summary and first question: BGSAVE, +FULLRESYNC, PSYNC, capa eof, RDB…
    const terms = ui.explanation.getByRole("term");
    for (const word of ["BGSAVE", "+FULLRESYNC", "PSYNC", "capa eof", "RDB"]) await expect(terms.filter({ hasText: word }).first()).toBeVisible();

    const fullresync = terms.filter({ hasText: "+FULLRESYNC" }).first();
    await fullresync.hover();
    await expect(tooltip(page)).toBeVisible();
    await expect(tooltip(page)).toContainText("full resync");
    const id = await tooltip(page).getAttribute("id");
    await expect(fullresync).toHaveAttribute("aria-describedby", id!);
    await expectInViewport(page, tooltip(page));
    await ui.screenshot("orientation-glossary-hover-en");
    await page.mouse.move(5, 700);
    await expect(tooltip(page)).toBeHidden();

    // By keyboard: Tab onto a term shows it; Escape hides it and the focus stays.
    const psync = terms.filter({ hasText: /^PSYNC$/ }).first();
    await psync.focus();
    await expect(tooltip(page)).toBeVisible();
    await expect(tooltip(page)).toContainText("PSYNC");
    await page.keyboard.press("Escape");
    await expect(tooltip(page)).toBeHidden();
    await expect(psync).toBeFocused();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    await expect(psync).toBeFocused();
    await expect(tooltip(page)).toBeVisible();
    await page.keyboard.press("Escape");

    // In a replica's card: its command and capabilities; replstate 6 in its state badge.
    await ui.stepForward();
    const r1 = ui.replica("r1");
    await expect(r1).toContainText("WAIT_BGSAVE");
    await r1.getByRole("term").filter({ hasText: /^capa eof$/ }).hover();
    await expect(tooltip(page)).toContainText("$EOF:");
    await r1.getByRole("term").filter({ hasText: /^replstate \d$/ }).hover();
    await expect(tooltip(page)).toContainText(/^replstate [67] \(SLAVE_STATE_WAIT_BGSAVE_(START|END)\)/);
    await expectInViewport(page, tooltip(page));
    await page.mouse.move(5, 700);

    // Chinese: the same Latin words, defined in Chinese.
    await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
    const zh = lab(page, "zh");
    await zh.button(zh.names.first).click();
    const term = zh.explanation.getByRole("term").filter({ hasText: /^RDB$/ }).first();
    await term.hover();
    await expect(tooltip(page)).toContainText(/^RDB：/);
    await expect(tooltip(page)).toContainText("快照");
    // The Chinese word for diskless is a term too.
    await zh.explanation.getByRole("term").filter({ hasText: "无盘" }).first().hover();
    await expect(tooltip(page)).toContainText("repl-diskless-sync yes");
    await ui.screenshot("orientation-glossary-hover-zh");
    await page.keyboard.press("Escape");
    await expect(tooltip(page)).toBeHidden();
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test("a definition stays on the screen of a phone", async ({ page }) => {
      const ui = lab(page);
      await page.emulateMedia({ colorScheme: "dark" });
      await ui.open("/");
      const terms = ui.explanation.getByRole("term");
      const count = await terms.count();
      expect(count).toBeGreaterThan(3);
      for (let i = 0; i < count; i++) {
        const term = terms.nth(i);
        await term.scrollIntoViewIfNeeded();
        await term.focus();
        await expect(tooltip(page)).toBeVisible();
        await expectInViewport(page, tooltip(page));
        if (i === count - 1) await page.screenshot({ path: `${SCREENSHOTS}/orientation-glossary-phone-dark.png` });
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    });
  });
});

test.describe("the card as it looks", () => {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    test(`“Start here” at ${size.width}×${size.height}, in English and Chinese, light and dark, fits the screen`, async ({ browser }, testInfo) => {
      for (const lang of ["en", "zh"] as const) {
        for (const theme of ["light", "dark"] as const) {
          const context = await browser.newContext({ viewport: size, baseURL: testInfo.project.use.baseURL, colorScheme: theme });
          const page = await context.newPage();
          const ui = lab(page, lang, { firstVisit: true });
          await ui.open(shareLink({ v: 1, s: "disk-happy-path", l: lang }));
          const card = startHere(page, lang);
          await expect(card).toBeVisible();
          await expectInViewport(page, card);
          // The Start button is on screen without scrolling the page (the card scrolls inside if it must).
          await expect(card.getByRole("button", { name: lang === "en" ? "Start" : "开始" })).toBeInViewport();
          expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
          await ui.screenshot(`orientation-start-here-${size.width}-${lang}-${theme}`);
          await context.close();
        }
      }
    });
  }
});
