/**
 * Scenario files from and for users. Opening checks everything (size, text encoding, JSON syntax
 * with line and column, the schema with the field named, markup) before anything is replaced,
 * so a bad file loses nothing. Saving writes the scenario with the sandbox edits merged in.
 */
import { findMarkup } from "../../scenarios/markup";
import { download } from "../export/download";
import { applyEdits } from "../../scenarios/edits";
import { withNarration } from "../../scenarios/narration";
import type { Scenario } from "../../scenarios/schema";
import { parseScenarioText } from "../../scenarios/scenarioText";
import type { LabState } from "../../store/types";
import type { ShareDict } from "../i18n";

import { MAX_SCENARIO_FILE_BYTES as MAX_FILE_BYTES } from "../../share/limits";

export type FileCheck = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

function checkScenarioText(text: string, dict: ShareDict): FileCheck {
  const parsed = parseScenarioText(text.replace(/^\uFEFF/, ""));
  if (!parsed.ok) return parsed;
  const markupAt = findMarkup(parsed.scenario);
  if (markupAt !== null) return { ok: false, errors: [dict.fileMarkup(markupAt)] };
  return parsed;
}

export async function readScenarioFile(file: Blob, dict: ShareDict): Promise<FileCheck> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, errors: [dict.fileTooBig(file.size, MAX_FILE_BYTES)] };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { ok: false, errors: [dict.fileUnreadable] };
  }
  return checkScenarioText(text, dict);
}

/**
 * The document "Save scenario" writes: the base with the edits applied, as `<id>.json`. Unedited,
 * it keeps its narration (edits replace it with none: its steps were about the unedited run).
 */
export function scenarioFile(s: Pick<LabState, "baseScenario" | "edits" | "scenario">): { fileName: string; text: string } {
  const applied = applyEdits(withNarration(s.baseScenario), s.edits);
  const doc = applied.ok ? applied.scenario : s.scenario;
  return { fileName: `${doc.id}.json`, text: `${JSON.stringify(doc, null, 2)}\n` };
}

/** Download text as a JSON file. */
export function downloadText(fileName: string, text: string): void {
  download(new Blob([text], { type: "application/json" }), fileName);
}
