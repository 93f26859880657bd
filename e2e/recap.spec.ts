/**
 * The end of a scenario: the recap says what happened and how each question went, offers the next
 * scenario, and says why a scenario is not finished yet — in the recap and in the picker.
 */
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yProblems, lab, SCREENSHOTS } from "./lab";

interface Doc {
  title: { en: string };
  summary: { en: string };
  steps: { redis?: string[]; predict?: { answer: number; choices: unknown[]; question: { en: string } } }[];
}
const happy = JSON.parse(readFileSync("src/scenarios/catalogue/01-disk-happy-path.json", "utf8")) as Doc;
// The page runs 4.0.14 unless told otherwise: the questions it asks are those shown on 4.0.14.
const asks = happy.steps.flatMap((s) => (s.predict && (!s.redis || s.redis.includes("4.0.14")) ? [s.predict] : []));
const diskless = JSON.parse(readFileSync("src/scenarios/catalogue/02-diskless-batching.json", "utf8")) as Doc;

const question = (page: Page) => page.getByRole("group", { name: "Predict" });

/**
 * Step through the scenario to its last frame the way a student does; at the n-th question asked,
 * `act(n)` says what to do: its right answer, a wrong one, or skip it.
 */
async function playThrough(page: Page, act: (n: number) => "right" | "wrong" | "skip") {
  const ui = lab(page);
  let asked = 0;
  let last = "";
  const max = Number(await ui.timeline.getAttribute("max"));
  for (let guard = 0; guard <= max; guard++) {
    if (await question(page).isVisible()) {
      const text = await ui.textOf(question(page));
      if (text !== last) {
        last = text;
        const what = act(asked);
        const ask = asks[asked]!;
        if (what === "skip") await ui.button("Skip question").click();
        else await question(page).getByRole("button").nth(what === "right" ? ask.answer : (ask.answer + 1) % ask.choices.length).click();
        asked++;
      }
    }
    if ((await ui.frame()) === max) break;
    await ui.stepForward();
  }
  expect(asked).toBe(asks.length);
  await expect(ui.timeline).toHaveValue(String(max));
}

test("no longer: finishing a scenario only turns 0/16 into 1/16 — the recap says what happened and how each answer went, and Next scenario loads the next one", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/");
  await expect(page.getByText("0/16 finished")).toBeVisible();
  await playThrough(page, (n) => (n === 1 ? "wrong" : "right"));

  const recap = ui.explanation.getByRole("region", { name: "Recap" });
  await expect(recap).toBeVisible();
  // What happened, read from the trace: the BGSAVE, its target, how it ended, who is ONLINE.
  const happened = recap.getByRole("list", { name: "What happened" });
  await expect(happened).toContainText("BGSAVE to disk");
  await expect(happened).toContainText("succeeded");
  await expect(happened).toContainText("ONLINE at the end: r1");
  // Each question with its result.
  const answers = recap.getByRole("list", { name: "Your answers" }).getByRole("listitem");
  await expect(answers).toHaveCount(asks.length);
  for (let i = 0; i < asks.length; i++) await expect(answers.nth(i)).toContainText(i === 1 ? "✕ Not quite" : "✓ Right");
  await expect(recap).toContainText("Finished");
  await expect(page.getByText("1/16 finished")).toBeVisible();
  await ui.screenshot("recap-finished-1280");
  await expectNoSeriousA11yProblems(page);

  // Next scenario: scenario 2 at its first frame, ready to step.
  await recap.getByRole("button", { name: /^Next scenario/ }).click();
  await expect(ui.scenario).toHaveValue("diskless-batching");
  await expect(ui.timeline).toHaveValue("0");
  await expect(ui.explanation).toContainText(diskless.summary.en.replace(/[`*]/g, "").slice(0, 40));
  await expect(ui.button("Step forward")).toBeFocused();
  await expect(ui.explanation.getByRole("region", { name: "Recap" })).toHaveCount(0);
  await expect(ui.scenario.locator('option[value="disk-happy-path"]')).toHaveText("✓ Disk happy path");
});

test("no longer: a skipped question silently keeps it unfinished — the recap and the picker say it is skipped, and the jump link leads to it", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/");
  await playThrough(page, (n) => (n === 2 ? "skip" : "right"));

  const recap = ui.explanation.getByRole("region", { name: "Recap" });
  await expect(recap).toContainText("1 question skipped — answer it to finish.");
  const answers = recap.getByRole("list", { name: "Your answers" }).getByRole("listitem");
  await expect(answers.nth(2)).toContainText("Skipped");
  await expect(page.getByText("0/16 finished")).toBeVisible();
  await expect(ui.scenario.locator('option[value="disk-happy-path"]')).toHaveText("Disk happy path (1 skipped)");
  await page.screenshot({ path: `${SCREENSHOTS}/recap-skipped-1280.png` });

  // The jump link goes to the frame where the question is asked.
  await recap.getByRole("button", { name: "Go to question 3" }).click();
  await expect(ui.timeline).toHaveValue("19");
  // … and the focus is on the question, so a keyboard or screen reader user is there too.
  await expect(page.locator(":focus")).toContainText(asks[2]!.question.en.replace(/[`*]/g, "").slice(0, 30));
  await expect(ui.button("Skip question")).toHaveCount(0);
  await question(page).getByRole("button").nth(asks[2]!.answer).click();
  // The end was reached already: answering the last open question finishes the scenario.
  await expect(page.getByText("1/16 finished")).toBeVisible();
  await expect(ui.scenario.locator('option[value="disk-happy-path"]')).toHaveText("✓ Disk happy path");
  await ui.button("Last step").click();
  await expect(recap).toContainText("Finished");
  await expect(recap.getByRole("list", { name: "Your answers" }).getByRole("listitem").nth(2)).toContainText("✓ Right");
});
