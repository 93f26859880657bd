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
import { runScenario, versionProblem } from "../src/model/index";
import { REDIS_VERSIONS, isRedisVersion, type RedisVersion } from "../src/model/versions/profiles";
import { traceSummary } from "../src/model/summary";
import { parseScenarioText } from "../src/scenarios/scenarioText";
import { decodeLink } from "../src/share/codec";
import { scenarioRef } from "../src/share/payload";
import { HASH_PREFIX, linkPath } from "../src/share/url";
import { Exit, oneLine, out, readScenarioFile } from "./cli";
import { jsonPieces } from "./jsonPieces";

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
