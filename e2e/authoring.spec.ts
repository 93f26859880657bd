import { expect, test, type Page } from "@playwright/test";
import { lab, linkPayload } from "./lab";

/** What a lecturer writes by hand (docs/scenario-format.md §1): English only, no id, no configuration, no sizes. */
const minimal = {
  $schema: "./scenario.schema.json",
  format: "fullresync-lab/scenario@1",
  title: "One replica, disk",
  summary: "One replica asks for a full resync; the primary writes dump.rdb and sends it.",
  replicas: [{ id: "r1" }],
  events: [{ at: 0.25, type: "connect", replica: "r1" }],
};

async function openFile(page: Page, name: string, doc: unknown) {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(doc, null, 2)) });
}

test("a lecturer opens a hand-written scenario with only what it needs, and the lab fills in the rest", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/");
  await openFile(page, "mine.json", minimal);
  await expect(page.getByText('Opened "One replica, disk" from mine.json')).toBeVisible();
  await expect(ui.scenario.locator("option:checked")).toContainText("One replica, disk");
  // The defaults are Redis 4.0.14's: diskless off, so the disk path.
  await ui.button("Last step").click();
  await expect(ui.replica("r1")).toContainText("ONLINE");
  await expect(ui.target).toContainText("disk");
  await ui.button("First step").click();

  // The link carries the whole document, filled in: the id from the title, every default, no $schema.
  await expect.poll(() => (linkPayload(page.url()).s as { id?: string }).id).toBe("one-replica-disk");
  const carried = linkPayload(page.url()).s as Record<string, unknown>;
  expect(carried.$schema).toBeUndefined();
  expect(carried.primary).toEqual({ role: "master", rdbBytes: 2097152, bgsaveSeconds: 2, transferBytesPerSecond: 4194304 });
  expect(carried.title).toEqual({ en: "One replica, disk", zh: "One replica, disk" });
  // The address follows "First step" shortly after it (src/store/url.ts): reload once it has, or
  // the reload opens the last step and "Last step" below is disabled.
  await expect.poll(() => linkPayload(page.url()).f ?? 0).toBe(0);
  await page.reload();
  await expect(ui.scenario.locator("option:checked")).toContainText("One replica, disk");
  await ui.screenshot("authoring-minimal-en-light");
  await ui.useTheme("dark");
  await ui.screenshot("authoring-minimal-en-dark");

  // In Chinese the page is Chinese and the scenario's own words, which have no Chinese, are its English.
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
  const zh = lab(page, "zh");
  await expect(zh.scenario.locator("option:checked")).toContainText("One replica, disk");
  await zh.button(zh.names.last).click();
  await expect(zh.replica("r1")).toContainText("ONLINE");
  await zh.screenshot("authoring-minimal-zh-dark");
  await zh.useTheme("light");
  await zh.screenshot("authoring-minimal-zh-light");
  await page.setViewportSize({ width: 390, height: 844 });
  await zh.screenshot("authoring-minimal-zh-phone");
  await page.getByRole("combobox", { name: "语言" }).selectOption("en");
  await ui.useTheme("dark");
  await ui.screenshot("authoring-minimal-en-phone-dark");
});

test("the format's JSON Schema is served with the lab, for editors", async ({ request }) => {
  const res = await request.get("/scenario.schema.json");
  expect(res.ok()).toBe(true);
  const schema = (await res.json()) as { properties: Record<string, unknown>; required: string[] };
  expect(schema.required).toEqual(["format", "title", "summary", "replicas", "events"]);
  expect(Object.keys(schema.properties)).toContain("$schema");
});

test("a scenario past the work bound is refused when it is opened, naming what to reduce, and nothing is lost", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/");
  await ui.scenario.selectOption("fork-failure-disk");
  const heavy = { ...minimal, title: "Far too long", until: 86_400, replicas: Array.from({ length: 20 }, (_, i) => ({ id: `r${i + 1}` })) };
  await openFile(page, "heavy.json", heavy);
  const dialog = page.getByRole("dialog", { name: '"heavy.json" cannot be opened' });
  await expect(dialog).toContainText("until: 86,400 s of virtual time × 20 replicas = 1,728,000 replica-seconds; the lab runs at most 1,000,000: reduce until or the replicas");
  await ui.screenshot("authoring-work-bound-en");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(ui.scenario).toHaveValue("fork-failure-disk");
});
