import { readdirSync, readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoSeriousA11yProblems, lab, linkPayload, shareLink } from "./lab";

/**
 * Answer a waiting prediction question, if one is on screen (while one waits, the Messages view
 * hides what follows). Answering, unlike "Skip question", does not start playback.
 */
async function answerQuestion(page: Page, name = "Predict") {
  const question = page.getByRole("group", { name, exact: true });
  if (!(await question.isVisible())) return;
  await question.getByRole("button").first().click();
  await expect(question.getByRole("button").first()).toBeDisabled();
}

/** The Messages view: open it from the diagram panel's switch. */
async function openMessages(page: Page, name = "Messages"): Promise<Locator> {
  const toggle = page.getByRole("group", { name: /^(View|视图)$/ }).getByRole("button", { name, exact: true });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const region = page.getByRole("region", { name, exact: true });
  await expect(region).toBeVisible();
  return region;
}

/** Every arrow's accessible name, in the diagram's order (top to bottom). */
async function arrowNames(region: Locator): Promise<string[]> {
  return region.locator("[role=button][data-index]").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
}

function indexOf(names: string[], re: RegExp): number {
  const k = names.findIndex((n) => re.test(n));
  expect(k, `an arrow named ${re}`).toBeGreaterThanOrEqual(0);
  return k;
}

/** n replicas connecting together to a diskless primary: the document a student could open. */
function manyReplicas(n: number) {
  return {
    format: "fullresync-lab/scenario@1",
    id: "two-hundred-replicas",
    title: { en: `${n} replicas at once`, zh: `同时连接 ${n} 个从节点` },
    summary: { en: "Many replicas connect together.", zh: "很多从节点同时连接。" },
    config: { replDisklessSync: true, replDisklessSyncDelay: 5, replTimeout: 60 },
    primary: { role: "master", rdbBytes: 1048576, bgsaveSeconds: 2, transferBytesPerSecond: 8388608 },
    replicas: Array.from({ length: n }, (_, i) => ({ id: `r${i + 1}`, capa: ["eof", "psync2"], command: "PSYNC" })),
    events: [...Array.from({ length: n }, (_, i) => ({ at: 0.1, type: "connect", replica: `r${i + 1}` })), { at: 12, type: "write", count: 3 }],
  };
}

test("Messages on the disk happy path: lanes, the arrows in protocol order, a click seeks, the link keeps the view", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=disk-happy-path&frame=0&step=event");
  await answerQuestion(page);
  const region = await openMessages(page);

  // One lane each for the forked child, the primary and r1.
  const svg = region.getByRole("group", { name: /^Sequence diagram of the sync/ });
  await expect(svg.locator("text", { hasText: /^child$/ })).toHaveCount(1);
  await expect(svg.locator("text", { hasText: /^primary$/ })).toHaveCount(1);
  await expect(svg.locator("text", { hasText: /^r1$/ })).toHaveCount(1);

  // PSYNC before +FULLRESYNC before $<len> before the RDB, which the primary sends (disk target).
  const names = await arrowNames(region);
  const psync = indexOf(names, /^PSYNC \? -1 \(capa eof psync2\) r1 → primary at t = 0\.250 s$/);
  const full = indexOf(names, /^\+FULLRESYNC [0-9a-f]{40} 0 primary → r1 at t = 0\.250 s$/);
  const len = indexOf(names, /^\$2097152 primary → r1 at t = 2\.300 s$/);
  const rdb = indexOf(names, /^RDB 2 MiB primary → r1 at t = 2\.796 s$/);
  expect([psync, full, len, rdb]).toEqual([...[psync, full, len, rdb]].sort((a, b) => a - b));
  expect(psync).toBeLessThan(full);
  expect(full).toBeLessThan(len);
  expect(len).toBeLessThan(rdb);
  expect(names.some((n) => /^fork\(\) → \d+ primary → child/.test(n))).toBe(true);
  expect(names.some((n) => /^exit 0 child → primary/.test(n))).toBe(true);

  // Labels are at least 13 px, drawn at the picture's own size.
  const sizes = await svg.locator("text").evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(13);

  // Clicking +FULLRESYNC takes the lab to its frame; the arrow is then the current step's.
  const fullArrow = region.getByRole("button", { name: names[full] as string });
  const frame = Number(await fullArrow.getAttribute("data-frame"));
  expect(frame).toBeGreaterThan(0);
  await fullArrow.click();
  await expect(ui.timeline).toHaveValue(String(frame));
  await expect(fullArrow).toHaveAttribute("aria-current", "step");
  await expect(ui.replica("r1")).toContainText("WAIT_BGSAVE_END");

  // Stepping on moves the cursor line down past the next arrow.
  const cursorY = () => svg.locator("g[aria-hidden=true] line").first().getAttribute("y1").then(Number);
  const before = await cursorY();
  await ui.button("Last step").click();
  await expect.poll(cursorY).toBeGreaterThan(before);

  // The link carries the open view; a reload opens it again.
  await expect.poll(() => (linkPayload(page.url()).p as string[] | undefined) ?? []).toContain("messages");
  await page.reload();
  await expect(page.getByRole("region", { name: "Messages", exact: true }).locator("[data-index]").first()).toBeVisible();
  await ui.screenshot("sequence-disk-happy-path");

  // Back to the picture.
  await page.getByRole("button", { name: "Picture", exact: true }).click();
  await expect(page.getByRole("region", { name: "Messages", exact: true })).toHaveCount(0);
  await expect(page.getByRole("img", { name: /^Diagram of the primary/ })).toBeVisible();
});

test("Messages by keyboard: Tab reaches the arrow at the cursor, ↑ ↓ move, Enter seeks", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=disk-happy-path&frame=0&step=event");
  await answerQuestion(page);
  const region = await openMessages(page);
  const exportButton = page.getByRole("button", { name: "Export messages as SVG" });
  await exportButton.focus();
  await page.keyboard.press("Tab");
  const focused = page.locator(":focus");
  await expect(focused).toHaveAttribute("data-index", "0");
  await expect(focused).toHaveAttribute("aria-label", /^PSYNC \? -1/);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(focused).toHaveAttribute("data-index", "2");
  await expect(focused).toHaveAttribute("aria-label", /^\+FULLRESYNC/);
  const frame = await focused.getAttribute("data-frame");
  await page.keyboard.press("Enter");
  await expect(ui.timeline).toHaveValue(frame as string);
  // The arrow keeps the focus, and Space does not start playback there.
  await expect(focused).toHaveAttribute("data-index", "2");
  await page.keyboard.press(" ");
  await expect(ui.button("Play")).toBeVisible();
  await page.keyboard.press("ArrowUp");
  await expect(focused).toHaveAttribute("data-index", "1");
  // Tab leaves the picture (one stop for all its arrows).
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus[data-index]")).toHaveCount(0);
});

test("fork failure, socket: the -ERR is drawn queued and never sent, then silence until r1 times out", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=fork-failure-socket&frame=0&step=event");
  await answerQuestion(page);
  const region = await openMessages(page);
  const names = await arrowNames(region);
  const full = indexOf(names, /^\+FULLRESYNC [0-9a-f]{40} 0 primary → r1 at t = 6\.000 s$/);
  const fork = indexOf(names, /^fork\(\) failed: ENOMEM primary → child at t = 6\.000 s$/);
  const err = indexOf(names, /^-ERR BGSAVE failed, replication can't continue: queued, never sent \(4\.0\.14 never writes it; 5\.0\.5 does\) primary → r1 at t = 6\.000 s$/);
  expect(full).toBeLessThan(fork);
  expect(fork).toBeLessThan(err);
  // A stub, not a delivered reply: it stops short at "⊘" with its note, and no $EOF: follows on that connection.
  const stub = region.locator(`[data-index="${err}"]`);
  await expect(stub).toHaveAttribute("data-kind", "queued");
  await expect(stub).toContainText("queued, never sent");
  expect(names.slice(err + 1).findIndex((n) => /^\$EOF:/.test(n))).toBeGreaterThan(names.slice(err + 1).findIndex((n) => /^closes: timeout r1 → primary at t = 67\.137 s/.test(n)));
  await expect(region.getByRole("img", { name: /^silence: nothing arrives on r1, t = 6\.000 s to 67\.137 s$/ })).toHaveCount(1);
  await expect(region.getByRole("img", { name: /^61\.1 s with nothing sent$/ })).toHaveCount(1);
  await stub.click();
  await expect(ui.replica("r1")).toContainText("dropped");
  await ui.screenshot("sequence-fork-failure-socket");
});

test("Export messages as SVG downloads a standalone SVG of the sequence diagram", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=diskless-batching&frame=0&step=event");
  await answerQuestion(page);
  const region = await openMessages(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export messages as SVG" }).click()]);
  expect(download.suggestedFilename()).toBe("fullresync-diskless-batching-messages.svg");
  const text = readFileSync(await download.path(), "utf8");
  expect(text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, "image/svg+xml");
    const root = doc.documentElement;
    return {
      errors: doc.getElementsByTagName("parsererror").length,
      root: root.localName,
      ns: root.namespaceURI,
      width: Number(root.getAttribute("width")),
      height: Number(root.getAttribute("height")),
      withClass: doc.querySelectorAll("[class]").length,
      texts: [...doc.querySelectorAll("text")].map((t) => t.textContent ?? ""),
    };
  }, text);
  expect(parsed).toMatchObject({ errors: 0, root: "svg", ns: "http://www.w3.org/2000/svg", withClass: 0 });
  expect(parsed.width).toBeGreaterThan(300);
  expect(parsed.height).toBeGreaterThan(300);
  for (const word of ["child", "primary", "r1", "r2", "REPLCONF ACK 0"]) expect(parsed.texts).toContain(word);
  expect(parsed.texts.some((t) => t.startsWith("+FULLRESYNC "))).toBe(true);
  expect(parsed.texts.some((t) => t.startsWith("$EOF:"))).toBe(true);
  // Styles are written onto the elements as presentation attributes (colours as rgb), so the file
  // looks the same anywhere and has no style attribute (e2e/export.spec.ts checks the caption and size).
  expect(text).toContain('fill="rgb(');
  expect(text).toContain('font-size="13px"');
  expect(text).not.toContain("style=");
});

test("in Chinese the lanes, bands and names are Chinese; the protocol's words stay Redis's", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=diskless-batching&frame=0&step=event");
  await answerQuestion(page);
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
  const region = await openMessages(page, "消息");
  const svg = region.getByRole("group", { name: /^同步过程时序图/ });
  await expect(svg.locator("text", { hasText: /^主节点$/ })).toHaveCount(1);
  await expect(svg.locator("text", { hasText: /^子进程$/ })).toHaveCount(1);
  await expect(region.getByRole("img", { name: /^主节点：无盘复制延迟 5 秒，t = 0\.050 秒至 6\.000 秒$/ })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "将消息图导出为 SVG" })).toBeVisible();
  const names = await arrowNames(region);
  indexOf(names, /^\+FULLRESYNC [0-9a-f]{40} 0，主节点 → r1，t = 6\.000 秒$/);
  indexOf(names, /^REPLCONF ACK 0，r2 → 主节点，t = 8\.516 秒$/);
  indexOf(names, /^fork\(\) → \d+，主节点 → 子进程/);
  await expect(svg).toContainText("等待 REPLCONF ACK");
  await ui.screenshot("sequence-zh");
});

test("two hundred replicas: the lanes are grouped, arrows to the group merge, the panel works", async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const ui = lab(page);
  await ui.open(shareLink({ v: 1, s: manyReplicas(200) }));
  const region = await openMessages(page);
  const svg = region.getByRole("group", { name: /^Sequence diagram of the sync/ });
  await expect(svg.locator("text", { hasText: /^ONLINE ×200$/ })).toHaveCount(1);
  await expect(svg.locator("text", { hasText: /^r1–r200$/ })).toHaveCount(1);
  const names = await arrowNames(region);
  expect(names.length).toBeLessThan(60);
  const psync = indexOf(names, /^PSYNC \? -1 \(capa eof psync2\) ONLINE ×200 → primary at t = 0\.100 s, from 200 replicas$/);
  const full = indexOf(names, /^\+FULLRESYNC [0-9a-f]{40} 0 primary → ONLINE ×200 at t = \d+\.\d{3} s, to 200 replicas$/);
  indexOf(names, /^REPLCONF ACK 0 ONLINE ×200 → primary from t = [\d.]+ s to [\d.]+ s, from 200 replicas$/);
  expect(psync).toBeLessThan(full);
  await region.getByRole("button", { name: names[full] as string }).click();
  await expect(ui.replica("r200")).toContainText("WAIT_BGSAVE_END");
  await ui.button("Last step").click();
  await ui.screenshot("sequence-200-replicas");
  expect(errors).toEqual([]);
});

test("no two labels of the Messages view overlap, in any catalogue scenario, in English and Chinese", async ({ page }) => {
  test.setTimeout(240_000);
  const ids = readdirSync("src/scenarios/catalogue")
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => (JSON.parse(readFileSync(`src/scenarios/catalogue/${f}`, "utf8")) as { id: string }).id);
  expect(ids.length).toBe(16);
  const ui = lab(page);
  for (const lang of ["en", "zh"] as const) {
    for (const id of ids) {
      await ui.open(shareLink({ v: 1, s: id, l: lang, p: ["messages"] }));
      const svg = page.locator("svg[aria-labelledby=sequence-title]");
      // The scenario's trace is on screen (it is computed off the page's thread) before the key.
      await expect(svg).toBeVisible();
      // At the end nothing is hidden by a waiting question: every label is drawn.
      await page.keyboard.press("End");
      await expect(svg.locator("[data-index]").first()).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", lang === "zh" ? "zh-Hans" : "en");
      const clashes = await svg.evaluate((root) => {
        const boxes = [...root.querySelectorAll("text")].map((t) => ({ text: t.textContent ?? "", r: t.getBoundingClientRect() }));
        const out: string[] = [];
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = (boxes[i] as (typeof boxes)[number]).r;
            const b = (boxes[j] as (typeof boxes)[number]).r;
            const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (x > 2 && y > 3) out.push(`${boxes[i]?.text} × ${boxes[j]?.text}`);
          }
        }
        const edge = root.getBoundingClientRect();
        for (const b of boxes) if (b.r.right > edge.right + 1 || b.r.left < edge.left - 1) out.push(`${b.text} outside the picture`);
        return out;
      });
      expect(clashes, `${id} (${lang})`).toEqual([]);
    }
  }
});

test("while a question waits for its answer, the Messages view does not give it away", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=fork-failure-disk&frame=0&step=event");
  const region = await openMessages(page);
  await ui.button("Step forward").click();
  const question = page.getByRole("group", { name: "Predict" });
  await expect(question).toContainText("Nothing at all");
  // Nothing after the cursor: no arrow, no silence band, and a word on why.
  await expect(region.locator("[data-index]")).toHaveCount(0);
  await expect(region.getByRole("img", { name: /^silence/ })).toHaveCount(0);
  await expect(region).toContainText("The rest appears once you answer the question.");
  await question.getByRole("button", { name: /^Nothing at all/ }).click();
  // Answered: the whole run shows again, the -ERR queued and never sent among it.
  await expect(region.locator('[data-kind="queued"]')).toHaveCount(1);
  await expect(region.getByRole("img", { name: /^silence: nothing arrives on r1/ })).toHaveCount(1);
  await expect(region).not.toContainText("The rest appears once you answer the question.");
});

test("the Messages view has no serious accessibility problems, in light and dark", async ({ page }) => {
  test.setTimeout(120_000);
  const ui = lab(page);
  await ui.open("/?scenario=fork-failure-disk&frame=0&step=event");
  await openMessages(page);
  await ui.button("Step forward").click();
  await expectNoSeriousA11yProblems(page);
  await ui.useTheme("dark");
  await expectNoSeriousA11yProblems(page);
  await ui.screenshot("sequence-dark");
});
