/**
 * Which Chromium the browser tests and the benchmark use, in this order: $CHROMIUM_PATH;
 * Playwright's own Chromium if installed; Debian's /usr/bin/chromium; otherwise explain how to
 * get one and stop.
 */
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export const CHROMIUM_ARGS = [
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function resolveChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      console.error(`CHROMIUM_PATH is set to "${fromEnv}", but no file exists there.`);
      process.exit(1);
    }
    return fromEnv;
  }
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return bundled;
  const system = "/usr/bin/chromium";
  if (existsSync(system)) return system;
  console.error(
    [
      "No Chromium found. Any one of these works:",
      "  1. Point CHROMIUM_PATH at a Chromium/Chrome binary: CHROMIUM_PATH=/path/to/chromium npm test",
      "  2. Install Playwright's browser:                      npx playwright install chromium",
      "  3. Install Debian/Ubuntu Chromium (/usr/bin/chromium): sudo apt-get update && sudo apt-get install -y chromium",
    ].join("\n"),
  );
  process.exit(1);
}
