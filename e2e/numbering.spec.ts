import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { lab } from "./lab";

/** The counter beside the timeline: "t=…s · step 3 of 9" (Event mode) or "· frame 26 of 42" (Line mode). */
const counter = (page: Page) => page.getByText(/^t=\S+s · /).first();

async function exportName(page: Page, item: string): Promise<{ name: string; text: string }> {
  const entry = await lab(page).tool(item);
  const [download] = await Promise.all([page.waitForEvent("download"), entry.click()]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, "utf8") };
}

test("no longer: frame numbers disagree between the counter, the sandbox, the Embed dialog, exports and the embed, and one press in Event mode moves the counter by line frames", async ({ page }) => {
  test.setTimeout(90_000);
  const ui = lab(page);
  await ui.open("/?scenario=disk-happy-path&frame=0&step=event");
  const frames = Number(await ui.timeline.getAttribute("max")) + 1;

  // Event mode counts event steps: one press is one step.
  await expect(counter(page)).toHaveText(/ · step 1 of (\d+)$/);
  const steps = Number((await counter(page).textContent())!.match(/of (\d+)$/)![1]);
  expect(steps).toBeLessThan(frames);
  await ui.stepForward();
  await expect(counter(page)).toHaveText(new RegExp(` · step 2 of ${steps}$`));
  await expect(ui.timeline).toHaveAttribute("aria-valuetext", new RegExp(`^step 2 of ${steps}, frame ${(await ui.frame()) + 1} of ${frames}, t = `));
  const firstEvent = await ui.frame();
  await ui.stepForward();
  await expect(counter(page)).toHaveText(new RegExp(` · step 3 of ${steps}$`));

  // Line mode counts frames, from 1, and every other place says the same number.
  await ui.stepSize("Line");
  await ui.stepForward();
  const shown = (await ui.frame()) + 1;
  await expect(counter(page)).toHaveText(new RegExp(` · frame ${shown} of ${frames}$`));
  await expect(ui.timeline).toHaveAttribute("aria-valuetext", new RegExp(`^frame ${shown} of ${frames}, t = `));

  await page.getByRole("button", { name: "Sandbox", exact: true }).click();
  const sandbox = page.getByRole("complementary", { name: "Sandbox" });
  await expect(sandbox).toContainText(`At frame ${shown} (t = `);
  await page.getByRole("button", { name: "Sandbox", exact: true }).click();
  await expect(sandbox).toBeHidden();

  const svg = await exportName(page, "Diagram as SVG");
  expect(svg.name).toMatch(new RegExp(`-frame${shown}-t[\\d.]+s\\.svg$`));
  const md = await exportName(page, "Walkthrough as Markdown");
  // The walkthrough's first step after the start is the frame the counter called step 2.
  expect(md.text).toContain(`## Step 2 · frame ${firstEvent + 1} · t = `);

  await (await ui.tool("Embed")).click();
  const dialog = page.getByRole("dialog", { name: "Embed this scenario" });
  const from = dialog.getByRole("textbox", { name: new RegExp(`^From frame \\(1–${frames}\\)`) });
  await expect(from).toHaveValue(String(shown));
  await expect(dialog.getByRole("textbox", { name: new RegExp(`^To frame \\(1–${frames}\\)`) })).toHaveValue(String(frames));
  await from.fill("0");
  await expect(dialog.getByRole("alert")).toHaveText(`Frames are whole numbers from 1 to ${frames}, and "from" is at most "to".`);
  await from.fill(String(shown));
  const snippet = await dialog.getByRole("textbox", { name: "Embed code" }).inputValue();
  expect(snippet).toContain(`?embed&amp;frames=${shown}-${frames}#s=`);
  const src = snippet.match(/src="([^"]+)"/)![1]!.replace(/&amp;/g, "&");

  // The embed opens on that frame and calls it by the same number.
  await page.goto(src);
  await expect(page.getByRole("slider", { name: "Timeline" })).toHaveValue(String(shown - 1));
  await expect(counter(page)).toHaveText(new RegExp(` · frame ${shown} of ${frames}$`));
});

test("an embed link written before frames were numbered from 1 (from/to indices) opens the same range", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=disk-happy-path&frame=0&step=line");
  const hash = new URL(page.url()).hash;
  await page.goto(`/?embed&from=3&to=8${hash}`);
  const timeline = page.getByRole("slider", { name: "Timeline" });
  await expect(timeline).toHaveValue("3");
  await expect(counter(page)).toHaveText(/ · frame 4 of \d+$/);
  await page.getByRole("button", { name: "Last step", exact: true }).click();
  await expect(timeline).toHaveValue("8");
  await expect(counter(page)).toHaveText(/ · frame 9 of \d+$/);
  await page.goto(`/?embed&frames=4-9${hash}`);
  await expect(timeline).toHaveValue("3");
  await page.getByRole("button", { name: "Last step", exact: true }).click();
  await expect(timeline).toHaveValue("8");
});
