/**
 * npm run trace -- <scenario.json>            the trace as JSON
 * npm run trace -- --summary <scenario.json>  a readable timeline
 * npm run trace -- --url <scenario.json>      the share-link path for it, as the page writes it
 *                                             (a catalogue scenario by id, any other in full)
 * Exit code 2 with a one-line message on a bad file.
 */
import { readFileSync } from "node:fs";
import { runScenario } from "../src/model/index";
import { traceSummary } from "../src/model/summary";
import { parseScenarioText } from "../src/scenarios/schema";
import { scenarioRef } from "../src/share/payload";
import { linkPath } from "../src/share/url";

function fail(msg: string): never {
  process.stderr.write(`trace: ${msg.replace(/\s+/g, " ")}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const mode = args.includes("--summary") ? "summary" : args.includes("--url") ? "url" : "json";
const files = args.filter((a) => !a.startsWith("--"));
const unknown = args.filter((a) => a.startsWith("--") && a !== "--summary" && a !== "--url");
if (unknown.length) fail(`unknown option ${unknown[0]} (use --summary or --url)`);
if (files.length !== 1) fail("usage: npm run trace -- [--summary|--url] <scenario.json>");
const file = files[0] as string;

let text: string;
try {
  text = readFileSync(file, "utf8");
} catch (e) {
  fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
}
const parsed = parseScenarioText(text);
if (!parsed.ok) fail(`${file}: ${parsed.errors[0]}${parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : ""}`);

if (mode === "url") {
  const state = { scenario: scenarioRef(parsed.scenario), edits: [], frame: 0, step: "event" as const, panels: [] };
  process.stdout.write(`${linkPath(state)}\n`);
} else {
  const trace = runScenario(parsed.scenario);
  process.stdout.write(mode === "json" ? `${JSON.stringify(trace)}\n` : traceSummary(trace, parsed.scenario.title.en));
}
