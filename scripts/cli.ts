/**
 * What the project's command-line tools share (scripts/trace.ts, scripts/record.ts): one-line
 * errors with an exit code (2 for bad input, 1 for a limit of the machine), terminal-safe text,
 * reading a scenario file within its size limit, writing to stdout that may be a closed pipe.
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from "node:fs";
import { MAX_SCENARIO_FILE_BYTES } from "../src/share/limits";

export class Exit extends Error {
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
export function readScenarioFile(file: string): string {
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
export function out(text: string): void {
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

