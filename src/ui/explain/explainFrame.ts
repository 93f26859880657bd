/**
 * What to say about the current step: the notes of every frame the step covers (in event mode a
 * step spans all frames since the previous event frame), turned into words by the dictionary.
 */
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
  "cron.timedout",
  "event.forkFails",
]);
const OK_KEYS = new Set(["online", "ack.first", "setup.fullresync", "rdb.diskChild", "rdb.socketChild", "update.sendBulk"]);

export function toneOf(key: string): Tone {
  return ERROR_KEYS.has(key) ? "error" : OK_KEYS.has(key) ? "ok" : "info";
}

/**
 * The notes a step covers, each with the frame it came from. An event frame may repeat notes
 * its line frames already carried (the whole happening's summary): those are counted once.
 */
export function stepNotes(trace: Trace, derived: Derived, cursor: number, stepSize: StepSize): { note: Note; frame: Frame }[] {
  const from = stepStart(derived, cursor, stepSize);
  const out: { note: Note; frame: Frame }[] = [];
  const fromLines = new Map<string, number>();
  for (let i = from; i <= cursor; i++) {
    const frame = trace.frames[i] as Frame;
    for (const note of frame.notes) {
      const k = JSON.stringify(note);
      if (frame.kind === "line") fromLines.set(k, (fromLines.get(k) ?? 0) + 1);
      else if ((fromLines.get(k) ?? 0) > 0) {
        fromLines.set(k, (fromLines.get(k) ?? 0) - 1);
        continue;
      }
      out.push({ note, frame });
    }
  }
  return out;
}

/** Condition lines of the seed and the line that runs next when the condition is true. */
const TRUE_SUCCESSOR: Record<number, number> = { 33: 34, 34: 35, 47: 48, 50: 51, 53: 54, 67: 68, 69: 70, 72: 73 };

/** What a condition evaluated to, read from the line that ran next. */
export function conditionValue(frame: Frame, next: Frame | undefined): boolean | null {
  const succ = frame.line === null ? undefined : TRUE_SUCCESSOR[frame.line];
  if (succ === undefined || !next || next.kind !== "line") return null;
  return next.line === succ;
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
    const value = conditionValue(frame, trace.frames[cursor + 1]);
    const text = dict.lines[frame.line] ?? "";
    line = { n: frame.line, text: value === null ? text : `${text} ${dict.ui.condition(value)}` };
  }
  return { time: formatSeconds(frame.t), cause: dict.page.cause(frame.cause), line, items };
}

/** One-line summaries of the step, for the code panel when the function is not running. */
export function briefStep(trace: Trace, derived: Derived, cursor: number, stepSize: StepSize, dict: Dict): string[] {
  return stepNotes(trace, derived, cursor, stepSize).map(({ note, frame }) => noteBrief(dict, note, { frame }));
}
