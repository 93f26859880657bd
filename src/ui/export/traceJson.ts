/** The trace as JSON, with what reproduces it: the scenario as opened and the sandbox edits. */
import type { Trace } from "../../model";
import { withNarration } from "../../scenarios/narration";
import type { Edit } from "../../scenarios/edits";
import type { Scenario } from "../../scenarios/schema";

export const TRACE_EXPORT_FORMAT = "fullresync-lab/trace-export@1";

export function traceJson(base: Scenario, edits: readonly Edit[], trace: Trace): string {
  return JSON.stringify({ format: TRACE_EXPORT_FORMAT, scenario: withNarration(base), edits, trace });
}
