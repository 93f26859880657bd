import { expect, test } from "@playwright/test";
import { lab } from "./lab";

/** Each catalogue scenario's key outcome at its last step, as a student reads it on the page. */
const ENDINGS: {
  id: string;
  target: "disk" | "socket";
  replicas: Record<string, "ONLINE" | "dropped">;
  log: string[];
  notInLog?: string[];
  also?: Record<string, string>;
}[] = [
  { id: "disk-happy-path", target: "disk", replicas: { r1: "ONLINE" }, log: ["Starting BGSAVE for SYNC with target: disk", "Synchronization with slave 127.0.0.1:17001 succeeded"] },
  {
    id: "diskless-batching",
    target: "socket",
    replicas: { r1: "ONLINE", r2: "ONLINE" },
    log: ["Delay next BGSAVE for diskless SYNC", "Starting BGSAVE for SYNC with target: slaves sockets", "Slave 127.0.0.1:17002 correctly received the streamed RDB file."],
  },
  {
    id: "non-eof-client-diskless",
    target: "disk",
    replicas: { r1: "ONLINE", cli: "ONLINE" },
    log: ["Starting BGSAVE for SYNC with target: disk", "Synchronization with slave 127.0.0.1:<unknown-slave-port> succeeded"],
  },
  { id: "attach-disk-bgsave", target: "disk", replicas: { r1: "ONLINE", r2: "ONLINE" }, log: ["Waiting for end of BGSAVE for SYNC"] },
  { id: "cannot-attach", target: "disk", replicas: { r1: "ONLINE", cli: "ONLINE" }, log: ["Can't attach the slave to the current BGSAVE. Waiting for next BGSAVE for SYNC"] },
  {
    id: "socket-bgsave-in-flight",
    target: "socket",
    replicas: { r1: "ONLINE", r2: "ONLINE" },
    log: ["Current BGSAVE has socket target. Waiting for next BGSAVE for SYNC"],
  },
  {
    id: "aof-rewrite-active",
    target: "disk",
    replicas: { r1: "ONLINE" },
    log: ["No BGSAVE in progress, but an AOF rewrite is active. BGSAVE for replication delayed", "Background AOF rewrite finished successfully"],
  },
  {
    id: "fork-failure-disk",
    target: "disk",
    replicas: { r1: "ONLINE" },
    log: ["Can't save in background: fork: Resource temporarily unavailable", "BGSAVE for replication failed"],
    also: { r1: "never sent: -ERR BGSAVE failed, replication can't continue" },
  },
  {
    id: "fork-failure-socket",
    target: "socket",
    replicas: { r1: "ONLINE" },
    log: ["Can't save in background: fork: Cannot allocate memory", "BGSAVE for replication failed"],
    also: { r1: "never sent: -ERR BGSAVE failed, replication can't continue" },
  },
  { id: "failure-sweeps-bystanders", target: "socket", replicas: { r1: "ONLINE", cli: "dropped" }, log: ["BGSAVE for replication failed"], also: { cli: "BGSAVE failed" } },
  {
    id: "no-replication-info",
    target: "socket",
    replicas: { s1: "dropped" },
    log: ["BGSAVE for replication: replication information not available, can't generate the RDB file right now. Try later."],
    also: { s1: "-NOMASTERLINK" },
  },
  {
    id: "child-dies-disk",
    target: "disk",
    replicas: { r1: "ONLINE", cli: "ONLINE" },
    log: ["Background saving terminated by signal 9", "SYNC failed. BGSAVE child returned an error"],
  },
  {
    id: "child-dies-socket",
    target: "socket",
    replicas: { r1: "ONLINE" },
    log: ["Background transfer terminated by signal 9", "child->slave RDB transfer failed: RDB transfer child aborted"],
  },
  {
    id: "delay-zero",
    target: "socket",
    replicas: { r1: "ONLINE" },
    log: ["Starting BGSAVE for SYNC with target: slaves sockets"],
    notInLog: ["Delay next BGSAVE for diskless SYNC"],
  },
  {
    id: "evalsha-full-sync",
    target: "disk",
    replicas: { r1: "ONLINE", r2: "ONLINE" },
    log: ["Starting BGSAVE for SYNC with target: disk"],
    also: { r1: "EVALSHA 977fbd4a4958e03b169e1ee1daad5f92589cd641 0", r2: "EVAL return redis.call('INCR', 'counter') 0" },
  },
  {
    id: "old-sync-client",
    target: "disk",
    replicas: { cli: "ONLINE" },
    log: ["Slave 127.0.0.1:<unknown-slave-port> asks for synchronization", "Synchronization with slave 127.0.0.1:<unknown-slave-port> succeeded"],
    notInLog: ["Full resync requested"],
    also: { cli: "SYNC done. Logging commands from master." },
  },
];

test("a student plays every scenario to the end", async ({ page }) => {
  test.setTimeout(120_000); // sixteen scenarios in one walk
  const ui = lab(page);
  await ui.open("/");
  const options = await ui.scenario.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(options.sort()).toEqual(ENDINGS.map((e) => e.id).sort());

  for (const end of ENDINGS) {
    await test.step(end.id, async () => {
      await ui.scenario.selectOption(end.id);
      await expect(ui.timeline).toHaveValue("0");
      await ui.button("Last step").click();
      await expect(ui.timeline).toHaveValue(await ui.timeline.getAttribute("max") as string);
      await expect(ui.target).toContainText(end.target);
      for (const [id, state] of Object.entries(end.replicas)) await expect(ui.replica(id)).toContainText(state);
      for (const line of end.log) await expect(ui.serverLog).toContainText(line);
      for (const line of end.notInLog ?? []) await expect(ui.serverLog).not.toContainText(line);
      for (const [id, text] of Object.entries(end.also ?? {})) await expect(ui.replica(id)).toContainText(text);
    });
  }
});

test("the picker counts finished scenarios and marks them", async ({ page }) => {
  const ui = lab(page);
  await ui.open("/");
  await expect(page.getByText("0/16 finished")).toBeVisible();
  // disk-happy-path: answer each prediction when it is asked, then reach the end.
  await ui.scenario.selectOption("disk-happy-path");
  for (let i = 0; i < 100; i++) {
    const ask = page.getByRole("group", { name: "Predict" });
    if (await ask.count()) await ask.getByRole("button").first().click();
    if ((await ui.frame()) === Number(await ui.timeline.getAttribute("max"))) break;
    await ui.stepForward();
  }
  await expect(page.getByText("1/16 finished")).toBeVisible();
  await expect(ui.scenario.locator('option[value="disk-happy-path"]')).toHaveText("✓ Disk happy path");
  await page.reload();
  await expect(page.getByText("1/16 finished")).toBeVisible();
});
