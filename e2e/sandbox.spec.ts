import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yProblems, lab } from "./lab";

function sandbox(page: Page) {
  const panel = page.getByRole("complementary", { name: "Sandbox" });
  return {
    panel,
    edits: panel.getByRole("region", { name: "Your edits" }),
    async open() {
      await page.getByRole("button", { name: "Sandbox", exact: true }).click();
      await expect(panel).toBeVisible();
    },
    async configSet(diskless: boolean, delay: string) {
      await panel.getByRole("checkbox", { name: "repl-diskless-sync" }).setChecked(diskless);
      await panel.getByRole("textbox", { name: "repl-diskless-sync-delay (seconds)" }).fill(delay);
      await panel.getByRole("button", { name: "CONFIG SET" }).click();
    },
    async inject(fault: string, fields: Record<string, string> = {}) {
      await panel.getByRole("combobox", { name: "Fault", exact: true }).selectOption({ label: fault });
      for (const [name, value] of Object.entries(fields)) {
        const box = panel.getByRole("combobox", { name });
        if (await box.count()) await box.selectOption(value);
        else await panel.getByRole("textbox", { name }).fill(value);
      }
      await panel.getByRole("button", { name: "Inject" }).click();
    },
  };
}

test("a student changes one thing and sees the branch change", async ({ page }) => {
  test.setTimeout(120_000); // the accessibility scan of the whole page is slow on a busy machine
  const ui = lab(page);
  const sb = sandbox(page);
  await ui.open("/");
  await ui.scenario.selectOption("disk-happy-path");
  await expect(ui.timeline).toHaveValue("0");
  await sb.open();
  await expect(sb.panel).toContainText("At frame 1 (t = 0.000 s). Changes take effect at t = 0.001 s.");

  // A typo is refused with a message naming the field, and what was typed stays.
  await sb.configSet(true, "soon");
  await expect(sb.panel.getByRole("alert")).toContainText("repl-diskless-sync-delay (seconds): a whole number from 0 to 3600.");
  await expect(sb.panel.getByRole("textbox", { name: "repl-diskless-sync-delay (seconds)" })).toHaveValue("soon");
  await expect(sb.edits).toContainText("No edits yet");

  await sb.configSet(true, "0");
  await expect(sb.edits).toContainText("t = 0.001 s: CONFIG SET repl-diskless-sync yes, repl-diskless-sync-delay 0");
  await expect(page.getByRole("button", { name: "Sandbox", exact: true })).toHaveAttribute("title", /^1 sandbox edit/);
  await expect(ui.timeline).toHaveValue("0");
  await ui.screenshot("sandbox-1280-config-set");

  await ui.button("Last step").click();
  await expect(ui.target).toContainText("socket");
  await expect(ui.serverLog).toContainText("Starting BGSAVE for SYNC with target: slaves sockets");
  await expect(ui.replica("r1")).toContainText("ONLINE");
  await expectNoSeriousA11yProblems(page);

  await ui.button("Undo edit").click();
  await expect(sb.edits).toContainText("No edits yet");
  await expect(ui.target).toContainText("disk");
  await expect(ui.serverLog).toContainText("Starting BGSAVE for SYNC with target: disk");
  await expect(ui.serverLog).not.toContainText("slaves sockets");
});

test("a student makes the next fork fail before r1 arrives and sees the error path", async ({ page }) => {
  const ui = lab(page);
  const sb = sandbox(page);
  await ui.open("/");
  await ui.scenario.selectOption("disk-happy-path");
  await sb.open();
  await sb.inject("Next fork fails", { "fork() error": "ENOMEM" });
  await expect(sb.edits).toContainText("t = 0.001 s: the next fork fails (ENOMEM)");
  await expect(sb.panel.getByRole("status")).toContainText("Edit added");

  await ui.stepUntil(async () => (await ui.textOf(ui.serverLog)).includes("BGSAVE for replication failed"));
  await expect(ui.serverLog).toContainText("Can't save in background: fork: Cannot allocate memory");
  await expect(ui.replica("r1")).toContainText("dropped");
  await expect(ui.replica("r1")).toContainText("-ERR BGSAVE failed, replication can't continue");
  // The happy path's narration would now tell the wrong story: it is not shown.
  await expect(page.getByRole("region", { name: "Explanation" })).not.toContainText("Narration:");
  await ui.screenshot("sandbox-1280-fork-fails");

  // Another edit on the branch: r2 joins later, and its fields are checked first.
  const id = sb.panel.getByRole("textbox", { name: "Replica id" });
  await expect(id).toHaveValue("r2");
  await id.fill("r1");
  await sb.panel.getByRole("button", { name: "Connect it" }).click();
  await expect(sb.panel.getByRole("alert")).toContainText('Replica id: a replica named "r1" already exists.');
  await id.fill("late");
  await sb.panel.getByRole("button", { name: "Connect it" }).click();
  await expect(sb.edits.getByRole("listitem")).toHaveCount(2);
  await ui.button("Last step").click();
  await expect(ui.replica("late")).toContainText("ONLINE");
  await ui.button("Undo edit").click();
  await ui.button("Undo edit").click();
  await expect(ui.serverLog).not.toContainText("BGSAVE for replication failed");
  await page.keyboard.press("Escape");
  await expect(sb.panel).toBeHidden();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the sandbox fills the screen and never scrolls sideways", async ({ page }) => {
    const ui = lab(page);
    const sb = sandbox(page);
    await ui.open("/");
    await sb.open();
    await sb.inject("Writes on the primary", { "Number of writes": "1001" });
    await expect(sb.panel.getByRole("alert")).toContainText("Number of writes: a whole number from 1 to 1000.");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await ui.screenshot("sandbox-phone");
    await sb.panel.getByRole("button", { name: "Close sandbox" }).click();
    await expect(sb.panel).toBeHidden();
  });
});

test("no longer: text typed but not submitted in the sandbox is lost when the drawer closes", async ({ page }) => {
  const ui = lab(page);
  const sb = sandbox(page);
  await ui.open("/?scenario=disk-happy-path&frame=0&step=event");
  await sb.open();
  const delay = sb.panel.getByRole("textbox", { name: "repl-diskless-sync-delay (seconds)" });
  await delay.fill("7");
  await sb.panel.getByRole("combobox", { name: "Fault", exact: true }).selectOption({ label: "Writes on the primary" });
  await sb.panel.getByRole("textbox", { name: "Number of writes" }).fill("12");
  await page.keyboard.press("Escape");
  await expect(sb.panel).toBeHidden();
  await sb.open();
  await expect(delay).toHaveValue("7");
  await expect(sb.panel.getByRole("combobox", { name: "Fault", exact: true })).toHaveValue("write");
  await expect(sb.panel.getByRole("textbox", { name: "Number of writes" })).toHaveValue("12");
});
