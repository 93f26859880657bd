import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yProblems, lab, linkPayload, shareLink } from "./lab";

const catalogueDoc = (file: string) => JSON.parse(readFileSync(`src/scenarios/catalogue/${file}`, "utf8")) as Record<string, any>;

/** "t=0.250s · 7/42" under the timeline. */
const position = (page: Page) => page.getByText(/^t=\S+s · (step|frame) \d+ of \d+$/);

function sandbox(page: Page) {
  const panel = page.getByRole("complementary", { name: "Sandbox" });
  const button = page.getByRole("button", { name: "Sandbox", exact: true });
  return {
    panel,
    /** The Sandbox button describes how many edits the branch has ("1 sandbox edit — ..."). */
    async expectEdits(n: number) {
      if (n) await expect(button).toHaveAttribute("title", new RegExp(`^${n} sandbox edits?\\b`));
      else await expect(button).not.toHaveAttribute("title", /sandbox edit/);
    },
    async toggle() {
      await button.click();
    },
    async disklessNow() {
      await panel.getByRole("checkbox", { name: "repl-diskless-sync" }).setChecked(true);
      await panel.getByRole("textbox", { name: "repl-diskless-sync-delay (seconds)" }).fill("0");
      await panel.getByRole("button", { name: "CONFIG SET" }).click();
    },
  };
}

/** The page never shows a script's alert or logs an error while reading links. */
function watchForTrouble(page: Page) {
  const trouble: string[] = [];
  page.on("dialog", (d) => {
    trouble.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on("console", (m) => m.type() === "error" && trouble.push(m.text()));
  page.on("pageerror", (e) => trouble.push(e.message));
  return trouble;
}

test("a link copied at a frame reopens at that frame with the same edits in a fresh browser context", async ({ page, context, browser }) => {
  const ui = lab(page);
  const sb = sandbox(page);
  await ui.open("/");
  await ui.scenario.selectOption("disk-happy-path");
  await sb.toggle();
  await sb.disklessNow();
  await sb.expectEdits(1);
  await sb.toggle();
  await expect(sb.panel).toBeHidden();

  await ui.stepSize("Line");
  for (let i = 0; i < 7; i++) await ui.stepForward();
  const frame = await ui.frame();
  const where = await position(page).textContent();
  expect(frame).toBeGreaterThan(0);

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await ui.button("Copy link").click();
  await expect(page.getByText("Link copied")).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  expect(linkPayload(link)).toMatchObject({ v: 1, s: "disk-happy-path", f: frame, k: "line" });
  expect((linkPayload(link).e as unknown[]).length).toBe(1);

  const fresh = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const other = await fresh.newPage();
  const trouble = watchForTrouble(other);
  const ui2 = lab(other);
  await ui2.open(link);
  await expect(ui2.scenario).toHaveValue("disk-happy-path");
  await expect(ui2.timeline).toHaveValue(String(frame));
  await expect(position(other)).toHaveText(where ?? "");
  await expect(other.getByRole("radio", { name: "Line" })).toBeChecked();
  await sandbox(other).expectEdits(1);
  await expect(sandbox(other).panel).toBeHidden();
  // The edit's effect: with diskless sync on, the BGSAVE goes to the replicas' sockets.
  await ui2.button("Last step").click();
  await expect(ui2.target).toContainText("socket");
  await expect(ui2.serverLog).toContainText("Starting BGSAVE for SYNC with target: slaves sockets");
  expect(trouble).toEqual([]);
  await fresh.close();
});

test("a corrupted link shows the message and the default scenario", async ({ page }) => {
  const ui = lab(page);
  const trouble = watchForTrouble(page);
  await ui.open("/?scenario=fork-failure-socket&frame=12&step=line");
  const real = page.url();

  const hostileDoc = { ...catalogueDoc("08-fork-failure-disk.json"), title: { en: "<img src=x onerror=alert(1)>", zh: "<script>alert(1)</script>" } };
  const cases: [string, string, RegExp][] = [
    ["truncated", real.slice(0, real.length - 10), /damaged or cut short/],
    ["garbage", "/#s=%3Cscript%3Ealert(1)%3C/script%3E", /characters a lab link never has/],
    ["oversized", `/#s=${"A".repeat(70_000)}`, /too long \(70000 characters/],
    ["a deflate bomb", shareLink(`{"v":1,"s":"disk-happy-path","x":"${" ".repeat(600_000)}"}`), /unpacks to more than 512 KiB/],
    ["wrong shape", shareLink({ v: 1, s: "disk-happy-path", f: "twelve" }), /a field is wrong: f: /],
    ["prototype key", shareLink('{"v":1,"s":"disk-happy-path","__proto__":{"polluted":true}}'), /forbidden key "__proto__"/],
    ["markup in a text", shareLink({ v: 1, s: hostileDoc }), /s\.title\.en looks like HTML or script/],
    ["a newer version", shareLink({ v: 9, s: "disk-happy-path" }), /newer version of the lab/],
  ];
  for (const [what, link, reason] of cases) {
    await test.step(what, async () => {
      await page.goto("about:blank");
      await ui.open(link);
      const notice = page.getByRole("status").filter({ hasText: "This link could not be opened" });
      await expect(notice).toContainText(reason);
      await expect(notice).toContainText("The default scenario is shown instead.");
      await expect(ui.scenario).toHaveValue("disk-happy-path");
      await expect(ui.timeline).toHaveValue("0");
      await expect(page.locator("main img, header img, script:not([src])")).toHaveCount(0);
      // The address now shows what is on screen, so reloading does not repeat the error.
      await expect.poll(() => linkPayload(page.url()).s).toBe("disk-happy-path");
    });
  }
  // Editing the address by hand (a fragment change, no reload) is read the same way.
  await ui.open(real);
  await expect(ui.timeline).toHaveValue("12");
  await page.evaluate(() => (window.location.hash = "#s=@@@"));
  await expect(page.getByText("This link could not be opened")).toBeVisible();
  await expect(ui.scenario).toHaveValue("disk-happy-path");
  expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBeUndefined();
  expect(trouble).toEqual([]);
});

test("browser back returns to the previous scenario", async ({ page }) => {
  const ui = lab(page);
  const sb = sandbox(page);
  await ui.open("/");
  await ui.scenario.selectOption("fork-failure-disk");
  for (let i = 0; i < 3; i++) await ui.stepForward();
  const frame = await ui.frame();
  await ui.scenario.selectOption("delay-zero");
  await expect(ui.timeline).toHaveValue("0");

  await page.goBack();
  await expect(ui.scenario).toHaveValue("fork-failure-disk");
  await expect(ui.timeline).toHaveValue(String(frame));
  await page.goBack();
  await expect(ui.scenario).toHaveValue("disk-happy-path");
  await page.goForward();
  await page.goForward();
  await expect(ui.scenario).toHaveValue("delay-zero");

  // A sandbox edit is a step in the history too.
  await sb.toggle();
  await sb.disklessNow();
  await sb.expectEdits(1);
  await page.goBack();
  await sb.expectEdits(0);
  await expect(ui.scenario).toHaveValue("delay-zero");
  await page.goForward();
  await sb.expectEdits(1);
});

test("a student opens a scenario file, and a broken file shows what is wrong", async ({ page }) => {
  const ui = lab(page);
  const trouble = watchForTrouble(page);
  await ui.open("/");

  const mine = catalogueDoc("02-diskless-batching.json");
  mine.title.en = "Diskless batching, my way";
  mine.config.replDisklessSyncDelay = 1;
  const chooser = page.waitForEvent("filechooser");
  await (await ui.tool("Open scenario file")).click();
  await (await chooser).setFiles({ name: "my-batching.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(mine, null, 2)) });
  await expect(page.getByText('Opened "Diskless batching, my way" from my-batching.json')).toBeVisible();
  await expect(ui.scenario.locator("option:checked")).toContainText("Diskless batching, my way");
  await expect.poll(() => (linkPayload(page.url()).s as { title?: { en: string } }).title?.en).toBe("Diskless batching, my way");
  // The link carries the whole document: a reload brings it back.
  await page.reload();
  await expect(ui.scenario.locator("option:checked")).toContainText("Diskless batching, my way");

  const input = page.locator('input[type="file"]');
  const broken = '{\n  "format": "fullresync-lab/scenario@1",\n  "id": "oops",\n  "title": { "en": "x", }\n}\n';
  await input.setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(broken) });
  const syntax = page.getByRole("dialog", { name: '"broken.json" cannot be opened' });
  await expect(syntax).toContainText("JSON syntax error at line 4, column 25");
  await expect(syntax).toContainText("Nothing was changed");
  await syntax.getByRole("button", { name: "Close" }).click();
  await expect(syntax).toBeHidden();

  const wrong = { ...mine, config: { ...mine.config, replTimeout: 0 }, replicas: [{ id: "r1", capa: ["fast"], command: "PSYNC" }, ...mine.replicas.slice(1)] };
  await input.setInputFiles({ name: "wrong.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(wrong, null, 2)) });
  const invalid = page.getByRole("dialog", { name: '"wrong.json" cannot be opened' });
  const items = invalid.getByRole("listitem");
  await expect(items.filter({ hasText: /^config\.replTimeout: / })).toHaveCount(1);
  await expect(items.filter({ hasText: /^replicas\[0\]\.capa\[0\]: / })).toHaveCount(1);
  await expect(invalid.getByRole("button", { name: "Close" })).toBeFocused();
  await expectNoSeriousA11yProblems(page);
  await page.keyboard.press("Escape");
  await expect(invalid).toBeHidden();
  // Nothing was lost: the student's own scenario is still the one open.
  await expect(ui.scenario.locator("option:checked")).toContainText("Diskless batching, my way");

  // A file dropped onto the page opens the same way.
  const dropped = catalogueDoc("14-delay-zero.json");
  dropped.title.en = "Dropped delay zero";
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.json", { type: "application/json" }));
    return dt;
  }, JSON.stringify(dropped));
  await page.dispatchEvent("main", "dragenter", { dataTransfer });
  await expect(page.getByText("Drop a scenario file (.json) to open it")).toBeVisible();
  await page.dispatchEvent("main", "drop", { dataTransfer });
  await expect(ui.scenario.locator("option:checked")).toContainText("Dropped delay zero");
  await expect(page.getByText("Drop a scenario file (.json) to open it")).toBeHidden();
  expect(trouble).toEqual([]);
});

test("a student saves the scenario with their edits and opens the file again", async ({ page }) => {
  const ui = lab(page);
  const sb = sandbox(page);
  await ui.open("/");
  await ui.scenario.selectOption("disk-happy-path");
  await sb.toggle();
  await sb.disklessNow();
  await sb.toggle();

  const download = page.waitForEvent("download");
  await (await ui.tool("Save scenario")).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("disk-happy-path.json");
  const saved = JSON.parse(readFileSync(await file.path(), "utf8"));
  expect(saved.format).toBe("fullresync-lab/scenario@1");
  expect(saved.events).toContainEqual({ at: 0.001, type: "config-set", replDisklessSync: true, replDisklessSyncDelay: 0 });

  await ui.scenario.selectOption("fork-failure-disk");
  await page.locator('input[type="file"]').setInputFiles(await file.path());
  await expect(page.getByText(/^Opened "Disk happy path"/)).toBeVisible();
  await ui.button("Last step").click();
  await expect(ui.target).toContainText("socket");
});

test("a lecturer saves a catalogue scenario unedited and the file keeps its narration", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/");
  await ui.scenario.selectOption("disk-happy-path");
  // The narration of the catalogue arrives after the first render; its first question shows it.
  await expect(page.getByRole("group", { name: "Predict" })).toBeVisible();
  const download = page.waitForEvent("download");
  await (await ui.tool("Save scenario")).click();
  const saved = JSON.parse(readFileSync(await (await download).path(), "utf8")) as { id: string; steps?: { text: { en: string } }[] };
  expect(saved.id).toBe("disk-happy-path");
  expect(saved.steps?.length).toBeGreaterThan(0);
  expect(saved.steps?.some((s) => s.text.en.length > 0)).toBe(true);
});

test("a scenario file with a false question opens, and a notice names the step and what is false", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/");
  const doc = JSON.parse(readFileSync("src/scenarios/catalogue/09-fork-failure-socket.json", "utf8")) as { id: string; title: { en: string }; steps: { predict?: { premise: unknown } }[] };
  doc.id = "my-fork-failure";
  doc.title.en = "My fork failure";
  const i = doc.steps.findIndex((s) => s.predict);
  // The old question's premise: "+FULLRESYNC has reached r1" while its wire shows only keep-alive newlines.
  doc.steps[i]!.predict!.premise = { replica: "r1", received: "+FULLRESYNC" };
  await page.locator('input[type="file"]').setInputFiles({ name: "mine.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(doc)) });
  await expect(page.getByText('Opened "My fork failure" from mine.json')).toBeVisible();
  await expect(page.getByText(`steps[${i}]: the premise does not hold at the frame where it is asked (frame 8, t = 5.000 s)`)).toBeVisible();
  // Nothing is lost: the scenario is open.
  await expect(ui.scenario.locator("option:checked")).toContainText("My fork failure");
});
