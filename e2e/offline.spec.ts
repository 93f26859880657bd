import { readdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { lab, linkPayload } from "./lab";

test("after one visit the lab works with the network off: another scenario, played to the end, in Chinese", async ({ page, context }) => {
  test.setTimeout(120_000);
  const ui = lab(page);
  await ui.open("/");

  // The service worker installs (precaching everything) and takes control of the page.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  // Every file of the build is in the cache, the lazily loaded chunks included.
  const built = readdirSync("dist/assets").map((f) => `/assets/${f}`);
  expect(built.length).toBeGreaterThan(5);
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
    }
    return urls;
  });
  for (const file of [...built, "/index.html", "/manifest.webmanifest", "/icons/icon-192.png", "/icons/icon-512.png"]) expect(cached, file).toContain(file);

  await context.setOffline(true);
  expect(await page.evaluate(() => fetch("/index.html", { cache: "no-store" }).then(() => "served", () => "failed"))).toBe("served");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "FullResync Lab" })).toBeVisible();

  // Another catalogue scenario, played to the end.
  await ui.scenario.selectOption("delay-zero");
  await expect(ui.timeline).toHaveValue("0");
  await page.getByRole("combobox", { name: "Speed" }).selectOption("4");
  await ui.button("Play").click();
  // Play waits at each open question; the student skips it and plays on.
  const last = Number(await ui.timeline.getAttribute("max"));
  for (let i = 0; i < 10 && (await ui.frame()) !== last; i++) {
    await expect(ui.button("Play")).toBeVisible({ timeout: 30_000 });
    if ((await ui.frame()) === last) break;
    await ui.button("Skip question").click();
  }
  await expect(ui.button("Step forward")).toBeDisabled({ timeout: 30_000 });
  await expect(ui.serverLog).toContainText("Starting BGSAVE for SYNC with target: slaves sockets");
  await expect(ui.replica("r1")).toContainText("ONLINE");

  // A lazily loaded panel opens offline too.
  await ui.button("Sandbox").click();
  await expect(page.getByRole("complementary", { name: "Sandbox" })).toBeVisible();
  await ui.button("Sandbox").click();

  // Chinese comes from the cache as well.
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
  const zhUi = lab(page, "zh");
  await expect(zhUi.explanation).toContainText(/[\u4e00-\u9fff]/);
  await zhUi.button(zhUi.names.first).click();
  await expect(zhUi.explanation).toContainText(/[\u4e00-\u9fff]/);

  // An embed link opens offline (navigations are answered with the cached page).
  await expect.poll(() => linkPayload(page.url())).toMatchObject({ l: "zh" }); // the address is written just after a change
  await page.goto(`/?embed&frames=2-4${new URL(page.url()).hash}`);
  await expect(page.getByRole("slider", { name: "时间轴" })).toHaveValue("1");
  await context.setOffline(false);
});

test("the app can be installed: a manifest with icons, standalone display and a start URL", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const manifest = (await (await request.get(href!)).json()) as Record<string, any>;
  expect(manifest).toMatchObject({ name: "FullResync Lab", display: "standalone", start_url: "/" });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  const sizes = (manifest.icons as { sizes: string; src: string; purpose?: string }[]).map((i) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const res = await request.get(icon.src);
    expect(res.ok(), icon.src).toBe(true);
    expect(res.headers()["content-type"]).toContain(icon.type.split("+")[0]);
  }
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", manifest.theme_color);
});
