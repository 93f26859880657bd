/**
 * Scenario files as text: JSON parsed, then validated (src/scenarios/schema.ts). Only what reads
 * files uses it (opening a file, the trace CLI), so it is not part of the page's first load.
 */
import { validateScenario, type ValidationResult } from "./schema";

/** Parse JSON text and validate; JSON syntax errors name the line and column. */
export function parseScenarioText(text: string): ValidationResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const at = jsonErrorOffset(text);
    const upTo = text.slice(0, at);
    const line = upTo.split("\n").length;
    const col = upTo.length - upTo.lastIndexOf("\n");
    return { ok: false, errors: [`JSON syntax error at line ${line}, column ${col}: ${msg.split("\n")[0]}`] };
  }
  return validateScenario(doc);
}

/** Offset of the first JSON syntax error (JSON.parse's messages do not always carry one). */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i] as string)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const lit = (word: string) => (text.startsWith(word, i) ? (i += word.length) : fail());
  const str = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") i++;
      else if ((text.charCodeAt(i) ?? 0) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const num = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail();
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        str();
        ws();
        if (text[i] !== ":") fail();
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else fail();
      }
    } else if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else fail();
      }
    } else if (c === '"') str();
    else if (c === "t") lit("true");
    else if (c === "f") lit("false");
    else if (c === "n") lit("null");
    else num();
  };
  try {
    value();
    ws();
    return i < text.length ? i : text.length;
  } catch (offset) {
    return typeof offset === "number" ? offset : 0;
  }
}
