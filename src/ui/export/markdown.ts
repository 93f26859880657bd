/**
 * The walkthrough as Markdown: title and summary, then one section per event frame (the steps a
 * student takes in event mode): its time, what happened, the explanation in the chosen language,
 * the seed lines executed since the previous event frame, and the server log lines they added.
 * A narration step with a question prints it before the narration that answers it: the question,
 * its choices (the right one marked) and the explanation. It is a document to read, so it says
 * nothing about the page's controls.
 */
import { frameNumber } from "../../store/numbering";
import type { Trace } from "../../model";
import { formatLogLine } from "../../model/format";
import type { Edit } from "../../scenarios/edits";
import type { Scenario } from "../../scenarios/schema";
import { resolveSteps } from "../../lesson/steps";
import { stepStart, type Derived } from "../../store/derive";
import type { Lang } from "../../store/types";
import { SEED_LINES } from "../code/seed";
import { explainStep } from "../explain/explainFrame";
import type { Dict } from "../i18n";
import type { PublishDict } from "../i18n";

export interface WalkthroughInput {
  /** The effective scenario (edits applied); its title and summary head the document. */
  scenario: Scenario;
  edits: readonly Edit[];
  trace: Trace;
  derived: Derived;
  lang: Lang;
  dict: Dict;
  words: PublishDict["walkthrough"];
  /** The function's text of the trace's version, line by line (4.0.14's, the seed, unless given). */
  codeLines?: readonly string[];
}

/** A code fence longer than any run of backticks in the text, so the text cannot close it. */
export function fenced(text: string, info = ""): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}

/**
 * One line of prose as Markdown text: no line breaks, so a list item or paragraph stays one; and
 * outside `code` spans, what a Markdown renderer would take as HTML or a link is escaped (`<`, `>`,
 * `&`, `[`, `]`), so a placeholder such as <replid> reads as written and no text becomes markup.
 */
export function oneLine(text: string): string {
  return text
    .replace(/\s*\n\s*/g, " ")
    .trim()
    .split("`")
    .map((part, k) => (k % 2 === 1 ? part : part.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([[\]])/g, "\\$1")))
    .join("`");
}

/** "  31 |     rsiptr = rdbPopulateSaveInfo(&rsi);" */
function seedLine(n: number, text: readonly string[]): string {
  return `${String(n).padStart(3)} | ${text[n - 1] ?? ""}`;
}

export function walkthroughMarkdown(input: WalkthroughInput): string {
  const { scenario, edits, trace, derived, lang, dict, words, codeLines = SEED_LINES } = input;
  const narration = resolveSteps(scenario, trace);
  const out: string[] = [];
  out.push(`# ${oneLine(words.heading(scenario.title[lang]))}`, "", oneLine(scenario.summary[lang]), "", words.scenarioId(scenario.id));
  if (edits.length) out.push("", words.edits(edits.length));

  // One section per event step, numbered as the lab's counter numbers them (src/store/numbering.ts).
  for (const [k, e] of derived.stops.entries()) {
    const frame = trace.frames[e];
    if (!frame) continue;
    const from = stepStart(derived, e, "event");
    const ex = explainStep(trace, derived, e, "event", dict);
    out.push("", `## ${words.frame(k + 1, frameNumber(e), ex.time)}`, "", `**${words.happened}:** ${oneLine(ex.cause)}`);

    for (const s of narration.filter((n) => n.frame === e)) {
      const p = s.step.predict;
      if (p) {
        out.push("", `**${words.question}:** ${oneLine(p.question[lang])}`, "");
        p.choices.forEach((c, i) => out.push(i === p.answer ? `- **${oneLine(c.text[lang])}**${words.rightChoice}` : `- ${oneLine(c.text[lang])}`));
        if (p.explain) out.push("", `**${words.answer}:** ${oneLine(p.explain[lang])}`);
      }
      out.push("", `> **${words.narration}:** ${oneLine(s.step.text[lang])}`);
    }

    out.push("", `**${words.explanation}:**`, "");
    if (ex.items.length) for (const item of ex.items) out.push(`- ${oneLine(item.text)}`);
    else out.push(`- ${e === 0 ? words.scenarioStart : words.nothingNew}`);

    const lines: number[] = [];
    for (let i = from; i <= e; i++) {
      const f = trace.frames[i];
      if (f?.kind === "line" && f.line !== null) lines.push(f.line);
    }
    if (lines.length) out.push("", `**${words.code}:**`, "", fenced(lines.map((n) => seedLine(n, codeLines)).join("\n"), "c"));

    const log = trace.log.slice(trace.frames[from]?.logStart ?? frame.logStart, frame.logLen).map((l) => formatLogLine(l, trace.redis));
    if (log.length) out.push("", `**${words.log}:**`, "", fenced(log.join("\n"), "text"));
  }
  out.push("", "---", "", words.footer, "");
  return out.join("\n");
}
