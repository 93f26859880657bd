/**
 * Imports run one way (STYLE.md "The shape we want"): scenario data → model → lesson and store →
 * view. Every `import … from "…"` (and `export … from`, `import("…")`) of the source files under
 * src/ is read, and a folder may import only the folders listed for it. Tests and the model's test
 * helpers (src/model/test/) may reach further: they are not part of the shipped layers.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = import.meta.dirname;

/** Each top folder of src/ and what it may import (besides itself and packages). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  // Pure protocol model: the replica statechart and the scenario format it runs.
  model: ["machines", "scenarios/schema"],
  machines: [],
  // Scenario documents and their validator: data, nothing that reads a trace. The validator reads
  // the format's limits, which are kept with the link and file limits (constants, no imports), and
  // the Redis versions a scenario may name and the rule of which can run it (plain data and rules
  // with no model behind them: src/model/versions/names.ts, modelled.ts).
  scenarios: ["share/limits", "model/versions/names", "model/versions/modelled"],
  // What reads a trace for the learner: narration steps resolved against frames.
  lesson: ["model", "scenarios"],
  // Links: a scenario, edits and a moment as a compact payload; no store, no view.
  share: ["scenarios", "model/versions/names", "model/versions/modelled"],
  // Where traces are computed (the simulation worker, or this thread): the model and the indexes the store keeps beside a trace.
  run: ["model", "machines", "scenarios", "store/derive", "store/traceBytes"],
  store: ["model", "machines", "scenarios", "lesson", "share", "run"],
  pwa: [],
  // The recorder (Node only, run by scripts/record.ts): plays a scenario document against a real
  // redis-server. Nothing the page loads imports it.
  record: ["scenarios"],
  // The comparer (Node only, run by scripts/conformance.ts): a recording beside the model's run of
  // the same scenario. Nothing the page loads imports it.
  conformance: ["model", "record", "scenarios"],
  ui: ["model", "machines", "scenarios", "lesson", "share", "store", "pwa", "run"],
  // src/main.tsx and the other files at the top wire everything together.
  ".": ["model", "machines", "scenarios", "lesson", "share", "store", "pwa", "ui", "run"],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;

/** The relative specifiers a file imports (packages and virtual modules are not ours). */
function importsOf(text: string): string[] {
  return [...text.matchAll(SPECIFIER)].map((m) => m[1] ?? m[2] ?? m[3] ?? "").filter((s) => s.startsWith("."));
}

/** "model", "ui", … for a path under src/; "." for a file directly in src/; null outside src/. */
function layerOf(path: string): string | null {
  const rel = relative(SRC, path);
  if (rel.startsWith("..")) return null;
  const parts = rel.split(sep);
  return parts.length === 1 ? "." : (parts[0] as string);
}

function allowed(from: string, target: string): boolean {
  const to = layerOf(target);
  if (to === null) return false; // src/ never reaches into scripts/ or e2e/
  if (to === from) return true;
  const rel = relative(SRC, target).split(sep).join("/");
  return (MAY_IMPORT[from] ?? []).some((a) => a === to || rel === a || rel.startsWith(`${a}.`) || rel.startsWith(`${a}/`));
}

/** Every import of the shipped source that its folder may not make, as "file → specifier". */
function violations(): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = layerOf(file) as string;
    if (/[\\/]model[\\/]test[\\/]/.test(file)) continue;
    for (const spec of importsOf(readFileSync(file, "utf8"))) {
      const target = resolve(dirname(file), spec);
      if (!allowed(from, target)) out.push(`${relative(SRC, file).split(sep).join("/")} → ${spec}`);
    }
  }
  return out;
}

describe("the folders of src/", () => {
  it("every folder has its rule", () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => !(f in MAY_IMPORT))).toEqual([]);
  });

  it("import only the folders below them", () => {
    expect(violations()).toEqual([]);
  });

  it("the import reader sees every form of import", () => {
    const text = [
      `import { a } from "./a";`,
      `import type { B } from "../b/b";`,
      `import {\n  c,\n  d,\n} from "../../c";`,
      `export * from "./e";`,
      `export { f } from "./f";`,
      `const G = lazy(() => import("./g"));`,
      `import "./h.css";`,
      `import { z } from "zustand";`,
    ].join("\n");
    expect(importsOf(text)).toEqual(["./a", "../b/b", "../../c", "./e", "./f", "./g", "./h.css"]);
  });
});
