import { expect, test } from "@playwright/test";
import { lab } from "./lab";

test("a student drives the lab from the keyboard", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=diskless-batching");
  const count = Number(await ui.timeline.getAttribute("max")) + 1;

  await page.keyboard.press("ArrowRight");
  const afterRight = await ui.frame();
  expect(afterRight).toBeGreaterThan(0);
  await page.keyboard.press("ArrowRight");
  expect(await ui.frame()).toBeGreaterThan(afterRight);
  await page.keyboard.press("ArrowLeft");
  await expect(ui.timeline).toHaveValue(String(afterRight));

  await page.keyboard.press("End");
  await expect(ui.timeline).toHaveValue(String(count - 1));
  await page.keyboard.press("Home");
  await expect(ui.timeline).toHaveValue("0");

  // Space plays and pauses; the button's name follows. (On a frame without an open question:
  // at frame 0 the first prediction is asked, and Play waits for the guess.)
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press(" ");
  await expect(ui.button("Pause")).toBeVisible();
  await page.keyboard.press(" ");
  await expect(ui.button("Play")).toBeVisible();
  await page.keyboard.press("Home");

  // ? lists every shortcut; Escape closes the list.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  for (const key of ["→", "←", "Space", "Home", "End", "?", "Esc"]) await expect(help).toContainText(key);
  await ui.screenshot("keyboard-help-light");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // The slider itself steps by the chosen step size too.
  await ui.timeline.focus();
  await page.keyboard.press("ArrowRight");
  expect(await ui.frame()).toBe(afterRight);
});

test("playing runs to the end on its own", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=delay-zero");
  await page.getByRole("combobox", { name: "Speed" }).selectOption("4");
  await ui.button("Play").click();
  const last = await ui.timeline.getAttribute("max");
  // Play waits at each open question (delay-zero asks three); the student answers it and plays on.
  for (let i = 0; i < 10; i++) {
    await expect(ui.button("Play")).toBeVisible({ timeout: 15_000 });
    if ((await ui.frame()) === Number(last)) break;
    await page.getByRole("group", { name: "Predict" }).getByRole("button").first().click();
    await ui.button("Play").click();
  }
  await expect(ui.timeline).toHaveValue(String(last), { timeout: 15_000 });
  await expect(ui.button("Play")).toBeVisible();
});

test("no longer: after choosing in the Scenario picker, → and ← switch scenarios instead of stepping", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/");
  // As after a pick with the mouse or the keyboard: the picker keeps the focus.
  await ui.scenario.focus();
  await ui.scenario.selectOption("fork-failure-disk");
  await expect(ui.scenario).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(ui.scenario).toHaveValue("fork-failure-disk");
  expect(await ui.frame()).toBeGreaterThan(0);
  const after = await ui.frame();
  await page.keyboard.press("ArrowLeft");
  await expect(ui.scenario).toHaveValue("fork-failure-disk");
  expect(await ui.frame()).toBeLessThan(after);
});

test("after clicking a control that is not a text field, the arrow keys step", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/?scenario=diskless-batching");
  // The step-size toggle is a pair of radios; arrows would otherwise move between them.
  await page.getByRole("radio", { name: "Line" }).check();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Line" })).toBeChecked();
  await expect(ui.timeline).toHaveValue("1");
  await page.keyboard.press("ArrowLeft");
  await expect(ui.timeline).toHaveValue("0");
  await expect(page.getByRole("radio", { name: "Line" })).toBeChecked();
});
