/**
 * What the first load of the built page fetches, and its weight (docs/architecture.md §9): the entry script,
 * modulepreloads and stylesheets that index.html names. Lazy chunks, the narration, the service
 * worker and icons come later and do not count. One definition for `npm run bench`, which prints
 * the figures, and e2e/budgets.spec.ts, which fails the tests when one is over its budget.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** docs/architecture.md §9 budgets of the first load, in kB (1024 bytes) after gzip. */
export const FIRST_LOAD_BUDGET_KB = { js: 150, css: 20 } as const;

export interface FirstLoad {
  /** The assets index.html names, relative to the build folder. */
  files: string[];
  /** Bytes as built, and after gzip (level 9, as a static server would precompress them). */
  js: { raw: number; gzip: number };
  css: { raw: number; gzip: number };
}

export function firstLoad(distDir: string): FirstLoad {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const refs = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
  const files = [...new Set(refs)];
  const out: FirstLoad = { files, js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 } };
  for (const ref of files) {
    const bytes = readFileSync(join(distDir, ref));
    const sum = ref.endsWith(".js") ? out.js : out.css;
    sum.raw += bytes.length;
    sum.gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return out;
}
