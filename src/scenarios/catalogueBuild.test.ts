import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogueNarration } from "../../scripts/vite-catalogue-narration";

const ROOT = join(import.meta.dirname, "../..");
const FILE = join(ROOT, "src/scenarios/catalogue/01-disk-happy-path.json");

/** Runs the plugin's transform as the browser build does; `error` throws like Rollup's. */
function transform(code: string, id = FILE): { code: string } {
  const plugin = catalogueNarration(ROOT);
  const ctx = {
    error(message: string): never {
      throw new Error(message);
    },
  };
  const hook = plugin.transform as (this: typeof ctx, code: string, id: string) => { code: string };
  return hook.call(ctx, code, id);
}

describe("catalogue documents in the browser build", () => {
  it("are validated when built: a broken one stops the build and names the file and field", () => {
    const doc = JSON.parse(readFileSync(FILE, "utf8")) as { events: { at: number }[] };
    doc.events[0]!.at = -1;
    expect(() => transform(JSON.stringify(doc))).toThrow(/01-disk-happy-path\.json: events\[0\]\.at/);
  });

  it("lose their narration steps and version notes (loaded later) and keep everything else", () => {
    const text = readFileSync(FILE, "utf8");
    const full = JSON.parse(text) as Record<string, unknown>;
    expect(full.steps).toBeDefined();
    expect(full.versionNotes).toBeDefined();
    const out = JSON.parse(transform(text).code) as Record<string, unknown>;
    expect(out.steps).toBeUndefined();
    expect(out.versionNotes).toBeUndefined();
    const { steps: _steps, versionNotes: _notes, ...rest } = full;
    expect(out).toEqual(rest);
  });

  it("the lazy module carries every document's steps and version notes, by id, as the validator fills them in", async () => {
    const plugin = catalogueNarration(ROOT);
    const load = plugin.load as (this: { addWatchFile(f: string): void }, id: string) => string;
    const code = load.call({ addWatchFile: () => {} }, "\0virtual:catalogue-narration");
    const url = `data:text/javascript,${encodeURIComponent(code)}`;
    const m = (await import(/* @vite-ignore */ url)) as { default: Record<string, unknown[]>; versionNotes: Record<string, Record<string, { en: string; zh: string }>> };
    expect(Object.keys(m.default)).toContain("disk-happy-path");
    expect(m.versionNotes["fork-failure-disk"]?.["5.0.5"]?.en).toMatch(/-ERR/);
    expect(Object.keys(m.versionNotes["evalsha-full-sync"] ?? {})).toEqual(expect.arrayContaining(["5.0.5", "6.2.14", "7.0.15"]));
  });
});
