/**
 * npm run trace -- <scenario.json>            the trace as JSON
 * npm run trace -- --summary <scenario.json>  a readable timeline
 * npm run trace -- --url <scenario.json>      the share-link path for it, as the page writes it
 *                                             (a catalogue scenario by id, any other in full)
 * npm run trace -- --redis 5.0.5 [--summary|--url] <scenario.json>
 *                                             the run on another Redis version (docs/versions.md;
 *                                             the scenario's own, `redis`, unless given); with
 *                                             --url, a link that opens the page on that version
 *
 * Exit code 2 with one line on bad input (an unknown or conflicting option, a file that is not a
 * regular file or is larger than a scenario file may be, a document the validator refuses, a
 * scenario too large for a link); exit 1 with one line if a limit of the machine is reached. Never
 * a stack trace; control characters from the input are shown escaped, not sent to the terminal.
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from "node:fs";
import { runScenario, versionProblem } from "../src/model/index";
import { REDIS_VERSIONS, isRedisVersion, type RedisVersion } from "../src/model/versions/profiles";
import { traceSummary } from "../src/model/summary";
import { parseScenarioText } from "../src/scenarios/scenarioText";
import { decodeLink } from "../src/share/codec";
import { MAX_SCENARIO_FILE_BYTES } from "../src/share/limits";
import { scenarioRef } from "../src/share/payload";
import { HASH_PREFIX, linkPath } from "../src/share/url";
import { jsonPieces } from "./jsonPieces";

class Exit extends Error {
  constructor(
    readonly code: 1 | 2,
    message: string,
  ) {
    super(message);
  }
}

/** One line for a terminal: control characters as \xNN, whitespace runs as one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/** "3 GiB", "2.5 MiB", "12 KiB": one decimal only when it is not zero. */
function size(bytes: number): string {
  const [unit, n] = bytes >= 1024 ** 3 ? ["GiB", bytes / 1024 ** 3] : bytes >= 1024 ** 2 ? ["MiB", bytes / 1024 ** 2] : ["KiB", Math.ceil(bytes / 1024)];
  return `${Number.isInteger(n) ? n : n.toFixed(1)} ${unit}`;
}

/** The file's text, read only if it is a regular file no larger than a scenario file may be. */
function readScenarioFile(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (e) {
    throw new Exit(2, `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Exit(2, `${file}: not a regular file`);
    const limit = MAX_SCENARIO_FILE_BYTES;
    if (st.size > limit) throw new Exit(2, `${file}: ${size(st.size)}; a scenario file can be at most ${size(limit)}`);
    // Read at most one byte past the limit, whatever the size said (the file may be growing).
    const buf = Buffer.alloc(limit + 1);
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got > limit) throw new Exit(2, `${file}: more than ${size(limit)}; a scenario file can be at most ${size(limit)}`);
    }
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(buf.subarray(0, got));
    } catch {
      throw new Exit(2, `${file}: not UTF-8 text`);
    }
  } finally {
    closeSync(fd);
  }
}

/** Write to stdout; a reader that went away (`| head`) ends the run quietly. */
function out(text: string): void {
  let at = 0;
  const bytes = Buffer.from(text, "utf8");
  while (at < bytes.length) {
    try {
      at += writeSync(1, bytes, at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EPIPE") process.exit(0);
      if (code === "EAGAIN") continue;
      throw e;
    }
  }
}

/** `--redis <version>` or `--redis=<version>`, taken out of the arguments; undefined if absent. */
function takeRedis(args: string[]): { redis: RedisVersion | undefined; rest: string[] } {
  const rest: string[] = [];
  let given: string | undefined;
  for (let k = 0; k < args.length; k++) {
    const a = args[k] as string;
    if (a !== "--redis" && !a.startsWith("--redis=")) {
      rest.push(a);
      continue;
    }
    if (given !== undefined) throw new Exit(2, "--redis is given twice: give it once");
    given = a === "--redis" ? args[++k] : a.slice("--redis=".length);
    if (given === undefined || given === "") throw new Exit(2, `--redis needs a version: one of ${REDIS_VERSIONS.join(", ")}`);
  }
  if (given === undefined) return { redis: undefined, rest };
  if (!isRedisVersion(given)) throw new Exit(2, `--redis ${given}: not a version the lab has (one of ${REDIS_VERSIONS.join(", ")})`);
  return { redis: given, rest };
}

function main(argv: string[]): void {
  const { redis, rest: args } = takeRedis(argv);
  const modes = args.filter((a) => a === "--summary" || a === "--url");
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--summary" && a !== "--url");
  if (unknown.length) throw new Exit(2, `unknown option ${unknown[0]} (use --summary, --url or --redis <version>)`);
  if (new Set(modes).size > 1) throw new Exit(2, "--summary and --url cannot be used together: choose one");
  const files = args.filter((a) => !a.startsWith("--"));
  if (files.length !== 1) throw new Exit(2, "usage: npm run trace -- [--summary|--url] [--redis <version>] <scenario.json>");
  const file = files[0] as string;
  const mode = modes[0] === "--summary" ? "summary" : modes[0] === "--url" ? "url" : "json";

  const parsed = parseScenarioText(readScenarioFile(file));
  if (!parsed.ok) throw new Exit(2, `${file}: ${parsed.errors[0]}${parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : ""}`);

  const problem = redis ? versionProblem(parsed.scenario, redis) : null;
  if (problem) throw new Exit(2, `${file}: ${problem}`);
  if (mode === "url") {
    // A version other than the scenario's own travels in the link (`r`), as the page's switch writes it.
    const onVersion = redis && redis !== parsed.scenario.redis ? { redis } : {};
    const path = linkPath({ scenario: scenarioRef(parsed.scenario), edits: [], frame: 0, step: "event", panels: [], ...onVersion });
    // The same rules as the page's: a link it would refuse is not printed. (The page keeps such a
    // scenario in the browser that opened the file, so a link to it works only there.)
    const decoded = decodeLink(path.slice(1 + HASH_PREFIX.length));
    if (!decoded.ok)
      throw new Exit(
        2,
        `${file}: the scenario is too large for a link (${decoded.problem.code}${decoded.problem.detail ? ` ${decoded.problem.detail}` : ""}); the page keeps such a scenario only in the browser that opens the file, so share the file instead`,
      );
    out(`${path}\n`);
    return;
  }
  const trace = runScenario(parsed.scenario, { redis });
  if (mode === "summary") out(traceSummary(trace, parsed.scenario.title.en));
  else {
    let chunk = "";
    for (const piece of jsonPieces(trace)) {
      chunk += piece;
      if (chunk.length > 1 << 16) {
        out(chunk);
        chunk = "";
      }
    }
    out(`${chunk}\n`);
  }
}

try {
  main(process.argv.slice(2));
} catch (e) {
  const exit = e instanceof Exit ? e : new Exit(1, `internal limit reached: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  process.stderr.write(`trace: ${oneLine(exit.message)}\n`);
  process.exit(exit.code);
}
