/**
 * Every catalogue question, read where a student meets it: what the question takes as given is
 * what the screen shows at that moment (replica states, the BGSAVE target, the time it names),
 * nothing above it gives the answer away, and the right choice is graded right.
 * The claims are read from the scenario files; the screen is read through accessible names only.
 */
import { readdirSync, readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { lab, shareLink } from "./lab";

type Claim = Record<string, unknown>;
interface Predict {
  premise?: Claim;
  question: { en: string };
  choices: { text: { en: string } }[];
  answer: number;
}
interface Doc {
  id: string;
  summary: { en: string };
  steps?: { redis?: string[]; predict?: Predict }[];
}

const DIR = "src/scenarios/catalogue";
const docs: Doc[] = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(`${DIR}/${f}`, "utf8")) as Doc);

/** The premise's plain facts: its own atoms and those of an `all` (not under `not`/`any`). */
function atoms(c: Claim | undefined): Claim[] {
  if (!c) return [];
  if (Array.isArray(c.all)) return (c.all as Claim[]).flatMap(atoms);
  if ("not" in c || "any" in c) return [];
  return [c];
}

/** The words a reader sees for a dictionary text (backticks and emphasis marks are not shown). */
const shown = (text: string) => text.replace(/[`*]/g, "");

const question = (page: Page) => page.getByRole("group", { name: "Predict" });

test("no longer: questions describe a later moment as \"now\" and contradict the screen", async ({ page }) => {
  test.setTimeout(240_000);
  const ui = lab(page);
  let checked = 0;
  for (const doc of docs) {
    // The page runs 4.0.14 unless told otherwise: the questions it asks are those shown on 4.0.14.
    const asks = (doc.steps ?? []).flatMap((s) => (s.predict && (!s.redis || s.redis.includes("4.0.14")) ? [s.predict] : []));
    await ui.open(shareLink({ v: 1, s: doc.id }));
    // A link to another scenario changes only the fragment: wait until its trace is on screen.
    await expect(ui.scenario).toHaveValue(doc.id);
    const frames = Number(await ui.timeline.getAttribute("max")) + 1;
    let asked = 0;
    let last = "";
    for (let guard = 0; guard <= frames; guard++) {
      const now = (await question(page).isVisible()) ? await ui.textOf(question(page)) : "";
      if (now && now !== last) {
        const ask = asks[asked];
        expect(ask, `${doc.id}: more questions on screen than in the file`).toBeDefined();
        const where = `${doc.id}, question ${asked + 1} at frame ${await ui.frame()}`;
        const prompt = shown(ask!.question.en);
        await expect(ui.explanation, where).toContainText(prompt.slice(0, 40));
        // Each question says what it takes as given, in a form the screen can be checked against.
        expect(ask!.premise, `${where}: the question states no premise`).toBeDefined();
        for (const a of atoms(ask!.premise)) {
          if (typeof a.replica === "string" && typeof a.state === "string") {
            const text = await ui.textOf(ui.replica(a.replica));
            if (a.state === "not connected") expect(text, `${where}: ${a.replica}`).not.toMatch(/WAIT_BGSAVE|SEND_BULK|ONLINE/);
            else expect(text, `${where}: ${a.replica} is ${a.state}`).toContain(a.state);
          }
          if (typeof a.replica === "string" && typeof a.received === "string")
            expect(await ui.textOf(ui.replica(a.replica)), `${where}: ${a.replica} has received ${a.received}`).toContain(a.received);
          if (typeof a.replica === "string" && a.receivedOnly === "keep-alive")
            expect(await ui.textOf(ui.replica(a.replica)), `${where}: ${a.replica} has received only newlines`).not.toMatch(/\+FULLRESYNC|\$EOF:|\$\d/);
          if (typeof a.target === "string") await expect(ui.target, where).toContainText(a.target);
        }
        // A time the question names as now ("At 5 s …") is the time on the counter.
        const at = /^At (\d+(?:\.\d+)?) s\b/.exec(ask!.question.en);
        if (at) expect(Number((await ui.timeline.getAttribute("aria-valuetext"))?.match(/t = ([\d.]+) s/)?.[1]), where).toBe(Number(at[1]));
        // Nothing outside the question says its answer.
        const outside = (await ui.textOf(ui.explanation)).replace(await ui.textOf(question(page)), "").replace(prompt, "");
        expect(outside, `${where}: the answer is given away`).not.toContain(shown(ask!.choices[ask!.answer]!.text.en));
        // The true answer is graded right.
        await question(page).getByRole("button").nth(ask!.answer).click();
        await expect(ui.explanation.getByText(/^✓ Right\.$/), where).toBeVisible();
        asked++;
        checked++;
        last = await ui.textOf(question(page));
      }
      if (!now) last = "";
      if (await ui.button("Step forward").isDisabled()) break;
      await ui.stepForward();
    }
    expect(asked, `${doc.id}: every question of the file was met`).toBe(asks.length);
  }
  expect(checked).toBeGreaterThanOrEqual(40);
});
