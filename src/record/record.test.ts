/**
 * The recorder against a real redis-server (docs/recording-format.md): catalogue scenario 1, the
 * simplest disk one, played on the `redis-server` found on PATH. Without one the test is skipped
 * with the reason printed — unless CI is set (.ci/run installs Debian's), where that is a failure.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../scenarios/catalogue";
import { validateRecording } from "./format";
import { recordScenario } from "./play";
import { alive } from "./server";
import { feedWire, initialWire, latin1ToBytes, type WireItem } from "./wire";

const root = fileURLToPath(new URL("../..", import.meta.url));

function redisServerOnPath(): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    try {
      accessSync(join(dir, "redis-server"), constants.X_OK);
      return join(dir, "redis-server");
    } catch {
      // not here
    }
  }
  return null;
}

const server = redisServerOnPath();
const NO_SERVER = "no redis-server on PATH (Debian: apt-get install redis-server)";
if (!server && !process.env.CI) console.warn(`[record] SKIPPED: ${NO_SERVER}`);


describe("npm run record", () => {
  it("refuses a bad scenario file with one line and exit code 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "frl-rec-"));
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ format: "fullresync-lab/scenario@1", id: "x" }));
    const r = spawnSync(join(root, "node_modules/.bin/tsx"), ["scripts/record.ts", bad], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^record: .*bad\.json: title: /);
    const opt = spawnSync(join(root, "node_modules/.bin/tsx"), ["scripts/record.ts", bad, "--speed", "2"], { cwd: root, encoding: "utf8" });
    expect(opt.status).toBe(2);
    expect(opt.stderr).toMatch(/unknown option --speed/);
  });

  if (!server && process.env.CI) {
    it("has a redis-server (required when CI is set)", () => {
      throw new Error(`${NO_SERVER} — CI is set, so this is a failure, not a skip`);
    });
  }

  it.skipIf(!server)("records catalogue scenario 1 on a real server: +FULLRESYNC, the $len payload, the stream, and the success line", async () => {
    const scenario = CATALOGUE.find((s) => s.id === "disk-happy-path")!;
    const recording = await recordScenario(scenario, { redisServer: server as string, settleMs: 500 });

    // What the recorder wrote is what a reader accepts.
    const checked = validateRecording(JSON.parse(JSON.stringify(recording)));
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    expect(recording.end.reason).toBe("settled");

    const [conn, ...more] = recording.replicas.r1!.connections;
    expect(more).toEqual([]);
    expect(conn!.command).toBe("PSYNC");
    // Read the recorded bytes again, as a comparer will.
    let state = initialWire();
    const items: WireItem[] = [];
    let stream = "";
    for (const seg of conn!.received) {
      if ("data" in seg) {
        const r = feedWire(state, latin1ToBytes(seg.data));
        state = r.state;
        items.push(...r.items);
        stream += r.segments.filter((s) => s.part === "stream").map((s) => String.fromCharCode(...s.bytes)).join("");
      } else {
        const r = feedWire(state, new Uint8Array(seg.body));
        state = r.state;
        items.push(...r.items);
      }
    }
    expect(items[3]).toMatchObject({ kind: "line", text: expect.stringMatching(/^\+FULLRESYNC [0-9a-f]{40} \d+$/) });
    expect(items.filter((i) => i.kind === "payload-start")).toEqual([{ kind: "payload-start", form: "len", length: conn!.payload!.length }]);
    expect(conn!.payload).toMatchObject({ form: "len", rdbBytes: conn!.payload!.length, head: expect.stringMatching(/^REDIS\d{4}/) });
    expect(conn!.payload!.rdbBytes).toBeGreaterThan(scenario.primary.rdbBytes * 0.9);
    // The two SETs written while r1 waited reach it after the payload (docs/behaviour.md §16).
    expect(stream).toMatch(/SELECT[\s\S]*SET[\s\S]*SET/);
    expect(conn!.ackOffset).toBeGreaterThan(0);

    const texts = recording.log.flatMap((l) => ("text" in l ? [l.text] : []));
    const i = (re: RegExp) => texts.findIndex((t) => re.test(t));
    expect(i(/^Starting BGSAVE for SYNC with target: disk$/)).toBeGreaterThan(-1);
    expect(i(/^Synchronization with (slave|replica) 127\.0\.0\.1:17001 succeeded$/)).toBeGreaterThan(i(/^Background saving terminated with success$/));

    expect(recording.snapshots.map((s) => s.after)).toEqual(["start", 0, 1, "end"]);
    expect(recording.snapshots.at(-1)!.info.replication.connected_slaves).toBe("1");
    // The server's arguments name no temp dir of this run.
    expect(recording.server.args).toEqual(expect.arrayContaining(["--save", "", "--loglevel", "verbose", "--repl-diskless-sync", "no"]));
    expect(recording.server.args.join(" ")).not.toContain("fullresync-rec-");
    // Every process it started is gone.
    expect(alive(recording.server.pid)).toBe(false);
  });
});
