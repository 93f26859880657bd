/**
 * One line of a redis-server log file (docs/behaviour.md §13; docs/recording-format.md §4):
 * `<pid>:<role> <dd Mon HH:MM:SS.mmm> <level> <text>` up to 4.0, with the year after the month
 * from 5.0 (`<dd Mon yyyy HH:MM:SS.mmm>`). Role `M` master, `S` replica, `C` a forked child,
 * `X` sentinel; level `.` debug, `-` verbose, `*` notice, `#` warning. Pure.
 */

export type LogRole = "M" | "S" | "C" | "X";
export type LogLevel = "debug" | "verbose" | "notice" | "warning";

export type ParsedLogLine = {
  pid: number;
  role: LogRole;
  /** The timestamp as the server wrote it, e.g. "18 Mar 10:00:00.123" or "18 Mar 2024 10:00:00.123". */
  stamp: string;
  level: LogLevel;
  text: string;
};

const LEVELS: Record<string, LogLevel> = { ".": "debug", "-": "verbose", "*": "notice", "#": "warning" };
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const LINE = /^(\d{1,10}):([MSCX]) (\d{1,2} [A-Z][a-z]{2}(?: \d{4})? \d{2}:\d{2}:\d{2}\.\d{3}) ([.\-*#]) (.*)$/;

/** The line's parts, or null for a line of another form (a banner, a crash report). */
export function parseLogLine(line: string): ParsedLogLine | null {
  const m = LINE.exec(line);
  if (!m) return null;
  return { pid: Number(m[1]), role: m[2] as LogRole, stamp: m[3] as string, level: LEVELS[m[4] as string] as LogLevel, text: m[5] as string };
}

/**
 * The stamp as milliseconds since the Unix epoch, read in the recorder's local time zone (the
 * server's, since the recorder starts it). A stamp without a year (4.0) takes `year`.
 * Null if it is not a date.
 */
export function stampMillis(stamp: string, year: number): number | null {
  const m = /^(\d{1,2}) ([A-Z][a-z]{2})(?: (\d{4}))? (\d{2}):(\d{2}):(\d{2})\.(\d{3})$/.exec(stamp);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2] as string);
  if (month < 0) return null;
  const y = m[3] ? Number(m[3]) : year;
  const d = new Date(y, month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]), Number(m[7]));
  return Number.isNaN(d.getTime()) ? null : d.getTime();
}

/**
 * Cuts text read from a growing file into complete lines; the part after the last newline is
 * returned to be prepended to the next read.
 */
export function splitLines(pending: string, text: string): { lines: string[]; pending: string } {
  const all = pending + text;
  const parts = all.split("\n");
  const rest = parts.pop() as string;
  return { lines: parts.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l)), pending: rest };
}
