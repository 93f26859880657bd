import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { lab, SCREENSHOTS } from "./lab";

const catalogueDoc = (file: string) => JSON.parse(readFileSync(`src/scenarios/catalogue/${file}`, "utf8")) as { title: { en: string } };
const SEED = readFileSync("src/model/seed/startBgsaveForReplication.c", "utf8").split("\n");

/** Choose an item of the Export menu and read the file it downloads. */
async function exportFile(page: Page, item: string, menuName = "Export"): Promise<{ name: string; bytes: Buffer }> {
  await page.getByRole("button", { name: menuName, exact: true }).click();
  const menu = page.getByRole("menu", { name: menuName });
  await expect(menu).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), menu.getByRole("menuitem", { name: item }).click()]);
  await expect(menu).toBeHidden();
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

test("the diagram exports as SVG and PNG, the trace as JSON, the walkthrough as Markdown", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=disk-happy-path&frame=0&step=event");
  const frameCount = Number(await ui.timeline.getAttribute("max")) + 1;
  const firstTime = (await page.getByText(/^t=\S+s · (step|frame) \d+ of \d+$/).textContent())!.match(/^t=(\S+)s/)![1];
  await ui.button("Last step").click();

  // The menu, as a reader sees it.
  await page.getByRole("button", { name: "Export", exact: true }).click();
  await expect(page.getByRole("menuitem")).toHaveText(["Diagram as SVG", "Diagram as PNG", "Trace as JSON", "Walkthrough as Markdown"]);
  await expect(page.getByRole("menuitem").first()).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Diagram as PNG" })).toBeFocused();
  await page.waitForTimeout(700);
  await page.screenshot({ path: `${SCREENSHOTS}/export-menu.png` });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toBeHidden();
  await expect(page.getByRole("button", { name: "Export", exact: true })).toBeFocused();

  // SVG: well-formed XML with an <svg> root, standalone (styles inlined, no classes).
  const svg = await exportFile(page, "Diagram as SVG");
  expect(svg.name).toMatch(/^fullresync-disk-happy-path-frame\d+-t[\d.]+s\.svg$/);
  const text = svg.bytes.toString("utf8");
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, "image/svg+xml");
    const root = doc.documentElement;
    return {
      errors: doc.getElementsByTagName("parsererror").length,
      root: root.localName,
      ns: root.namespaceURI,
      width: root.getAttribute("width"),
      withClass: doc.querySelectorAll("[class]").length,
      texts: [...doc.querySelectorAll("text")].map((t) => t.textContent ?? "").join(" "),
    };
  }, text);
  expect(parsed).toMatchObject({ errors: 0, root: "svg", ns: "http://www.w3.org/2000/svg", withClass: 0 });
  expect(Number(parsed.width)).toBeGreaterThan(0);
  expect(parsed.texts).toContain("r1");
  expect(text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
  expect(text).toContain("fill:rgb(");

  // PNG: the header names a real size (twice the diagram's).
  const png = await exportFile(page, "Diagram as PNG");
  expect(png.name).toMatch(/\.png$/);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  const width = png.bytes.readUInt32BE(16);
  const height = png.bytes.readUInt32BE(20);
  expect(width).toBe(2 * Number(parsed.width));
  expect(height).toBeGreaterThan(0);
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(`${SCREENSHOTS}/export-diagram.png`, png.bytes);

  // JSON: the page's trace, with the scenario and the edits.
  const json = await exportFile(page, "Trace as JSON");
  expect(json.name).toBe("fullresync-disk-happy-path-trace.json");
  const doc = JSON.parse(json.bytes.toString("utf8")) as { scenario: { id: string }; edits: unknown[]; trace: { frames: { t: number }[] } };
  expect(doc.scenario.id).toBe("disk-happy-path");
  expect(doc.edits).toEqual([]);
  expect(doc.trace.frames.length).toBe(frameCount);
  expect((doc.trace.frames[0]!.t / 1000).toFixed(3)).toBe(firstTime);

  // Markdown: the title, and seed lines with their numbers.
  const md = await exportFile(page, "Walkthrough as Markdown");
  expect(md.name).toBe("fullresync-disk-happy-path-walkthrough-en.md");
  const walk = md.bytes.toString("utf8");
  expect(walk).toContain(`# ${catalogueDoc("01-disk-happy-path.json").title.en}`);
  const n = SEED.findIndex((l) => l.includes("rsiptr = rdbPopulateSaveInfo(&rsi);")) + 1;
  expect(n).toBeGreaterThan(0);
  expect(walk).toContain(`${String(n).padStart(3)} | ${SEED[n - 1]}`);
  expect(walk).toContain("Starting BGSAVE for SYNC with target: disk");
});

test("the walkthrough follows the language of the page", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=fork-failure-disk&frame=0&step=event");
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
  await expect(lab(page, "zh").explanation).toContainText(/[\u4e00-\u9fff]/);
  const md = await exportFile(page, "分步讲解（Markdown）", "导出");
  expect(md.name).toBe("fullresync-fork-failure-disk-walkthrough-zh.md");
  const walk = md.bytes.toString("utf8");
  expect(walk.split("\n")[0]).toContain("fork 失败：磁盘目标");
  expect(walk).toContain("**讲解:**");
  // The question of the failure step, its answer marked, and no words about the page's controls.
  expect(walk).toContain("**问题:** 下一次 fork() 将以 `EAGAIN` 失败。");
  expect(walk).toContain("- **什么都没有：`-ERR` 卡在它的输出缓冲区里**（正确答案）");
  expect(walk).not.toContain("单步");
});
