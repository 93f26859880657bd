import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";
// Renders the PNG icons from public/icons/icon.svg and src/pwa/icon-maskable.svg with Chromium:
//   node src/pwa/render-icons.mjs   (CHROMIUM_PATH or /usr/bin/chromium)
const out = new URL("../../public/icons", import.meta.url).pathname;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--disable-gpu"] });
const page = await browser.newPage({ deviceScaleFactor: 1 });
async function render(svgPath, size, name, transparent) {
  const svg = readFileSync(svgPath, "utf8");
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" style="display:block" `)}</body></html>`);
  await page.screenshot({ path: `${out}/${name}`, omitBackground: transparent, clip: { x: 0, y: 0, width: size, height: size } });
}
await render(`${out}/icon.svg`, 192, "icon-192.png", true);
await render(`${out}/icon.svg`, 512, "icon-512.png", true);
await render(new URL("./icon-maskable.svg", import.meta.url).pathname, 512, "icon-maskable-512.png", false);
await render(new URL("./icon-maskable.svg", import.meta.url).pathname, 180, "apple-touch-icon.png", false);
await browser.close();
