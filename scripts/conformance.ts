/**
 * npm run conformance [-- --redis-server PATH] [--only ID[,ID…]] [--keep DIR] [--if-server]
 *
 * --if-server (npm test's form): without a redis-server on PATH, say so and exit 0 — unless CI is
 * set, where a missing server is a failure (.ci/run installs Debian's).
 *
 * Records every catalogue scenario a real redis-server can reproduce (src/record/, the recorder's
 * own servers on loopback ports, each stopped by its pid, every wait bounded) and compares each
 * recording with the model run of the same scenario under the server's profile (7.0.15 for
 * Debian's redis-server, 4.0.14 for a 4.0.14 built from source): docs/architecture.md §21.
 * Prints a table — scenario, agree / differ / not reproducible, the first difference — and
 * "N of N agree". Exit 0 when every reproducible scenario agrees, 1 with every difference when
 * one does not (or a recording fails), 2 on bad input. --keep writes each recording to DIR.
 */
import { execFileSync } from "node:child_process";
import { accessSync, constants, mkdirSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { conform, profileFor } from "../src/conformance/conform";
import { notModelled, notReproduced } from "../src/conformance/reproducible";
import { validateRecording } from "../src/record/format";
import { recordScenario } from "../src/record/play";
import { CATALOGUE } from "../src/scenarios/catalogue";
import { MODELLED_VERSIONS } from "../src/model/versions/modelled";
import { Exit, oneLine } from "./cli";

const USAGE = "usage: npm run conformance -- [--redis-server PATH] [--only ID[,ID…]] [--keep DIR] [--if-server]";

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  return null;
}

function parseArgs(argv: string[]): Record<string, string> {
  const given: Record<string, string> = {};
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k] as string;
    if (a === "--if-server") {
      given[a] = "yes";
      continue;
    }
    const [name, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    if (name !== "--redis-server" && name !== "--only" && name !== "--keep") throw new Exit(2, `unknown argument ${a} (${USAGE})`);
    if (name in given) throw new Exit(2, `${name} is given twice`);
    const value = inline ?? argv[++k];
    if (!value) throw new Exit(2, `${name} needs a value (${USAGE})`);
    given[name] = value;
  }
  return given;
}

type Row = { id: string; result: "agree" | "differ" | "not reproducible" | "failed"; note: string };

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const server = args["--redis-server"] ?? onPath("redis-server");
  if (!server && args["--if-server"] && !process.env.CI) {
    process.stdout.write("conformance: skipped: no redis-server on PATH (install one, e.g. apt-get install redis-server; in CI this fails)\n");
    return 0;
  }
  if (!server) throw new Exit(2, "no redis-server on PATH: install one (Debian: apt-get install redis-server) or give --redis-server PATH");
  let banner: string;
  try {
    banner = execFileSync(server, ["--version"], { encoding: "utf8", timeout: 5000 });
  } catch {
    throw new Exit(2, `--redis-server ${server}: does not run`);
  }
  const version = /\bv=(\d+\.\d+\.\d+)/.exec(banner)?.[1] ?? "unknown";
  const profile = profileFor(version);
  if (!profile) throw new Exit(2, `redis-server ${version}: the model has no profile for it (modelled: ${MODELLED_VERSIONS.join(", ")})`);
  const only = args["--only"]?.split(",");
  const numbered = (i: number) => String(i + 1).padStart(2, "0");
  const scenarios = CATALOGUE.filter((s, i) => !only || only.includes(s.id) || only.includes(numbered(i)) || only.includes(`${numbered(i)}-${s.id}`));
  if (only && !scenarios.length) throw new Exit(2, `--only ${args["--only"]}: no such catalogue scenario`);
  if (args["--keep"]) mkdirSync(args["--keep"], { recursive: true });
  process.stderr.write(`conformance: redis-server ${version} (${server}) against the model's ${profile} profile\n`);

  const rows: Row[] = [];
  const details: string[] = [];
  const started = performance.now();
  for (const scenario of scenarios) {
    const n = String(CATALOGUE.indexOf(scenario) + 1).padStart(2, "0");
    const id = `${n}-${scenario.id}`;
    const skip = notModelled(scenario, profile);
    if (skip) {
      rows.push({ id, result: "not reproducible", note: skip });
      continue;
    }
    process.stderr.write(`conformance: recording ${id}\n`);
    let rec;
    try {
      rec = await recordScenario(scenario, { redisServer: server });
    } catch (e) {
      rows.push({ id, result: "failed", note: `the recording failed: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    const checked = validateRecording(JSON.parse(JSON.stringify(rec)));
    if (!checked.ok) {
      rows.push({ id, result: "failed", note: `the recording does not validate: ${checked.errors[0]}` });
      continue;
    }
    if (args["--keep"]) writeFileSync(join(args["--keep"], `${id}.json`), `${JSON.stringify(rec)}\n`);
    const why = notReproduced(checked.recording, profile);
    if (why) {
      rows.push({ id, result: "not reproducible", note: why });
      continue;
    }
    const c = conform(checked.recording);
    if ("error" in c) {
      rows.push({ id, result: "failed", note: c.error });
      continue;
    }
    const first = c.diffs[0];
    rows.push({ id, result: first ? "differ" : "agree", note: first ? `${first.where}: model ${first.model} / real ${first.real}` : "" });
    if (first) details.push(`${id}:\n${c.diffs.map((d) => `  ${d.where}\n    model: ${d.model}\n    real:  ${d.real}`).join("\n")}`);
  }

  const w = Math.max(...rows.map((r) => r.id.length), 8);
  const lines = [`${"scenario".padEnd(w)}  ${"result".padEnd(16)}  first difference / why`, ...rows.map((r) => `${r.id.padEnd(w)}  ${r.result.padEnd(16)}  ${oneLine(r.note)}`)];
  const compared = rows.filter((r) => r.result === "agree" || r.result === "differ" || r.result === "failed");
  const agree = rows.filter((r) => r.result === "agree").length;
  process.stdout.write(`${lines.join("\n")}\n\n${agree} of ${compared.length} agree (redis-server ${version}, model ${profile}; ${rows.length - compared.length} not reproducible; ${Math.round((performance.now() - started) / 1000)} s)\n`);
  if (details.length) process.stdout.write(`\nDifferences:\n${details.join("\n")}\n`);
  return agree === compared.length ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    const exit = e instanceof Exit ? e : new Exit(1, e instanceof Error ? e.message : String(e));
    process.stderr.write(`conformance: ${oneLine(exit.message)}\n`);
    process.exit(exit.code);
  },
);
