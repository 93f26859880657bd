import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yProblems, lab, SCREENSHOTS } from "./lab";

// What was seen: at 1280×720 the header took two rows (86 px of a 720-px screen) — the file,
// embed, export and help buttons pushed the rest onto a second line.

/**
 * The header's cells — the title and subtitle, the scenario picker (its label and count stack
 * beside it), each button and select of the tool groups — with their boxes, and every control
 * and label inside, with whether its content overflows its box.
 */
async function headerItems(page: Page) {
  return page.getByRole("banner").evaluate((header) => {
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      // (Words for screen readers only are 1 px boxes, clipped on purpose.)
      return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== "hidden" && !el.closest('[role="menu"]');
    };
    const cellsOf = (el: Element): Element[] => {
      const display = getComputedStyle(el).display;
      if (display === "contents" || (display === "flex" && el.parentElement === header)) return [...el.children].flatMap(cellsOf);
      return [el];
    };
    const describe = (el: Element) => `${el.localName} "${(el.textContent ?? "").trim().slice(0, 30)}"`;
    const cells = [...header.children].flatMap(cellsOf).filter(shown);
    const controls = [...header.querySelectorAll<HTMLElement>("h1, p, label, select, button, span")].filter(shown);
    return {
      header: header.getBoundingClientRect().toJSON() as DOMRect,
      cells: cells.map((el) => ({ what: describe(el), box: el.getBoundingClientRect().toJSON() as DOMRect })),
      controls: controls.map((el) => ({
        what: describe(el),
        box: el.getBoundingClientRect().toJSON() as DOMRect,
        // A select's options are wider than the closed control by design; its own box must fit.
        overflows: el.localName !== "select" && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1),
      })),
      pageOverflow: document.documentElement.scrollWidth - innerWidth,
    };
  });
}

async function expectOneRow(page: Page, label: string) {
  const { header, cells, controls, pageOverflow } = await headerItems(page);
  expect(cells.length, label).toBeGreaterThan(6);
  // One row: every cell shares a horizontal band with every other one.
  const lowestTop = Math.max(...cells.map((i) => i.box.top));
  const highestBottom = Math.min(...cells.map((i) => i.box.bottom));
  expect(lowestTop, `${label}: ${JSON.stringify(cells.map((i) => [i.what, Math.round(i.box.top)]))}`).toBeLessThan(highestBottom);
  const tallest = Math.max(...cells.map((i) => i.box.height));
  // The padding and the border only: a second row would add a control and a gap (40 px or more).
  expect(header.height, label).toBeLessThanOrEqual(tallest + 24);
  // Nothing clipped: inside the header and the window, no text cut off inside its control.
  for (const i of controls) {
    expect(i.box.left, `${label}: ${i.what}`).toBeGreaterThanOrEqual(header.left);
    expect(i.box.right, `${label}: ${i.what}`).toBeLessThanOrEqual(header.right + 0.5);
    expect(i.box.bottom, `${label}: ${i.what}`).toBeLessThanOrEqual(header.bottom + 0.5);
    expect(i.overflows, `${label}: ${i.what} overflows`).toBe(false);
  }
  expect(pageOverflow, label).toBeLessThanOrEqual(0);
}

test("at 1280×720 the header is one row with nothing clipped, in English and Chinese, in lecture mode too", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=diskless-batching&frame=0&step=event");
  await expectOneRow(page, "en");
  await expect(page.getByRole("banner").getByText("How a Redis 4.0.14 primary starts a BGSAVE for replication")).toBeVisible();
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
  const zh = lab(page, "zh");
  await expect(zh.moreButton).toBeVisible();
  await expectOneRow(page, "zh");

  // Lecture mode (bigger type) keeps one row in both languages.
  await page.getByRole("button", { name: "讲课", exact: true }).click();
  await page.getByRole("button", { name: "讲课模式" }).click();
  await page.keyboard.press("Escape");
  await expect(page.locator("html")).toHaveClass(/lecture/);
  await expectOneRow(page, "zh lecture");
  await page.getByRole("combobox", { name: "语言（Language）" }).selectOption("en");
  await expect(ui.moreButton).toBeVisible();
  await expectOneRow(page, "en lecture");
  await page.screenshot({ path: `${SCREENSHOTS}/header-lecture.png`, clip: { x: 0, y: 0, width: 1280, height: 120 } });
});

test("More is a menu button: Enter, Space and ↓ open it, the arrows move, Escape closes it and gives the focus back, a click elsewhere closes it", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=disk-happy-path&frame=0&step=event");
  const more = ui.moreButton;
  const items = ui.moreMenu.getByRole("menuitem");
  await expect(more).toHaveAttribute("aria-haspopup", "menu");
  await expect(more).toHaveAttribute("aria-expanded", "false");

  await more.focus();
  await page.keyboard.press("Enter");
  await expect(ui.moreMenu).toBeVisible();
  await expect(more).toHaveAttribute("aria-expanded", "true");
  await expect(items).toHaveText(["Open scenario file", "Save scenario", "Embed", "Diagram as SVG", "Diagram as PNG", "Trace as JSON", "Walkthrough as Markdown", "What changed across Redis versions", /^Keyboard shortcuts/]);
  await expect(ui.moreMenu.getByRole("group", { name: "Export" }).getByRole("menuitem")).toHaveCount(4);
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(items.last()).toBeFocused();
  await page.keyboard.press("Home");
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("End");
  await expect(items.last()).toBeFocused();
  await expectNoSeriousA11yProblems(page);
  await page.screenshot({ path: `${SCREENSHOTS}/header-more-menu.png`, clip: { x: 640, y: 0, width: 640, height: 400 } });
  // While the menu is open the lab's shortcuts wait: → moves in the menu's world, not the lab's.
  const before = await ui.frame();
  await page.keyboard.press("ArrowRight");
  expect(await ui.frame()).toBe(before);
  await page.keyboard.press("Escape");
  await expect(ui.moreMenu).toBeHidden();
  await expect(more).toBeFocused();
  await expect(more).toHaveAttribute("aria-expanded", "false");

  await page.keyboard.press(" ");
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("Escape");
  await page.keyboard.press("ArrowDown");
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("Escape");
  await page.keyboard.press("ArrowUp");
  await expect(items.last()).toBeFocused();

  // A click elsewhere closes it, and the click does what it was for.
  await ui.button("Step forward").click();
  await expect(ui.moreMenu).toBeHidden();
  expect(await ui.frame()).toBeGreaterThan(before);

  // An item acts and the focus comes back to the button when its dialog closes.
  await (await ui.tool("Keyboard shortcuts")).press("Enter");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(ui.moreMenu).toBeHidden();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await expect(more).toBeFocused();

  // The mouse: a click opens it, a second click on the button closes it.
  await more.click();
  await expect(ui.moreMenu).toBeVisible();
  await more.click();
  await expect(ui.moreMenu).toBeHidden();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("at 390×844 the header wraps without sideways scrolling, and the More menu fits the screen", async ({ page }) => {
    const ui = lab(page);
    await ui.open("/?scenario=disk-happy-path&frame=0&step=event");
    for (const name of ["Sandbox", "What if", "Copy link", "More"]) await expect(ui.button(name)).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    await ui.moreButton.tap();
    await expect(ui.moreMenu).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: `${SCREENSHOTS}/header-phone-menu.png` });
    await (await ui.tool("Embed")).tap();
    await expect(page.getByRole("dialog", { name: "Embed this scenario" })).toBeVisible();
  });
});
