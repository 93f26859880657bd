/**
 * Code ↔ picture (docs/architecture.md §18): stepping line by line, the line just executed lights
 * its effect in the diagram; pointing at a part of the diagram lights its code lines, server log
 * lines and wire entries; pointing at a code line lights the diagram. Found by accessible names;
 * the lit state is read from `data-step-lit` (the line just executed) and `data-linked` (pointed at).
 */
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yProblems, lab, shareLink } from "./lab";

test.describe.configure({ timeout: 90_000 });

/** A part of the diagram, by the name assistive technology reads. */
const part = (page: Page, name: string) => page.getByRole("img", { name, exact: true });
/** A pipe of the diagram (it has no name of its own; its part does): "fork", "write", "control:r1", … */
const edge = (page: Page, key: string) => page.locator(`[data-edge="${key}"]`);

const STEP_LIT = "data-step-lit";
const LINKED = "data-linked";

async function openLines(page: Page, scenario: string) {
  const ui = lab(page);
  await ui.open(shareLink({ v: 1, s: scenario, k: "line", f: 0 }));
  // The current line, if the cursor is inside the function.
  const current = () => ui.code.locator('[aria-current="step"]').evaluateAll((els) => els[0]?.getAttribute("data-line") ?? null);
  /** Step forward (Line steps) until line `n` is the one just executed; `after`: past that many earlier visits. */
  const stepToLine = async (n: number, after = 0) => {
    for (let seen = -1; seen < after; ) {
      await ui.stepForward();
      await ui.stepUntil(async () => (await current()) === String(n));
      seen++;
    }
    await expect(ui.currentLine).toHaveAttribute("data-line", String(n));
  };
  return { ui, stepToLine };
}

/** Which of these parts carry an attribute (the others must not). */
async function expectOnly(page: Page, attr: string, names: string[], all: string[]) {
  for (const name of all) {
    if (names.includes(name)) await expect(part(page, name), `${name} ${attr}`).toHaveAttribute(attr, "");
    else await expect(part(page, name), `${name} not ${attr}`).not.toHaveAttribute(attr, "");
  }
}

const PARTS = {
  primary: "Diagram: the primary",
  cache: "Diagram: the script cache",
  decision: "Diagram: the Decision",
  disk: "Diagram: the disk branch",
  socket: "Diagram: the socket branch",
  error: "Diagram: the error branch",
  child: "Diagram: the forked child",
  rdb: "Diagram: dump.rdb",
  r1: "Diagram: replica r1",
  r2: "Diagram: replica r2",
  cli: "Diagram: replica cli",
};

test("steps through a failed fork line by line: the Decision, then the error path and each replica it drops, are lit", async ({ page }) => {
  const { stepToLine } = await openLines(page, "failure-sweeps-bystanders");
  const all = [PARTS.primary, PARTS.cache, PARTS.decision, PARTS.disk, PARTS.socket, PARTS.error, PARTS.child, PARTS.rdb, PARTS.r1, PARTS.cli];

  await stepToLine(21);
  await expectOnly(page, STEP_LIT, [PARTS.decision], all);
  // Not only colour: the part says what lit it.
  await expect(part(page, PARTS.decision)).toHaveAccessibleDescription(/Lit by line 21, the line just executed\./);

  await stepToLine(34);
  await expectOnly(page, STEP_LIT, [PARTS.decision, PARTS.disk], all);

  // The fork fails at 37: the child (none) and the fork edge are lit all the same.
  await stepToLine(37);
  await expectOnly(page, STEP_LIT, [PARTS.child, PARTS.disk, PARTS.rdb], all);
  await expect(edge(page, "fork")).toHaveAttribute(STEP_LIT, "");

  // 47: the error path, and every replica waiting for the BGSAVE — the bystander cli too.
  await stepToLine(47);
  await expectOnly(page, STEP_LIT, [PARTS.error, PARTS.r1, PARTS.cli], all);
  await expect(edge(page, "fork")).not.toHaveAttribute(STEP_LIT, "");

  // In the loop, only the replica `slave` points at.
  await stepToLine(51);
  await expectOnly(page, STEP_LIT, [PARTS.error, PARTS.r1], all);
  await stepToLine(55);
  await expectOnly(page, STEP_LIT, [PARTS.error, PARTS.r1, PARTS.primary], all);
  // addReplyError: r1's -ERR takes the error pipe and stops before it.
  await stepToLine(56);
  await expectOnly(page, STEP_LIT, [PARTS.error, PARTS.r1], all);
  await expect(edge(page, "error:r1")).toHaveAttribute(STEP_LIT, "");
  await stepToLine(51, 0);
  await expectOnly(page, STEP_LIT, [PARTS.error, PARTS.cli], all);
  await expect(part(page, PARTS.cli)).toHaveAccessibleDescription(/Lit by line 51/);

  // return: every replica it dropped.
  await stepToLine(61);
  await expectOnly(page, STEP_LIT, [PARTS.error, PARTS.r1, PARTS.cli], all);
  await expect(edge(page, "error:r1")).toHaveAttribute(STEP_LIT, "");
  await expect(edge(page, "error:cli")).toHaveAttribute(STEP_LIT, "");

  // The event step that closes the call: nothing is lit by a line.
  await lab(page).stepForward();
  await expect(page.locator(`[${STEP_LIT}]`)).toHaveCount(0);
});

test("a diskless BGSAVE: line 35 lights the child, the fork edge and both replicas' +FULLRESYNC; line 81 the script cache", async ({ page }) => {
  const { stepToLine } = await openLines(page, "diskless-batching");
  const all = [PARTS.primary, PARTS.cache, PARTS.decision, PARTS.disk, PARTS.socket, PARTS.error, PARTS.child, PARTS.rdb, PARTS.r1, PARTS.r2];
  await stepToLine(34);
  await expectOnly(page, STEP_LIT, [PARTS.decision, PARTS.socket], all);
  await stepToLine(35);
  await expectOnly(page, STEP_LIT, [PARTS.child, PARTS.socket, PARTS.r1, PARTS.r2], all);
  for (const key of ["fork", "control:r1", "control:r2", "socket:r1", "socket:r2"]) await expect(edge(page, key), key).toHaveAttribute(STEP_LIT, "");
  await expect(edge(page, "write")).not.toHaveAttribute(STEP_LIT, "");
  // `if (!socket_target)` is false: nothing to set up here.
  await stepToLine(67);
  await expectOnly(page, STEP_LIT, [PARTS.decision], all);
  await stepToLine(81);
  await expectOnly(page, STEP_LIT, [PARTS.cache], all);
});

test("a disk BGSAVE: line 37 lights the child, its fork and dump.rdb; lines 67–76 the +FULLRESYNC set-up arrow", async ({ page }) => {
  const { stepToLine } = await openLines(page, "disk-happy-path");
  const all = [PARTS.primary, PARTS.cache, PARTS.decision, PARTS.disk, PARTS.socket, PARTS.error, PARTS.child, PARTS.rdb, PARTS.r1];
  await stepToLine(37);
  await expectOnly(page, STEP_LIT, [PARTS.child, PARTS.disk, PARTS.rdb], all);
  await expect(edge(page, "fork")).toHaveAttribute(STEP_LIT, "");
  await expect(edge(page, "write")).toHaveAttribute(STEP_LIT, "");
  await stepToLine(67);
  await expectOnly(page, STEP_LIT, [PARTS.decision, PARTS.r1], all);
  await expect(edge(page, "control:r1")).toHaveAttribute(STEP_LIT, "");
  await stepToLine(73);
  await expectOnly(page, STEP_LIT, [PARTS.r1], all);
  await expect(edge(page, "control:r1")).toHaveAttribute(STEP_LIT, "");
  await expect(edge(page, "fork")).not.toHaveAttribute(STEP_LIT, "");
});

test("hovering a dropped replica in the diagram lights its code lines, its log lines and its unsent -ERR", async ({ page }) => {
  const { ui, stepToLine } = await openLines(page, "fork-failure-disk");
  await stepToLine(61);
  const r1 = part(page, PARTS.r1);
  await expect(page.locator(`[${LINKED}]`)).toHaveCount(0);
  await r1.hover();
  await expect(r1).toHaveAttribute(LINKED, "");
  // Code: the error loop's lines, 56–57 among them (addReplyError wrote its buffer).
  for (const n of [51, 53, 54, 55, 56, 57, 58]) await expect(ui.code.locator(`li[data-line="${n}"]`), `line ${n}`).toHaveAttribute(LINKED, "");
  await expect(ui.code.locator('li[data-line="37"]')).not.toHaveAttribute(LINKED, "");
  // Log: the lines that name it, and the failure that dropped it; not the fork error.
  const lit = ui.serverLog.locator(`li[${LINKED}]`);
  await expect(lit).toHaveCount(3);
  await expect(lit.nth(0)).toContainText("Slave 127.0.0.1:17001 asks for synchronization");
  await expect(lit.nth(1)).toContainText("Full resync requested by slave 127.0.0.1:17001");
  await expect(lit.nth(2)).toContainText("BGSAVE for replication failed");
  await expect(ui.serverLog.locator("li", { hasText: "Can't save in background" })).not.toHaveAttribute(LINKED, "");
  // Its card: the -ERR queued in its output buffer.
  const card = ui.replica("r1");
  await expect(card.locator(`li[${LINKED}]`)).toHaveText(["-ERR BGSAVE failed, replication can't continue"]);
  // Away from it: nothing stays lit.
  await page.mouse.move(2, 700);
  await expect(page.locator(`[${LINKED}]`)).toHaveCount(0);
});

test("focusing the diagram's parts with the keyboard lights their code and log lines, says so in words, and Escape unlights", async ({ page }) => {
  const { ui, stepToLine } = await openLines(page, "disk-happy-path");
  await stepToLine(73);
  // One Tab stop for the picture: the primary; ↓ moves to the script cache, then the Decision.
  await expect(page.locator('[data-part][tabindex="0"]')).toHaveCount(1);
  await part(page, PARTS.primary).focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const decision = part(page, PARTS.decision);
  await expect(decision).toBeFocused();
  await expect(decision).toHaveAttribute(LINKED, "");
  await expect(decision).toHaveAccessibleDescription(/Linked to code lines 21, 25–26, 34, 67, 1 server log line and 0 wire entries\./);
  for (const n of [21, 25, 26, 34, 67]) await expect(ui.code.locator(`li[data-line="${n}"]`), `line ${n}`).toHaveAttribute(LINKED, "");
  await expect(ui.serverLog.locator(`li[${LINKED}]`)).toHaveText([/Starting BGSAVE for SYNC with target: disk/]);
  await expectNoSeriousA11yProblems(page);
  await page.keyboard.press("Escape");
  await expect(page.locator(`[${LINKED}]`)).toHaveCount(0);
  await expect(decision).toBeFocused();

  // On to r1: its +FULLRESYNC on the wire, the line that wrote it, its card; ↑ comes back.
  for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowDown");
  const r1 = part(page, PARTS.r1);
  await expect(r1).toBeFocused();
  await expect(r1).toHaveAccessibleDescription(/Lit by line 73, the line just executed\. Linked to code lines 47–51, 53–58, 61, 67–70, 72–74, 2 server log lines and 1 wire entry\./);
  await expect(ui.replica("r1").locator(`li[${LINKED}]`)).toHaveText([/\+FULLRESYNC [0-9a-f]{40} 0$/]);
  await expect(ui.code.locator('li[data-line="73"]')).toHaveAttribute(LINKED, "");
  // Stepping keeps the focus and follows the frame.
  await page.keyboard.press("ArrowRight");
  await expect(r1).toBeFocused();
  await expect(r1).not.toHaveAttribute(STEP_LIT, "");
  await page.keyboard.press("ArrowUp");
  await expect(part(page, PARTS.rdb)).toBeFocused();
  // Leaving the picture unlights.
  await ui.button("Step back").focus();
  await expect(page.locator(`[${LINKED}]`)).toHaveCount(0);
});

test("hovering or focusing a line of code lights what it does in the diagram, its log lines and wire entries", async ({ page }) => {
  const { ui, stepToLine } = await openLines(page, "disk-happy-path");
  await stepToLine(81);
  // 73: r1 and its +FULLRESYNC arrow, and the +FULLRESYNC entry of its wire.
  await ui.code.locator('li[data-line="74"]').hover();
  await expect(ui.code.locator('li[data-line="73"]')).toHaveAttribute(LINKED, "");
  await expect(part(page, PARTS.r1)).toHaveAttribute(LINKED, "");
  await expect(edge(page, "control:r1")).toHaveAttribute(LINKED, "");
  await expect(part(page, PARTS.child)).not.toHaveAttribute(LINKED, "");
  await expect(ui.replica("r1").locator(`li[${LINKED}]`)).toHaveText([/^\+FULLRESYNC /]);
  // 37: the child, its fork and dump.rdb, and the log line of the fork.
  await ui.code.locator('li[data-line="37"]').hover();
  for (const name of [PARTS.child, PARTS.disk, PARTS.rdb]) await expect(part(page, name), name).toHaveAttribute(LINKED, "");
  await expect(part(page, PARTS.r1)).not.toHaveAttribute(LINKED, "");
  await expect(edge(page, "fork")).toHaveAttribute(LINKED, "");
  await expect(ui.serverLog.locator(`li[${LINKED}]`)).toHaveText([/Background saving started by pid \d+/]);
  // A comment line lights nothing.
  await ui.code.locator('li[data-line="79"]').hover();
  await expect(page.locator(`[${LINKED}]`)).toHaveCount(0);

  // The keyboard: the current line is the listing's Tab stop; ↑ to the statement before; words for what it lights.
  const l81 = ui.code.locator('li[data-line="81"]');
  await expect(l81).toHaveAttribute("tabindex", "0");
  await l81.focus();
  await expect(part(page, PARTS.cache)).toHaveAttribute(LINKED, "");
  await expect(l81).toHaveAccessibleDescription("Lights in the diagram: the script cache.");
  await page.keyboard.press("ArrowUp");
  const l73 = ui.code.locator('li[data-line="73"]');
  await expect(l73).toBeFocused();
  await expect(l73).toHaveAccessibleDescription("Lights in the diagram: replica r1, the command pipe to r1.");
  await page.keyboard.press("Escape");
  await expect(page.locator(`[${LINKED}]`)).toHaveCount(0);
});
