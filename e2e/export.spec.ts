import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { lab, SCREENSHOTS } from "./lab";

const catalogueDoc = (file: string) => JSON.parse(readFileSync(`src/scenarios/catalogue/${file}`, "utf8")) as { title: { en: string } };
const SEED = readFileSync("src/model/seed/startBgsaveForReplication.c", "utf8").split("\n");

/** Choose an item of the More menu's Export group (or any item that downloads) and read the file it downloads. */
async function exportFile(page: Page, item: string, lang: "en" | "zh" = "en"): Promise<{ name: string; bytes: Buffer }> {
  const ui = lab(page, lang);
  const entry = await ui.tool(item);
  const [download] = await Promise.all([page.waitForEvent("download"), entry.click()]);
  await expect(ui.moreMenu).toBeHidden();
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** The counter beside the timeline as the page shows it: "t=5.000s · step 3 of 9". */
async function counter(page: Page): Promise<{ t: string; where: string }> {
  const text = (await page.getByText(/^t=\S+s · /).first().textContent()) ?? "";
  const m = text.match(/^t=(\S+)s · (.+)$/);
  return { t: m?.[1] ?? "?", where: m?.[2] ?? "?" };
}

interface SvgFacts {
  errors: number;
  root: string;
  ns: string | null;
  width: number;
  height: number;
  viewBox: number[];
  withClass: number;
  withStyle: number;
  styleElements: number;
  texts: string;
  captionTexts: string[];
  /** What the file draws (everything but its background), as a browser lays it out. */
  content: { x: number; y: number; width: number; height: number };
  /** The caption's top and the drawing's bottom. */
  captionTop: number;
  drawingBottom: number;
}

/** Read an exported SVG the way a viewer does: parse it, lay it out in a blank page, measure it. */
async function svgFacts(page: Page, xml: string): Promise<SvgFacts> {
  const viewer = await page.context().newPage();
  try {
    await viewer.goto("about:blank");
    return await viewer.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      const root = doc.documentElement as unknown as SVGSVGElement;
      const facts = {
        errors: doc.getElementsByTagName("parsererror").length,
        root: root.localName,
        ns: root.namespaceURI,
        width: Number(root.getAttribute("width")),
        height: Number(root.getAttribute("height")),
        viewBox: (root.getAttribute("viewBox") ?? "").split(/\s+/).map(Number),
        withClass: doc.querySelectorAll("[class]").length,
        withStyle: doc.querySelectorAll("[style]").length,
        styleElements: doc.getElementsByTagName("style").length,
        texts: [...doc.querySelectorAll("text")].map((t) => t.textContent ?? "").join(" "),
        captionTexts: [...doc.querySelectorAll('[data-export="caption"] text')].map((t) => t.textContent ?? ""),
      };
      const shown = document.importNode(root, true) as SVGSVGElement;
      document.body.append(shown);
      shown.querySelector('[data-export="background"]')?.remove();
      const caption = shown.querySelector<SVGGElement>('[data-export="caption"]');
      const captionTop = caption?.getBBox().y ?? NaN;
      const content = shown.getBBox();
      caption?.remove();
      const drawing = shown.getBBox();
      return { ...facts, content: { x: content.x, y: content.y, width: content.width, height: content.height }, captionTop, drawingBottom: drawing.y + drawing.height };
    }, xml);
  } finally {
    await viewer.close();
  }
}

/** The viewBox holds what is drawn with a margin of at most `slack` units on every side. */
function expectTight(f: SvgFacts, slack = 12) {
  const [x, y, w, h] = f.viewBox as [number, number, number, number];
  expect(f.width).toBe(w);
  expect(f.height).toBe(h);
  const c = f.content;
  const margins = { left: c.x - x, top: c.y - y, right: x + w - (c.x + c.width), bottom: y + h - (c.y + c.height) };
  for (const [side, m] of Object.entries(margins)) {
    expect(m, `${side} margin`).toBeGreaterThanOrEqual(0);
    expect(m, `${side} margin`).toBeLessThanOrEqual(slack);
  }
}

test("the diagram exports as SVG and PNG, the trace as JSON, the walkthrough as Markdown", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=disk-happy-path&frame=0&step=event");
  const frameCount = Number(await ui.timeline.getAttribute("max")) + 1;
  const firstTime = (await counter(page)).t;
  await ui.button("Last step").click();

  // The Export group of the More menu, as a reader sees it.
  await ui.moreButton.click();
  const group = ui.moreMenu.getByRole("group", { name: "Export" });
  await expect(group.getByRole("menuitem")).toHaveText(["Diagram as SVG", "Diagram as PNG", "Trace as JSON", "Walkthrough as Markdown"]);
  await expect(ui.moreMenu.getByRole("menuitem").first()).toBeFocused();
  await group.getByRole("menuitem", { name: "Diagram as PNG" }).focus();
  await page.keyboard.press("ArrowUp");
  await expect(group.getByRole("menuitem", { name: "Diagram as SVG" })).toBeFocused();
  await page.waitForTimeout(700);
  await page.screenshot({ path: `${SCREENSHOTS}/export-menu.png` });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toBeHidden();
  await expect(ui.moreButton).toBeFocused();

  // SVG: well-formed XML with an <svg> root, standalone (presentation attributes: no classes, no
  // style attributes, no style sheet), with its caption, and as large as what it draws.
  const shown = await counter(page);
  const svg = await exportFile(page, "Diagram as SVG");
  expect(svg.name).toMatch(/^fullresync-disk-happy-path-frame\d+-t[\d.]+s\.svg$/);
  const text = svg.bytes.toString("utf8");
  const parsed = await svgFacts(page, text);
  expect(parsed).toMatchObject({ errors: 0, root: "svg", ns: "http://www.w3.org/2000/svg", withClass: 0, withStyle: 0, styleElements: 0 });
  expect(text).not.toContain("style=");
  expect(parsed.width).toBeGreaterThan(0);
  expect(parsed.texts).toContain("r1");
  expect(text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
  expect(text).toContain('fill="rgb(');
  // The caption: the scenario, the moment as the counter shows it, the legend.
  expect(parsed.captionTexts).toEqual([catalogueDoc("01-disk-happy-path.json").title.en, `t = ${shown.t} s · ${shown.where}`, "commands", "disk", "socket", "error"]);
  expect(shown.where).toMatch(/^step \d+ of \d+$/);
  expect(parsed.captionTop).toBeGreaterThanOrEqual(parsed.drawingBottom);
  expectTight(parsed);

  // PNG: twice the SVG's size, which is the content's.
  const png = await exportFile(page, "Diagram as PNG");
  expect(png.name).toMatch(/\.png$/);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  const width = png.bytes.readUInt32BE(16);
  const height = png.bytes.readUInt32BE(20);
  expect(width).toBe(2 * parsed.width);
  expect(height).toBe(2 * parsed.height);
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(`${SCREENSHOTS}/export-diagram.png`, png.bytes);
  writeFileSync(`${SCREENSHOTS}/export-diagram.svg`, text);

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
  const md = await exportFile(page, "分步讲解（Markdown）", "zh");
  expect(md.name).toBe("fullresync-fork-failure-disk-walkthrough-zh.md");
  const walk = md.bytes.toString("utf8");
  expect(walk.split("\n")[0]).toContain("fork 失败：磁盘目标");
  expect(walk).toContain("**讲解:**");
  // The question of the failure step, its answer marked, and no words about the page's controls.
  expect(walk).toContain("**问题:** 下一次 fork() 将以 `EAGAIN` 失败。");
  expect(walk).toContain("- **什么都没有：`-ERR` 卡在它的输出缓冲区里**（正确答案）");
  expect(walk).not.toContain("单步");
});

test("in Chinese the exported picture's caption is Chinese, and the Messages view exports with the same caption", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=diskless-batching&frame=0&step=line");
  for (let i = 0; i < 5; i++) await ui.stepForward();
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
  const zh = lab(page, "zh");
  await expect(zh.explanation).toContainText(/[\u4e00-\u9fff]/);
  const shown = await counter(page);
  expect(shown.where).toMatch(/^第 6 帧，共 \d+ 帧$/);

  const svg = await exportFile(page, "示意图（SVG）", "zh");
  const facts = await svgFacts(page, svg.bytes.toString("utf8"));
  expect(facts.captionTexts).toEqual(["无盘复制批处理：两个从节点，延迟 5 秒", `t = ${shown.t} s · ${shown.where}`, "命令", "磁盘", "socket", "错误"]);
  expect(facts).toMatchObject({ withClass: 0, withStyle: 0, styleElements: 0 });
  expectTight(facts);

  // The sequence diagram's own export: the same caption (its legend is part of its drawing).
  await page.getByRole("button", { name: "消息", exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "将消息图导出为 SVG" }).click()]);
  const seq = await svgFacts(page, readFileSync((await download.path())!, "utf8"));
  expect(download.suggestedFilename()).toBe("fullresync-diskless-batching-messages.svg");
  expect(seq.captionTexts).toEqual(["无盘复制批处理：两个从节点，延迟 5 秒", `t = ${shown.t} s · ${shown.where}`]);
  expect(seq).toMatchObject({ errors: 0, withClass: 0, withStyle: 0, styleElements: 0 });
  expectTight(seq);
});

test("the page keeps a strict style policy: stepping through a scenario, its tools and every export trip no Content-Security-Policy violation", async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective}: ${e.sample || "(no sample)"} at ${e.sourceFile}:${e.lineNumber}`), true);
  });
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  const ui = lab(page);
  await ui.open("/?scenario=diskless-batching&frame=0&step=event");

  // The policy itself allows no inline style.
  const policy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")) ?? "";
  expect(policy).toMatch(/style-src 'self'(;|$)/);
  expect(policy).not.toContain("unsafe-inline");

  // Step through the whole scenario, messages travelling, a replica's statechart and a term's tip on screen.
  const last = Number(await ui.timeline.getAttribute("max"));
  await ui.stepUntil(async () => (await ui.frame()) === last);
  await ui.button("First step").click();
  await ui.button("Play").click();
  await page.waitForTimeout(1500);
  // Play stops by itself at a prediction question; else pause it.
  if (await ui.button("Pause").isVisible()) await ui.button("Pause").click();
  await page.getByRole("term").first().hover();
  await expect(page.getByRole("tooltip")).toBeVisible();
  // The tools: the sandbox, the probe, lecture mode, the Messages view, the Embed dialog, the shortcuts.
  await ui.button("Sandbox").click();
  await ui.button("Sandbox").click();
  await ui.button("What if").click();
  await expect(ui.button("What if")).toHaveAttribute("aria-expanded", "true");
  await ui.button("What if").click();
  await page.getByRole("button", { name: "Messages", exact: true }).click();
  await expect(page.getByRole("region", { name: "Messages" })).toBeVisible();
  await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export messages as SVG" }).click()]);
  await page.getByRole("button", { name: "Picture", exact: true }).click();
  await (await ui.tool("Embed")).click();
  await page.getByRole("dialog", { name: "Embed this scenario" }).getByRole("button", { name: "Close" }).click();
  await (await ui.tool("Keyboard shortcuts")).click();
  await page.keyboard.press("Escape");
  // Every export, in English and in Chinese, light and dark.
  for (const kind of ["Diagram as SVG", "Diagram as PNG", "Trace as JSON", "Walkthrough as Markdown"]) await exportFile(page, kind);
  await ui.useTheme("dark");
  await exportFile(page, "Diagram as PNG");
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
  await exportFile(page, "示意图（SVG）", "zh");
  await exportFile(page, "示意图（PNG）", "zh");
  await page.getByRole("combobox", { name: "语言（Language）" }).selectOption("en");
  await page.getByRole("button", { name: "Lecture", exact: true }).click();
  await page.getByRole("button", { name: "Lecture mode" }).click();
  await page.keyboard.press("Escape");
  await ui.stepForward();
  await exportFile(page, "Diagram as SVG");
  expect(await violations()).toEqual([]);

  // The listener does hear a violation: an inline style attribute is refused.
  await page.evaluate(() => document.body.setAttribute("style", "outline: 1px solid red"));
  await expect.poll(async () => (await violations()).length).toBe(1);
});
