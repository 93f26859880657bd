import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yProblems, lab } from "./lab";

test("a student connects fifty replicas at once: the diagram groups them by state and the panel lists a line each", async ({ page }) => {
  test.setTimeout(120_000); // the accessibility scan of the whole page is slow on a busy machine
  const ui = lab(page);
  await ui.open("/");
  await ui.scenario.selectOption("disk-happy-path");
  const diagram = page.getByRole("region", { name: "Diagram" });
  const replicas = page.getByRole("region", { name: "Replicas" });

  await ui.button("Sandbox").click();
  const panel = page.getByRole("complementary", { name: "Sandbox" });
  await expect(panel.getByRole("textbox", { name: "Replica id" })).toHaveValue("r2");
  // More than the sandbox holds is refused, naming the field; what was typed stays.
  await panel.getByRole("textbox", { name: "How many" }).fill("500");
  await panel.getByRole("button", { name: "Connect 500 replicas" }).click();
  await expect(panel).toContainText("How many: a whole number from 1 to 199.");
  await expect(panel.getByRole("textbox", { name: "How many" })).toHaveValue("500");
  await panel.getByRole("textbox", { name: "How many" }).fill("49");
  await panel.getByRole("button", { name: "Connect 49 replicas" }).click();
  await expect(panel.getByRole("region", { name: "Your edits" })).toContainText("add 49 replicas r2–r50");
  await ui.button("Sandbox").click();

  // Every replica keeps its named group with its state; the diagram draws one box per state.
  await ui.stepUntil(async () => /WAIT_BGSAVE_END/.test(await ui.textOf(ui.replica("r50"))));
  await expect(replicas).toContainText("50 replicas, one line each");
  await expect(ui.replica("r37")).toContainText(/WAIT_BGSAVE_(START|END)/);
  await expect(diagram).toContainText(/\d+ replicas/);
  await expect(diagram.locator("text", { hasText: /^r37 / })).toHaveCount(0);
  expect(await diagram.locator("svg rect").count()).toBeLessThan(60);

  // A line opens into the whole card, and stays open while stepping.
  const toggle = ui.replica("r37").getByRole("button", { name: "Replica r37" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(ui.replica("r37")).toContainText("Wire (reached its socket)");
  await expect(page.getByRole("img", { name: /Statechart of r37/ })).toBeVisible();
  await ui.button("Last step").click();
  await expect(ui.replica("r37")).toContainText("ONLINE");
  await expect(ui.replica("r37")).toContainText("+FULLRESYNC");
  await expect(diagram).toContainText("50 replicas");
  await expect(diagram).toContainText("ONLINE");
  await ui.screenshot("many-replicas-online");
  await expectNoSeriousA11yProblems(page);

  // Undo: one replica again, drawn on its own with its whole card.
  await ui.button("Sandbox").click();
  await ui.button("Undo edit").click();
  await ui.button("Sandbox").click();
  await expect(replicas).not.toContainText("one line each");
  await expect(ui.replica("r2")).toHaveCount(0);
  await expect(ui.replica("r1")).toContainText("Wire (reached its socket)");
});
