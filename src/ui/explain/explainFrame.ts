/**
 * What to say about the current step: the notes of every frame the step covers (in event mode a
 * step spans all frames since the previous event frame), turned into words by the dictionary.
 */
import { roleOf } from "../code/versionLines";
import type { RedisVersion } from "../../model/versions/names";
import { formatSeconds } from "../../model/format";
import type { Frame, Note, Trace } from "../../model";
import { stepStart, type Derived } from "../../store/derive";
import type { StepSize } from "../../store/labStore";
import { noteBrief, noteText, type Dict } from "../i18n";

export type Tone = "info" | "error" | "ok";

export interface ExplanationItem {
  id: string;
  key: string;
  text: string;
  tone: Tone;
}

export interface Explanation {
  time: string;
  cause: string;
  /** The seed line just executed and what it does (line frames only). */
  line: { n: number; text: string } | null;
  items: ExplanationItem[];
}

const ERROR_KEYS = new Set([
  "port.failed",
  "port.dropped",
  "port.noRsi",
  "rsi.null",
  "rdb.forkFailed",
  "child.killed",
  "child.failed",
  "update.childError",
  "update.noFile",
  "socket.closing",
  "replica.timeout",
  "replica.gaveUp",
  "replica.psyncRefused",
  "replica.syncRefused",
  "cron.timedout",
  "event.forkFails",
]);
const OK_KEYS = new Set(["online", "ack.first", "setup.fullresync", "rdb.diskChild", "rdb.socketChild", "update.sendBulk"]);

function toneOf(key: string): Tone {
  return ERROR_KEYS.has(key) ? "error" : OK_KEYS.has(key) ? "ok" : "info";
}

/** The notes a step covers, each with the frame it came from (a note sits on one frame only). */
function stepNotes(trace: Trace, derived: Derived, cursor: number, stepSize: StepSize): { note: Note; frame: Frame }[] {
  const from = stepStart(derived, cursor, stepSize);
  const out: { note: Note; frame: Frame }[] = [];
  for (let i = from; i <= cursor; i++) {
    const frame = trace.frames[i] as Frame;
    for (const note of frame.notes) out.push({ note, frame });
  }
  return out;
}

export function explainStep(trace: Trace, derived: Derived, cursor: number, stepSize: StepSize, dict: Dict): Explanation {
  const frame = trace.frames[cursor] as Frame;
  const items = stepNotes(trace, derived, cursor, stepSize).map(({ note, frame: f }, k) => ({
    id: `${f.i}:${k}`,
    key: note.key,
    text: noteText(dict, note, { frame: f }),
    tone: toneOf(note.key),
  }));
  let line: Explanation["line"] = null;
  if (frame.kind === "line" && frame.line !== null) {
    const text = lineText(dict, trace.redis, frame.line);
    line = { n: frame.line, text: frame.condition === undefined ? text : `${text} ${dict.ui.condition(frame.condition)}` };
  }
  return { time: formatSeconds(frame.t), cause: dict.page.cause(frame.cause), line, items };
}

/** One-line summaries of the step, for the code panel when the function is not running. */
export function briefStep(trace: Trace, derived: Derived, cursor: number, stepSize: StepSize, dict: Dict): string[] {
  return stepNotes(trace, derived, cursor, stepSize).map(({ note, frame }) => noteBrief(dict, note, { frame }));
}

/**
 * What a line of the trace's version does: its own words where that version's line differs
 * (dict.linesOn), else those of the 4.0.14 line with the same statement (src/ui/code/versionLines.ts).
 */
export function lineText(dict: Dict, redis: RedisVersion, line: number): string {
  if (redis === "4.0.14") return dict.lines[line] ?? "";
  const own = (dict.linesOn as Partial<Record<RedisVersion, Record<number, string>>>)[redis]?.[line];
  if (own !== undefined) return own;
  const role = roleOf(redis, line);
  return role === null ? "" : (dict.lines[role] ?? "");
}
