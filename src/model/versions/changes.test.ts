/**
 * The "what changed" table (changes.ts) says exactly how each text becomes the next: the
 * unchanged lines between hunks are equal, and replacing every hunk's old lines with its new
 * ones turns the older text into the newer. With REDIS_GIT_DIR, every commit is checked against
 * Redis' history: its subject, and that the newer tag contains it and the older does not.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CHANGES, changesBetween, commitUrl } from "./changes";
import { PROFILES, REDIS_VERSIONS, type RedisVersion } from "./profiles";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const linesOf = (v: RedisVersion): string[] => readFileSync(join(ROOT, PROFILES[v].textPath), "utf8").replace(/\n$/, "").split("\n");

describe("the changes table", () => {
  it("covers each pair of adjacent versions, in order", () => {
    expect(CHANGES.map((c) => [c.from, c.to])).toEqual(REDIS_VERSIONS.slice(1).map((v, i) => [REDIS_VERSIONS[i], v]));
    expect(changesBetween("5.0.5", "6.2.14")?.hunks.length).toBeGreaterThan(0);
    expect(changesBetween("4.0.14", "7.0.15")).toBeUndefined();
  });

  it.each(CHANGES.map((c) => [`${c.from} → ${c.to}`, c] as const))("%s: the hunks turn the older text into the newer, and nothing else differs", (_name, c) => {
    const a = linesOf(c.from);
    const b = linesOf(c.to);
    const out: string[] = [];
    let ai = 1;
    let bi = 1;
    for (const h of c.hunks) {
      expect(h.from.last).toBeGreaterThanOrEqual(h.from.first - 1);
      expect(h.to.last).toBeGreaterThanOrEqual(h.to.first - 1);
      // The lines before the hunk are the same in both texts, and as many.
      expect(h.from.first - ai, `hunk at ${h.from.first}/${h.to.first}: same gap on both sides`).toBe(h.to.first - bi);
      for (; ai < h.from.first; ai++, bi++) {
        expect(a[ai - 1], `unchanged line ${ai} / ${bi}`).toBe(b[bi - 1]);
        out.push(a[ai - 1] as string);
      }
      const removed = a.slice(h.from.first - 1, h.from.last);
      const added = b.slice(h.to.first - 1, h.to.last);
      expect(removed, `hunk at ${h.from.first}/${h.to.first} changes something`).not.toEqual(added);
      out.push(...added);
      ai = h.from.last + 1;
      bi = h.to.last + 1;
    }
    out.push(...a.slice(ai - 1));
    expect(out).toEqual(b);
  });

  it.each(CHANGES.flatMap((c) => c.hunks.map((h) => [`${c.from} → ${c.to} at ${h.to.first}`, c, h] as const)))(
    "%s: names its commits (annotations: none), which lines each wrote, and explains itself in en and zh",
    (_name, c, h) => {
      if (h.kind === "annotation") {
        expect(h.commits).toEqual([]);
        expect(PROFILES[c.from].annotationLines).toContain(h.from.first);
      } else expect(h.commits.length).toBeGreaterThan(0);
      for (const commit of h.commits) {
        expect(commit.hash).toMatch(/^[0-9a-f]{9}$/);
        expect(commit.full.startsWith(commit.hash) && commit.full.length === 40).toBe(true);
        expect(commitUrl(commit)).toBe(`https://github.com/redis/redis/commit/${commit.full}`);
        for (const l of commit.lines ?? []) expect(l >= h.to.first && l <= h.to.last, `line ${l}`).toBe(true);
      }
      if (h.commits.length > 1) {
        const all = h.commits.flatMap((x) => x.lines ?? []).sort((x, y) => x - y);
        expect(all).toEqual(Array.from({ length: h.to.last - h.to.first + 1 }, (_, i) => h.to.first + i));
      }
      expect(h.explanation.en.length).toBeGreaterThan(40);
      expect(h.explanation.zh.length).toBeGreaterThan(15);
    },
  );
});

const REDIS_GIT_DIR = process.env.REDIS_GIT_DIR;
const haveGit = !!REDIS_GIT_DIR && existsSync(REDIS_GIT_DIR);
if (!haveGit) console.warn("[changes] SKIPPED the commit checks: REDIS_GIT_DIR is not set to a clone of redis/redis");
describe.skipIf(!haveGit)("the commits, against redis/redis (REDIS_GIT_DIR)", () => {
  const git = (...args: string[]) => spawnSync("git", ["--git-dir", REDIS_GIT_DIR as string, ...args], { encoding: "utf8" });
  const rows = CHANGES.flatMap((c) =>
    [...c.hunks.flatMap((h) => h.commits), ...c.callees.flatMap((x) => x.commits)].map((k) => [`${c.to} ${k.hash}`, c, k] as const),
  );
  it.each(rows)("%s: its subject, in the newer tag, not in the older", (_name, c, k) => {
    expect(git("log", "-1", "--format=%H %s", k.hash).stdout.trim()).toBe(`${k.full} ${k.subject}`);
    expect(git("merge-base", "--is-ancestor", k.full, c.to).status, `in ${c.to}`).toBe(0);
    expect(git("merge-base", "--is-ancestor", k.full, c.from).status, `not in ${c.from}`).toBe(1);
  });
});
