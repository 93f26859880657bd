import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

const isCI = !!process.env.CI;
const BASE_URL = 'http://127.0.0.1:4173';

/**
 * Find a Chromium to run the tests with, in this order:
 *   1. $CHROMIUM_PATH, if set;
 *   2. Playwright's own Chromium, if `npx playwright install chromium` put it on disk;
 *   3. Debian's /usr/bin/chromium;
 * otherwise explain how to get one and stop.
 */
function resolveChromium(): string {
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

  const system = '/usr/bin/chromium';
  if (existsSync(system)) return system;

  console.error(
    [
      'No Chromium found for the end-to-end tests. Any one of these works:',
      '  1. Point CHROMIUM_PATH at a Chromium/Chrome binary: CHROMIUM_PATH=/path/to/chromium npm run test:e2e',
      "  2. Install Playwright's browser:                      npx playwright install chromium",
      '  3. Install Debian/Ubuntu Chromium (/usr/bin/chromium): sudo apt-get update && sudo apt-get install -y chromium',
    ].join('\n'),
  );
  process.exit(1);
}

const executablePath = resolveChromium();

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  forbidOnly: isCI,
  retries: 0,
  ...(isCI ? { workers: 1 } : {}),
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: BASE_URL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 720 },
        launchOptions: {
          executablePath,
          args: [
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
    url: BASE_URL,
    reuseExistingServer: !isCI,
    timeout: 60_000,
  },
});
