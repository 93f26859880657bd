import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      // Only unit tests under src/; e2e/ belongs to Playwright.
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
      environment: 'node',
      testTimeout: 60_000,
    },
  }),
);
