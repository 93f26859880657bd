/**
 * Keeps the catalogue's narration out of the first load (docs/architecture.md §9: JS ≤ 150 kB gzip). In the
 * browser build, catalogue documents are imported without their `steps` and `versionNotes`; those
 * of all of them come in one lazily loaded module, `virtual:catalogue-narration`, registered when
 * it arrives (src/scenarios/narration.ts). Node (tests, CLI) imports the full documents.
 *
 * It also validates every catalogue document when it builds it (a broken one stops the build and
 * names the file), so the browser does not validate them again while the page starts
 * (`__CATALOGUE_VALIDATED__`, see src/scenarios/catalogue.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";
import { validateScenario } from "../src/scenarios/schema.ts";

const CATALOGUE_FILE = /[\\/]src[\\/]scenarios[\\/]catalogue[\\/]\d\d-[^\\/]+\.json$/;
const VIRTUAL = "virtual:catalogue-narration";

export function catalogueNarration(root: string): Plugin {
  const dir = join(root, "src/scenarios/catalogue");
  // Each document is validated once per build, by whichever hook reads it first (by its text).
  const checkedByText = new Map<string, ReturnType<typeof validateScenario>>();
  const check = (text: string) => {
    let hit = checkedByText.get(text);
    if (!hit) checkedByText.set(text, (hit = validateScenario(JSON.parse(text))));
    return hit;
  };
  return {
    name: "catalogue-narration",
    enforce: "pre",
    // Vitest runs the full documents, like Node.
    apply: () => !process.env.VITEST,
    config: () => ({ define: { __CATALOGUE_VALIDATED__: "true" } }),
    resolveId(id) {
      return id === VIRTUAL ? `\0${VIRTUAL}` : undefined;
    },
    load(id) {
      if (id !== `\0${VIRTUAL}`) return undefined;
      const steps: Record<string, unknown> = {};
      const notes: Record<string, unknown> = {};
      for (const file of readdirSync(dir).filter((f) => /^\d\d-.+\.json$/.test(f)).sort()) {
        const text = readFileSync(join(dir, file), "utf8");
        const doc = JSON.parse(text) as { id: string; steps?: unknown; versionNotes?: unknown };
        this.addWatchFile(join(dir, file));
        if (doc.steps) steps[doc.id] = doc.steps;
        // Validated texts: a note written as a plain string is the whole { en, zh } here too.
        const checked = check(text);
        if (checked.ok && checked.scenario.versionNotes) notes[doc.id] = checked.scenario.versionNotes;
      }
      return `export default ${JSON.stringify(steps)};\nexport const versionNotes = ${JSON.stringify(notes)};`;
    },
    transform(code, id) {
      if (!CATALOGUE_FILE.test(id.split("?")[0] ?? "")) return undefined;
      const doc = JSON.parse(code) as Record<string, unknown>;
      const checked = check(code);
      if (!checked.ok) this.error(`catalogue scenario ${id.split(/[\\/]/).pop()}: ${checked.errors.join("; ")}`);
      delete doc.steps;
      delete doc.versionNotes;
      return { code: JSON.stringify(doc), map: null };
    },
  };
}
