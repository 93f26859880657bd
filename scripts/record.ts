/**
 * npm run record -- <scenario.json> [--redis-server PATH] [--out rec.json] [--until SECONDS]
 *
 * Plays the scenario against a real redis-server the recorder starts itself (on loopback ports
 * it picks, in a temp dir of its own; never a system service) and writes the recording
 * (docs/recording-format.md) to --out, or to stdout. Progress goes to stderr.
 *
 * Exit code 2 with one line on bad input (an unknown option, a file the scenario validator
 * refuses, a redis-server that is not there); exit 1 with one line if the run fails (a server
 * that does not answer, a wait that times out). Never a stack trace.
 */
import { accessSync, constants, renameSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { validateRecording } from "../src/record/format";
import { MAX_RECORD_RDB_BYTES, recordScenario } from "../src/record/play";
import { parseScenarioText } from "../src/scenarios/scenarioText";
import { Exit, oneLine, out, readScenarioFile } from "./cli";

const USAGE = "usage: npm run record -- <scenario.json> [--redis-server PATH] [--out rec.json] [--until SECONDS]";

/** `redis-server` on PATH, or null. */
function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}

function parseArgs(argv: string[]): { file: string; server: string | undefined; outFile: string | undefined; until: number | undefined } {
  const files: string[] = [];
  const given: Record<string, string> = {};
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k] as string;
    if (!a.startsWith("--")) {
      files.push(a);
      continue;
    }
    const [name, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    if (name !== "--redis-server" && name !== "--out" && name !== "--until") throw new Exit(2, `unknown option ${name} (${USAGE})`);
    if (name in given) throw new Exit(2, `${name} is given twice: give it once`);
    const value = inline ?? argv[++k];
    if (value === undefined || value === "") throw new Exit(2, `${name} needs a value (${USAGE})`);
    given[name] = value;
  }
  if (files.length !== 1) throw new Exit(2, USAGE);
  let until: number | undefined;
  if (given["--until"] !== undefined) {
    until = Number(given["--until"]);
    if (!Number.isFinite(until) || until <= 0 || until > 3600) throw new Exit(2, `--until ${given["--until"]}: a number of seconds, more than 0 and at most 3600`);
  }
  return { file: files[0] as string, server: given["--redis-server"], outFile: given["--out"], until };
}

async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const parsed = parseScenarioText(readScenarioFile(args.file));
  if (!parsed.ok) throw new Exit(2, `${args.file}: ${parsed.errors[0]}${parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : ""}`);
  if (parsed.scenario.primary.rdbBytes > MAX_RECORD_RDB_BYTES) throw new Exit(2, `${args.file}: primary.rdbBytes: at most ${MAX_RECORD_RDB_BYTES} bytes can be recorded`);
  const server = args.server ?? onPath("redis-server");
  if (!server) throw new Exit(2, "no redis-server on PATH: install one (Debian: apt-get install redis-server) or give --redis-server PATH");
  try {
    accessSync(server, constants.X_OK);
  } catch {
    throw new Exit(2, `--redis-server ${server}: not an executable file`);
  }
  const recording = await recordScenario(parsed.scenario, { redisServer: server, until: args.until, progress: (m) => process.stderr.write(`record: ${oneLine(m)}\n`) });
  // What is written is what a reader will accept.
  const checked = validateRecording(JSON.parse(JSON.stringify(recording)));
  if (!checked.ok) throw new Exit(1, `the recording does not validate: ${checked.errors[0]}`);
  const text = `${JSON.stringify(recording)}\n`;
  if (args.outFile) {
    const tmp = `${args.outFile}.tmp-${process.pid}`;
    writeFileSync(tmp, text);
    renameSync(tmp, args.outFile);
    process.stderr.write(`record: wrote ${args.outFile} (${text.length} bytes)\n`);
  } else out(text);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (e) => {
    const exit = e instanceof Exit ? e : new Exit(1, e instanceof Error ? e.message : String(e));
    process.stderr.write(`record: ${oneLine(exit.message)}\n`);
    process.exit(exit.code);
  },
);
