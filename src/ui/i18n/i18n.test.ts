import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { zh } from "./zh";
import { NOTE_KEYS } from "./types";
import { SEED_STATEMENTS } from "../../model";

const MODEL_DIR = join(__dirname, "../../model");

/** Every note key the model emits, read from its source (`note(server, "key"`). */
function modelNoteKeys(): string[] {
  const keys = new Set<string>();
  for (const file of readdirSync(MODEL_DIR)) {
    if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
    const text = readFileSync(join(MODEL_DIR, file), "utf8");
    for (const m of text.matchAll(/note\(server, "([^"]+)"/g)) keys.add(m[1] as string);
  }
  return [...keys].sort();
}

describe("explanation dictionaries", () => {
  it("explain every note key the model emits", () => {
    const missing = modelNoteKeys().filter((k) => !(NOTE_KEYS as readonly string[]).includes(k));
    expect(missing).toEqual([]);
  });

  it("explain every seed line the port records, in both languages", () => {
    const lines = Object.keys(SEED_STATEMENTS).map(Number);
    expect(lines.filter((l) => !en.lines[l])).toEqual([]);
    expect(lines.filter((l) => !zh.lines[l])).toEqual([]);
  });

  it("say that the 4.0.14 error reply is never delivered and that 5.0.5 fixed it", () => {
    const frame = {} as never;
    const text = en.notes["port.dropped"]({ key: "port.dropped", replica: "r1" }, { frame });
    expect(text).toContain("never delivered");
    expect(text).toContain("replstate stays 6");
    expect(text).toContain("5.0.5");
  });
});
