/** The trace CLI (docs/architecture.md §5): JSON, --summary, --url, and exit code 2 on a bad file. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { decodeLink } from "../share/codec";
import { HASH_PREFIX } from "../share/url";
import { runScenario } from "./index";
import { CATALOGUE } from "../scenarios/catalogue";

const root = fileURLToPath(new URL("../..", import.meta.url));
const catalogueFile = join(root, "src/scenarios/catalogue/08-fork-failure-disk.json");
const tsx = join(root, "node_modules/.bin/tsx");

function trace(...args: string[]) {
  return spawnSync(tsx, ["scripts/trace.ts", ...args], { cwd: root, encoding: "utf8" });
}

describe("npm run trace", () => {
  it("prints the trace as JSON, equal to runScenario's", () => {
    const r = trace(catalogueFile);
    expect(r.status).toBe(0);
    const scenario = CATALOGUE.find((s) => s.id === "fork-failure-disk");
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(runScenario(scenario!))));
  });

  it("--summary prints a readable timeline with the log lines", () => {
    const r = trace("--summary", catalogueFile);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/# Can't save in background: fork: Resource temporarily unavailable/);
    expect(r.stdout).toMatch(/replicas: r1#1 dropped\(bgsave-failed\)/);
  });

  it("--url prints the page's link: a catalogue scenario by id, any other document in full", () => {
    const r = trace("--url", catalogueFile);
    expect(r.status).toBe(0);
    const path = r.stdout.trim();
    expect(path.startsWith(`/${HASH_PREFIX}`)).toBe(true);
    expect(decodeLink(path.slice(1 + HASH_PREFIX.length))).toEqual({
      ok: true,
      state: { scenario: { kind: "catalogue", id: "fork-failure-disk" }, edits: [], frame: 0, step: "event", panels: [] },
    });

    const dir = mkdtempSync(join(tmpdir(), "frl-"));
    const custom = { ...CATALOGUE.find((s) => s.id === "fork-failure-disk")!, title: { en: "My fork failure", zh: "我的 fork 失败" } };
    const file = join(dir, "custom.json");
    writeFileSync(file, JSON.stringify(custom, null, 2));
    const own = trace("--url", file);
    expect(own.status).toBe(0);
    const decoded = decodeLink(own.stdout.trim().slice(1 + HASH_PREFIX.length));
    expect(decoded.ok && decoded.state.scenario).toEqual({ kind: "document", scenario: custom });
  });

  it("exits 2 with one line naming the problem for a bad file", () => {
    const dir = mkdtempSync(join(tmpdir(), "frl-"));
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ format: "fullresync-lab/scenario@1", id: "x" }));
    const r = trace("--summary", bad);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/title: /);
    const missing = trace(join(dir, "nope.json"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.json: ENOENT/);
  });
});

describe("one wording of what caused a frame", () => {
  it("the CLI and the English page say the same, e.g. for a child that exits with an error", async () => {
    const { causeLabel } = await import("./format");
    const { pageEn } = await import("../ui/i18n/en/page");
    const exitError = { type: "event" as const, index: 0, event: { at: 1, type: "kill-child" as const, mode: "exit-error" as const } };
    expect(causeLabel(exitError)).toBe("fault: the child exits with an error");
    expect(pageEn.cause(exitError)).toBe(causeLabel(exitError));
    const killed = { ...exitError, event: { at: 1, type: "kill-child" as const } };
    expect(causeLabel(killed)).toBe("fault: the child is killed (SIGKILL)");
    expect(causeLabel({ type: "event", index: 0, event: { at: 1, type: "write", count: 1 } })).toBe("1 write on the primary");
  });
});
