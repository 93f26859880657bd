/**
 * Faults are drawn where they happen: a failed fork on the fork() edge, a killed or failing child on
 * the child and its pipe, a lost upstream link on the primary, and the two countdowns a student
 * waits through — a dropped replica's repl-timeout and the diskless delay. Each mark is checked
 * absent before its fault and present, with the right words, from it on.
 */
import { expect, test, type Page } from "@playwright/test";
import { lab, shareLink } from "./lab";

const diagram = (page: Page) => page.getByRole("img", { name: /^(Diagram of|主节点)/ });

/** Every label the diagram shows (its hover titles are not shown), in document order. */
async function labels(page: Page): Promise<string[]> {
  return diagram(page).evaluate((svg) =>
    [...svg.querySelectorAll("text")]
      .filter((t) => t.getBoundingClientRect().width > 0)
      .map((t) => [...t.childNodes].filter((n) => n.nodeName !== "title").map((n) => n.textContent).join("").trim())
      .filter(Boolean),
  );
}

/** The label that matches, once (or fails listing what the diagram shows). */
async function label(page: Page, pattern: RegExp): Promise<string> {
  let found: string | undefined;
  await expect.poll(async () => (found = (await labels(page)).find((l) => pattern.test(l))) ?? (await labels(page)).join(" | ")).toMatch(pattern);
  return found as string;
}

/** No label matches. */
async function noLabel(page: Page, pattern: RegExp) {
  expect((await labels(page)).filter((l) => pattern.test(l))).toEqual([]);
}

/** A mark of the diagram, found by the hover title it carries (what a pointer over it shows). */
const mark = (page: Page, title: RegExp) => diagram(page).locator("g").filter({ has: page.locator(":scope > title", { hasText: title }) });

test("no longer: a fork that fails looks exactly like no fork yet — the fork() edge shows ✕ and the errno", async ({ page }) => {
  const ui = lab(page);
  await ui.open(shareLink({ v: 1, s: "fork-failure-disk", k: "event", f: 0 }));
  // The fault is armed (the next fork will fail) but nothing has forked yet: no mark.
  await ui.stepUntil(async () => (await ui.textOf(ui.explanation)).includes("EAGAIN"));
  await noLabel(page, /fork\(\) failed|EAGAIN/);
  await expect(mark(page, /fork\(\) failed/)).toHaveCount(0);
  const noForkYet = await diagram(page).textContent();

  await ui.stepUntil(async () => (await ui.textOf(ui.serverLog)).includes("BGSAVE for replication failed"));
  await label(page, /^✕ fork\(\) failed$/);
  await label(page, /^errno EAGAIN/);
  await expect(mark(page, /fork\(\) failed with EAGAIN/).first()).toBeVisible();
  // What a screen reader hears for the picture says it too.
  await expect(diagram(page)).toHaveAccessibleName(/fork\(\) failed with EAGAIN/);
  expect(await diagram(page).textContent()).not.toBe(noForkYet);
});

test("a killed child is drawn ✕ signal 9 from the kill until serverCron reaps it", async ({ page }) => {
  const ui = lab(page);
  await ui.open(shareLink({ v: 1, s: "child-dies-disk", k: "event", f: 0 }));
  await ui.stepUntil(async () => (await labels(page)).some((l) => l.includes("running")));
  await noLabel(page, /killed by signal|exited with code/);
  await expect(mark(page, /killed by signal/)).toHaveCount(0);

  await ui.stepUntil(async () => (await labels(page)).some((l) => l.includes("killed by signal")));
  await label(page, /^✕ killed by signal 9$/);
  await expect(mark(page, /killed by signal 9 \(SIGKILL\)/).first()).toBeVisible();
  await expect(diagram(page)).toHaveAccessibleName(/killed by signal 9/);
  // Not reaped yet: the primary has not logged how it ended.
  await expect(ui.serverLog).not.toContainText("Background saving terminated by signal 9");

  await ui.stepForward();
  await expect(ui.serverLog).toContainText("Background saving terminated by signal 9");
  await noLabel(page, /killed by signal/);
});

test("a child that exits with an error (injected in the sandbox) is drawn ✕ exit code 1 until it is reaped", async ({ page }) => {
  const ui = lab(page);
  await ui.open(shareLink({ v: 1, s: "child-dies-disk", k: "event", f: 0 }));
  await ui.stepUntil(async () => (await labels(page)).some((l) => l.includes("running")));
  await page.getByRole("button", { name: "Sandbox", exact: true }).click();
  const panel = page.getByRole("complementary", { name: "Sandbox" });
  await panel.getByRole("combobox", { name: "Fault", exact: true }).selectOption({ label: "BGSAVE child is killed" });
  await panel.getByRole("combobox", { name: "How it ends" }).selectOption({ label: "exits with an error (e.g. disk full)" });
  await panel.getByRole("button", { name: "Inject" }).click();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await noLabel(page, /exited with code/);

  await ui.stepUntil(async () => (await labels(page)).some((l) => l.includes("exited with code")));
  await label(page, /^✕ exited with code 1$/);
  await expect(mark(page, /exited with code 1/).first()).toBeVisible();
  await ui.stepForward();
  await expect(ui.serverLog).toContainText("Background saving error");
  await noLabel(page, /exited with code/);
});

test("a chained primary's lost master link is drawn on its upstream link, from the moment it is lost", async ({ page }) => {
  const ui = lab(page);
  await ui.open(shareLink({ v: 1, s: "no-replication-info", k: "event", f: 0 }));
  await label(page, /^master link up$/);
  await noLabel(page, /master link lost/);
  await ui.stepUntil(async () => (await labels(page)).some((l) => l.includes("master link lost")));
  await label(page, /^master link lost · not cached$/);
  await expect(mark(page, /nothing was cached: rdbPopulateSaveInfo returns NULL/)).toBeVisible();
  await expect(diagram(page)).toHaveAccessibleName(/link to its master is lost, with no cached master/);
  // It stays lost: the BGSAVE that needs it fails later, and the link is still cut at the end.
  await ui.button(ui.names.last).click();
  await label(page, /^master link lost · not cached$/);
});

test("a replica left in silence by a failed fork shows its repl-timeout counting down as time passes, then times out", async ({ page }) => {
  const ui = lab(page);
  // The disk fork failure, with writes on the primary during r1's minute of silence (frames to stop at).
  const writes = [20, 40].map((at) => ({ kind: "event", event: { at, type: "write" } }));
  await ui.open(shareLink({ v: 1, s: "fork-failure-disk", e: writes, k: "event", f: 0 }));
  await ui.stepUntil(async () => (await ui.textOf(ui.serverLog)).includes("BGSAVE for replication failed") || (await labels(page)).some((l) => l.includes("repl-timeout")));
  // r1 last received something at second 0; its own cron gives up at 61.137 s (docs/behaviour.md §8).
  await label(page, /^repl-timeout in 60\.887 s$/);
  await expect(diagram(page).locator("text > title", { hasText: "at 61.137 s, in 60.887 s" })).toHaveCount(1);
  await expect(diagram(page)).toHaveAccessibleName(/r1: dropped \(repl-timeout in 60\.887 s\)/);
  const seen: string[] = [await label(page, /^repl-timeout in/)];
  for (;;) {
    await ui.stepForward();
    const now = (await labels(page)).find((l) => l.startsWith("repl-timeout in"));
    if (!now) break;
    seen.push(now);
  }
  expect(seen).toEqual(["repl-timeout in 60.887 s", "repl-timeout in 41.137 s", "repl-timeout in 21.137 s"]);
  // The step after: its cron timed it out and it reconnected.
  await expect(ui.replica("r1")).toContainText("Timeout connecting to the MASTER");
});

test("在中文里：socket fork 失败后，r1 的 repl-timeout 倒计时也画出来（61.137 秒）", async ({ page }) => {
  const ui = lab(page, "zh");
  await ui.open(shareLink({ v: 1, s: "fork-failure-socket", k: "event", f: 0, l: "zh" }));
  await noLabel(page, /repl-timeout/);
  await ui.stepUntil(async () => (await labels(page)).some((l) => l.includes("repl-timeout")));
  await label(page, /^61\.137 秒后 repl-timeout$/);
  await label(page, /^✕ fork\(\) 失败$/);
  await label(page, /^errno ENOMEM/);
});

test("an old SYNC client swept by the failure has no timeout; r1 beside it counts down", async ({ page }) => {
  const ui = lab(page);
  await ui.open(shareLink({ v: 1, s: "failure-sweeps-bystanders", k: "event", f: 0 }));
  await ui.stepUntil(async () => (await ui.textOf(ui.serverLog)).includes("BGSAVE for replication failed"));
  await label(page, /^no timeout \(SYNC client\)$/);
  await label(page, /^repl-timeout in 60\.137 s$/);
  // A minute later r1 is back and waits for the diskless delay; the SYNC client still waits in silence.
  await ui.stepForward();
  await label(page, /^no timeout \(SYNC client\)$/);
  await label(page, /^delay: BGSAVE in 5\.863 s$/);
});

test("replicas waiting for the diskless delay show the countdown to the cron run that starts their BGSAVE", async ({ page }) => {
  const ui = lab(page);
  await ui.open(shareLink({ v: 1, s: "diskless-batching", k: "event", f: 0 }));
  await noLabel(page, /^delay: BGSAVE/);
  const seen: string[][] = [];
  do {
    await ui.stepForward();
    seen.push((await labels(page)).filter((l) => l.startsWith("delay: BGSAVE")));
  } while (seen.at(-1)?.length);
  // r1's PSYNC at 0.05 s: the cron starts the BGSAVE at 6 s (max_idle 6 > 5); r2 joins r1's countdown.
  expect(seen).toEqual([
    ["delay: BGSAVE in 5.95 s"],
    ["delay: BGSAVE in 5 s"],
    ["delay: BGSAVE in 4 s"],
    ["delay: BGSAVE in 3.95 s", "delay: BGSAVE in 3.95 s"],
    ["delay: BGSAVE in 3 s", "delay: BGSAVE in 3 s"],
    ["delay: BGSAVE in 2 s", "delay: BGSAVE in 2 s"],
    ["delay: BGSAVE in 1 s", "delay: BGSAVE in 1 s"],
    [],
  ]);
  await expect(ui.serverLog).toContainText("Starting BGSAVE for SYNC with target: slaves sockets");
});

test("the fork-failure frame at 1280×720, in English and Chinese, light and dark", async ({ page }) => {
  for (const l of ["en", "zh"] as const) {
    const ui = lab(page, l);
    for (const theme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await ui.open(shareLink({ v: 1, s: "fork-failure-disk", k: "event", f: 20, l }));
      await label(page, l === "en" ? /^✕ fork\(\) failed$/ : /^✕ fork\(\) 失败$/);
      await ui.screenshot(`faults-fork-failure-${l}-${theme}`);
    }
  }
});
