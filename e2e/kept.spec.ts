/**
 * A scenario file too large for a link (a file may be 2 MiB; a link carries at most 512 KiB of
 * JSON): the page keeps it in this browser under its content hash, and says the link works only here.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { lab, linkPayload } from "./lab";

function bigFile() {
  const doc = JSON.parse(readFileSync("src/scenarios/catalogue/01-disk-happy-path.json", "utf8")) as Record<string, any>;
  doc.id = "big-one";
  doc.title = { en: "A big one", zh: "一个大场景" };
  doc.steps = [];
  for (let i = 0; i < 15_000; i++) doc.events.push({ at: 10 + i / 100, type: "write", count: 1 });
  const text = JSON.stringify(doc, null, 2);
  expect(Buffer.byteLength(JSON.stringify(doc))).toBeGreaterThan(512 * 1024);
  expect(Buffer.byteLength(text)).toBeLessThan(2 * 1024 * 1024);
  return { name: "big-one.json", mimeType: "application/json", buffer: Buffer.from(text) };
}

test("no longer: a file that opened is lost on reload — it is kept in this browser, and the page says the link works only here", async ({ page, context }) => {
  const ui = lab(page);
  await ui.open("/");
  await page.locator('input[type="file"]').setInputFiles(bigFile());
  await expect(page.getByText(/Opened "A big one" from big-one\.json\. It is too large for a link, so this browser keeps it/)).toBeVisible({ timeout: 30_000 });
  await expect(ui.scenario.locator("option:checked")).toContainText("A big one");
  await expect.poll(() => String(linkPayload(page.url()).s)).toMatch(/^kept:[0-9a-f]{32}$/);

  // A step, then a reload: the same scenario at the same step (it used to be refused as too big).
  await ui.button("Step forward").click();
  await ui.button("Step forward").click();
  const position = await page.getByText(/^t=\S+s · step \d+ of \d+$/).textContent();
  // The address follows a step shortly after it (src/store/url.ts): reload once it has.
  const frame = await ui.timeline.inputValue();
  await expect.poll(() => String(linkPayload(page.url()).f ?? 0)).toBe(frame);
  await page.reload();
  // The reload computes the trace again (15,000 writes) in the worker.
  await expect(ui.scenario.locator("option:checked")).toContainText("A big one", { timeout: 30_000 });
  await expect(page.getByText(/^t=\S+s · step \d+ of \d+$/)).toHaveText(position ?? "");
  await expect(page.getByText(/could not be opened/)).toHaveCount(0);

  // Copy link says where the link works.
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await ui.button("Copy link").click();
  await expect(page.getByText(/^Link copied\. This scenario is too large for a link and is kept in this browser/)).toBeVisible();

  // Another browser (a fresh context, its own storage) has no copy: it says so, by name, and opens the default.
  const other = await context.browser()!.newContext();
  const elsewhere = await other.newPage();
  await elsewhere.goto(page.url());
  await expect(elsewhere.getByText(/This link could not be opened: its scenario was too large for a link, so it was kept only in the browser that made the link/)).toBeVisible({ timeout: 30_000 });
  await expect(lab(elsewhere).scenario).toHaveValue("disk-happy-path");
  await other.close();
});
