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
