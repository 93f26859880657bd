import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('a student opens the lab and sees its title', async ({ page }) => {
  // Console errors include Content-Security-Policy violations and failed loads.
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));

  await page.goto('/');
  await expect(page).toHaveTitle('FullResync Lab');
  await expect(page.getByRole('heading', { level: 1, name: 'FullResync Lab' })).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  expect(problems).toEqual([]);
});

test('a student using assistive technology finds no serious accessibility problems', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'FullResync Lab' })).toBeVisible();

  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    blocking.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s)`),
  ).toEqual([]);
});
