import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { FIRST_LOAD_BUDGET_KB, firstLoad } from "../scripts/firstLoad";

// docs/architecture.md §9: the first load is at most 150 kB of JS and 20 kB of CSS after gzip. Sizes of a build do
// not vary between runs, so they are a test (npm run test:e2e builds dist/ first); timings stay in
// npm run bench.

const DIST = join(import.meta.dirname, "..", "dist");
const kB = (bytes: number) => (bytes / 1024).toFixed(1);

test("the first load of the built page stays within its size budgets", () => {
  const load = firstLoad(DIST);
  // Something is counted: an index.html that named no asset would pass any budget.
  expect(load.files.some((f) => f.endsWith(".js")), `scripts named by dist/index.html: ${load.files.join(", ")}`).toBe(true);
  expect(load.files.some((f) => f.endsWith(".css")), `stylesheets named by dist/index.html: ${load.files.join(", ")}`).toBe(true);
  const js = `first-load JS is ${kB(load.js.gzip)} kB gzip, budget ${FIRST_LOAD_BUDGET_KB.js} kB (${load.files.join(", ")})`;
  expect(load.js.gzip, js).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_KB.js * 1024);
  const css = `first-load CSS is ${kB(load.css.gzip)} kB gzip, budget ${FIRST_LOAD_BUDGET_KB.css} kB`;
  expect(load.css.gzip, css).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_KB.css * 1024);
});
