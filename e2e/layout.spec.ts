import { expect, test } from "@playwright/test";
import { lab, linkPayload } from "./lab";

test("the whole lab fits one 1280×720 screen", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=evalsha-full-sync&frame=30&step=event");
  const size = await page.evaluate(() => ({
    w: document.documentElement.scrollWidth,
    h: document.documentElement.scrollHeight,
    vw: window.innerWidth,
    vh: window.innerHeight,
  }));
  expect(size.w).toBeLessThanOrEqual(size.vw);
  expect(size.h).toBeLessThanOrEqual(size.vh);
  for (const name of ["Diagram", "Explanation", "Source code", "Server log", "Replicas"]) {
    await expect(page.getByRole("region", { name })).toBeInViewport();
  }
  await ui.screenshot("layout-1280-light");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("a student on a phone never scrolls sideways", async ({ page }) => {
    const ui = lab(page);
    for (const theme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await ui.open("/?scenario=failure-sweeps-bystanders&frame=0&step=event");
      await ui.stepUntil(async () => (await ui.textOf(ui.serverLog)).includes("BGSAVE for replication failed"));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expect(ui.replica("r1")).toContainText("dropped");
      await expect(ui.replica("cli")).toContainText("dropped");
      await ui.screenshot(`phone-failure-sweeps-${theme}`);
    }
  });
});

test("a shared link reopens the same moment, and a broken one falls back with a message", async ({ page, context }) => {
  const ui = lab(page);
  // A link from the page's first version still opens, and becomes the current form.
  await ui.open("/?scenario=fork-failure-socket&frame=12&step=line");
  await expect(ui.scenario).toHaveValue("fork-failure-socket");
  await expect(ui.timeline).toHaveValue("12");
  await expect(page.getByRole("radio", { name: "Line" })).toBeChecked();
  await expect.poll(() => new URL(page.url()).search).toBe("");
  expect(linkPayload(page.url())).toMatchObject({ v: 1, s: "fork-failure-socket", f: 12, k: "line" });

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await ui.button("Copy link").click();
  await expect(page.getByText("Link copied")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  expect(linkPayload(copied)).toMatchObject({ s: "fork-failure-socket", f: 12, k: "line" });

  await ui.open("/?scenario=%3Cimg%20src=x%3E&frame=-3&step=sideways");
  await expect(ui.scenario).toHaveValue("disk-happy-path");
  await expect(ui.timeline).toHaveValue("0");
  await expect(page.getByText("This link could not be opened")).toBeVisible();
  await expect(page.locator("img")).toHaveCount(0);
});

test("messages glide along the pipes, or simply appear with reduced motion", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=disk-happy-path&frame=0&step=event");
  await ui.stepForward();
  const token = page.locator(".msg-token").first();
  await expect(token).toBeAttached();
  expect(await token.evaluate((el) => getComputedStyle(el).animationName)).toBe("msg-travel");

  await page.emulateMedia({ reducedMotion: "reduce" });
  await ui.stepForward();
  await ui.stepForward();
  await expect(page.locator(".msg-token").first()).toBeAttached();
  expect(await page.locator(".msg-token").first().evaluate((el) => getComputedStyle(el).animationName)).toBe("none");
});

test("the theme toggle overrides the system theme and is remembered", async ({ page }) => {
  const ui = lab(page);
  await page.emulateMedia({ colorScheme: "light" });
  await ui.open("/");
  const html = page.locator("html");
  await expect(html).not.toHaveClass(/dark/);
  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(html).toHaveClass(/dark/);
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(html).toHaveClass(/dark/);
  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(html).not.toHaveClass(/dark/);
});

test("a student reads the explanations in Simplified Chinese", async ({ page }) => {
  const ui = lab(page);
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  await ui.open("/?scenario=fork-failure-disk&frame=0&step=event");
  await ui.stepUntil(async () => (await ui.textOf(ui.serverLog)).includes("BGSAVE for replication failed"));
  await expect(ui.explanation).toContainText("never delivered");
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
  const zhUi = lab(page, "zh");
  await expect(zhUi.explanation).toContainText("永远不会发出");
  await expect(zhUi.explanation).toContainText("5.0.5");
  await ui.screenshot("fork-failure-zh-light");
  expect(problems).toEqual([]);
});
