/** The trace CLI (docs/architecture.md §5): JSON, --summary, --url, and exit code 2 on a bad file. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
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
  return spawnSync(tsx, ["scripts/trace.ts", ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 });
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

describe("npm run trace --redis", () => {
  it("runs the scenario on the version given: on 5.0.5 the dropped replica reads the -ERR at once", () => {
    const r = trace("--redis", "5.0.5", "--summary", catalogueFile);
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/— Redis 5\.0\.5 —/);
    expect(r.stdout).toMatch(/r1#1 <- -ERR BGSAVE failed, replication can't continue/);
    const json = trace("--redis=5.0.5", catalogueFile);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).redis).toBe("5.0.5");
    expect(JSON.parse(trace(catalogueFile).stdout).redis).toBe("4.0.14");
  });

  it("--redis with --url prints the page's link on that version, which opens on it", () => {
    const r = trace("--redis", "5.0.5", "--url", catalogueFile);
    expect(r.status).toBe(0);
    const decoded = decodeLink(r.stdout.trim().slice(1 + HASH_PREFIX.length));
    expect(decoded.ok && decoded.state.redis).toBe("5.0.5");
    const own = trace("--redis", "4.0.14", "--url", catalogueFile);
    const plain = decodeLink(own.stdout.trim().slice(1 + HASH_PREFIX.length));
    expect(plain.ok && plain.state.redis).toBeUndefined();
  });

  it("refuses, with exit 2 and one line, a version it does not have, a scenario it cannot run there", () => {
    const cases: [string[], RegExp][] = [
      [["--redis", "9.9.9", catalogueFile], /--redis 9\.9\.9: not a version the lab has/],
      [["--redis", catalogueFile], /not a version the lab has|needs a version/],
      [["--summary", catalogueFile, "--redis"], /--redis needs a version/],
      [["--redis", "5.0.5", "--redis", "4.0.14", catalogueFile], /--redis is given twice/],
      [["--redis", "7.0.15", join(root, "src/scenarios/catalogue/15-evalsha-full-sync.json")], /Redis 7\.0\.15 replicates a script's effects/],
      [["--redis", "5.0.5", join(root, "src/scenarios/catalogue/15-evalsha-full-sync.json")], /replicates a script's effects/],
      [["--redis", "5.0.5", "--url", join(root, "src/scenarios/catalogue/15-evalsha-full-sync.json")], /replicates a script's effects/],
    ];
    for (const [args, message] of cases) {
      const r = trace(...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe("npm run trace on input it cannot use", () => {
  const dir = mkdtempSync(join(tmpdir(), "frl-"));
  /** Exit code, stdout, and stderr as lines. */
  const run = (...args: string[]) => {
    const r = trace(...args);
    return { status: r.status, stdout: r.stdout, lines: r.stderr.trim().split("\n") };
  };

  it("no longer: --summary --url silently runs summary — conflicting flags are refused", () => {
    const r = run("--summary", "--url", catalogueFile);
    expect(r.status).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/--summary and --url .*one/);
    expect(r.stdout).toBe("");
  });

  it("no longer: no input size limit — /dev/zero, a FIFO-like device and a 3 GiB sparse file are refused by name", () => {
    const zero = run("/dev/zero");
    expect(zero.status).toBe(2);
    expect(zero.lines).toHaveLength(1);
    expect(zero.lines[0]).toMatch(/\/dev\/zero: not a regular file/);
    const sparse = join(dir, "sparse.json");
    writeFileSync(sparse, "");
    truncateSync(sparse, 3 * 1024 ** 3);
    const big = run(sparse);
    expect(big.status).toBe(2);
    expect(big.lines).toHaveLength(1);
    expect(big.lines[0]).toMatch(/sparse\.json: 3 GiB; a scenario file can be at most 2 MiB$/);
  });

  it("no longer: the one-line error echoes ESC/BEL/NUL bytes from the file to the terminal", () => {
    const file = join(dir, "control.json");
    const base = CATALOGUE.find((s) => s.id === "disk-happy-path")!;
    writeFileSync(file, JSON.stringify({ ...base, events: [{ at: 1, type: "\u001b]0;owned\u0007\u001b[31m\u0000" }] }));
    const r = trace(file);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    const raw = join(dir, "raw.json");
    writeFileSync(raw, Buffer.from([0x7b, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0x07, 0x00, 0x7d]));
    const r2 = trace(raw);
    expect(r2.status).toBe(2);
    expect(r2.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });

  it("no longer: --url prints links the page refuses with exit 0", () => {
    // Event times that do not compress: the document is well under 2 MiB but its link is far over the page's limits.
    const base = CATALOGUE.find((s) => s.id === "disk-happy-path")!;
    const writes = Array.from({ length: 12_000 }, (_, i) => ({ at: 10 + i + ((i * 2654435761) % 999_983) / 1_000_000, type: "write", count: 1 }));
    const doc = { ...base, id: "huge", steps: [], events: [...base.events, ...writes] };
    const file = join(dir, "huge.json");
    writeFileSync(file, JSON.stringify(doc));
    const r = run("--url", file);
    expect(r.status).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/too large for a link/);
    expect(r.stdout).toBe("");
  });

  it("no longer: a stack trace on valid files — the trace is written in pieces, and a reader that stops early is no error", () => {
    const base = CATALOGUE.find((s) => s.id === "disk-happy-path")!;
    const doc = { ...base, id: "writes", steps: [], events: [...base.events, ...Array.from({ length: 3000 }, (_, i) => ({ at: 10 + i / 100, type: "write", count: 1 }))] };
    const file = join(dir, "writes.json");
    writeFileSync(file, JSON.stringify(doc));
    const r = trace(file);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(runScenario(doc as never))));
    // `| head`: the pipe closes after a few bytes.
    const piped = spawnSync("sh", ["-c", `"${tsx}" scripts/trace.ts "${file}" 2>"${join(dir, "err.txt")}" | head -c 20 >/dev/null; cat "${join(dir, "err.txt")}"`], { cwd: root, encoding: "utf8" });
    expect(piped.stdout).toBe("");
  });

  it("writes JSON in pieces equal to JSON.stringify, none of them large", async () => {
    const { jsonPieces } = await import("../../scripts/jsonPieces");
    for (const s of CATALOGUE.slice(0, 4)) {
      const t = runScenario(s);
      const pieces = [...jsonPieces(t)];
      expect(pieces.join("")).toBe(JSON.stringify(t));
      expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(64 * 1024);
    }
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
