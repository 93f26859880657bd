import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yProblems, lab } from "./lab";

function probe(page: Page) {
  const dialog = page.getByRole("dialog", { name: "What if: one call to startBgsaveForReplication" });
  const code = dialog.getByRole("region", { name: "What-if source code" });
  return {
    dialog,
    currentLine: code.locator('[aria-current="step"]'),
    next: dialog.getByRole("button", { name: "Next line" }),
    async open() {
      await page.getByRole("button", { name: "What if", exact: true }).click();
      await expect(dialog).toBeVisible();
    },
  };
}

test("a student asks what if the fork fails with two replicas waiting, and steps through the call", async ({ page }) => {
  test.setTimeout(120_000); // the accessibility scan of the whole page is slow on a busy machine
  const ui = lab(page);
  const p = probe(page);
  await ui.open("/");
  await p.open();

  // Two replicas in WAIT_BGSAVE_START; fork() fails.
  await p.dialog.getByRole("button", { name: "Add a replica" }).click();
  await expect(p.dialog.getByRole("group", { name: "Set up r2" })).toBeVisible();
  await expect(p.dialog.getByRole("group", { name: "Set up r2" }).getByRole("combobox", { name: "replstate" })).toHaveValue("WAIT_BGSAVE_START");
  await p.dialog.getByRole("checkbox", { name: "fork() fails" }).check();
  await expect(p.dialog).toContainText("Unreachable from 4.0.14's callers (§17): every caller checks for a child first.");
  await expect(p.dialog).toContainText("As the callers compute it (AND of the WAIT_BGSAVE_START replicas' capabilities): 3 (EOF|PSYNC2).");
  await p.dialog.getByRole("button", { name: "Run the call" }).click();
  await expect(p.dialog.getByRole("status")).toContainText("Before the call");
  await expect(p.currentLine).toHaveCount(0);

  // Line by line: record the current line until the function returns.
  const lines: number[] = [];
  while (await p.next.isEnabled()) {
    await p.next.click();
    lines.push(Number(await p.currentLine.getAttribute("data-line")));
  }
  expect(lines.slice(0, 5)).toEqual([21, 25, 30, 33, 34]);
  const at47 = lines.indexOf(47);
  expect(at47).toBeGreaterThan(0);
  expect(lines.slice(at47, at47 + 2)).toEqual([47, 48]);
  expect(lines.filter((l) => l === 56)).toHaveLength(2); // the -ERR queued for each waiting replica
  expect(lines.at(-1)).toBe(61);
  await expect(p.dialog.getByRole("status")).toContainText("Returned C_ERR (-1).");
  await expect(p.dialog).toContainText("BGSAVE for replication failed");
  for (const id of ["r1", "r2"]) {
    const r = p.dialog.getByRole("group", { name: `${id} at this line` });
    await expect(r).toContainText("not in server.slaves");
    await expect(r).toContainText("CLOSE_AFTER_REPLY");
    await expect(r).toContainText("-ERR BGSAVE failed, replication can't continue");
  }
  await ui.screenshot("probe-1280-fork-fails");
  await expectNoSeriousA11yProblems(page);

  // Back one line with the arrow key; the page behind does not move.
  const frame = await ui.frame();
  await p.dialog.getByRole("button", { name: "Previous line" }).focus();
  await page.keyboard.press("ArrowLeft");
  await expect(p.currentLine).toHaveAttribute("data-line", "50"); // the loop looks once more and finds no node
  expect(await ui.frame()).toBe(frame);

  // Closing keeps the inputs.
  await page.keyboard.press("Escape");
  await expect(p.dialog).toBeHidden();
  await p.open();
  await expect(p.dialog.getByRole("checkbox", { name: "fork() fails" })).toBeChecked();
});

test("a student sees the socket target and the setup before the fork", async ({ page }) => {
  const ui = lab(page);
  const p = probe(page);
  await ui.open("/");
  await p.open();
  await p.dialog.getByRole("checkbox", { name: "repl-diskless-sync" }).check();
  await p.dialog.getByRole("textbox", { name: "repl-diskless-sync-delay (seconds)" }).fill("-2");
  await p.dialog.getByRole("button", { name: "Run the call" }).click();
  await expect(p.dialog.getByRole("alert")).toContainText("repl-diskless-sync-delay (seconds): a whole number from 0 to 3600.");
  await p.dialog.getByRole("textbox", { name: "repl-diskless-sync-delay (seconds)" }).fill("5");
  await p.dialog.getByRole("button", { name: "Run the call" }).click();
  await p.dialog.getByRole("button", { name: "Last line" }).click();
  await expect(p.currentLine).toHaveAttribute("data-line", "82");
  await expect(p.dialog).toContainText("Starting BGSAVE for SYNC with target: slaves sockets");
  await expect(p.dialog.getByRole("group", { name: "r1 at this line" })).toContainText("WAIT_BGSAVE_END");
  await expect(p.dialog.getByRole("group", { name: "r1 at this line" })).toContainText("+FULLRESYNC");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the what-if dialog fits a phone", async ({ page }) => {
    const ui = lab(page);
    const p = probe(page);
    await ui.open("/");
    await p.open();
    await p.dialog.getByRole("button", { name: "Run the call" }).click();
    await p.next.click();
    await expect(p.currentLine).toHaveAttribute("data-line", "21");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "test-results/screenshots/probe-phone.png" });
  });
});

test("on Redis 5.0.5 the what-if calls 5.0.5's function, in its own text: line 52 resets replstate", async ({ page }) => {
  const ui = lab(page);
  const p = probe(page);
  await ui.open("/?scenario=fork-failure-disk&frame=0&step=event");
  await ui.code.getByRole("combobox", { name: "Redis version" }).selectOption("5.0.5");
  await expect(page.getByRole("banner")).toContainText("How a Redis 5.0.5 primary starts a BGSAVE for replication");
  await p.open();
  await expect(p.dialog.getByRole("heading", { level: 2 })).toContainText("Redis 5.0.5");
  await p.dialog.getByRole("checkbox", { name: "fork() fails" }).check();
  await p.dialog.getByRole("button", { name: "Run the call" }).click();
  const lines: number[] = [];
  while (await p.next.isEnabled()) {
    await p.next.click();
    lines.push(Number(await p.currentLine.getAttribute("data-line")));
  }
  expect(lines).toContain(52);
  // The text is 5.0.5's: line 52 holds the statement 4.0.14 does not have.
  await expect(p.dialog.getByRole("region", { name: "What-if source code" }).locator('li[data-line="52"]')).toContainText("slave->replstate = REPL_STATE_NONE;");
});
