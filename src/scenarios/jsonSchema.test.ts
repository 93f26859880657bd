/**
 * public/scenario.schema.json, the JSON Schema editors read (docs/scenario-format.md §1), is what
 * scripts/scenarioJsonSchema.ts generates from the validator, and it says what the validator says:
 * the catalogue and the minimal document pass, what the validator refuses field by field fails,
 * and its defaults are the ones the validator fills in.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { SCHEMA_FILE, scenarioJsonSchemaText } from "../../scripts/scenarioJsonSchema";
import { validateScenario } from "./schema";

const committed = readFileSync(SCHEMA_FILE, "utf8");
const schema = JSON.parse(committed) as { properties: Record<string, { properties: Record<string, { default?: unknown }> }> };
const check = new Ajv({ allErrors: true, strict: false }).compile(schema);

const CATALOGUE_DIR = join(import.meta.dirname, "catalogue");
const catalogueFiles = readdirSync(CATALOGUE_DIR).filter((f) => f.endsWith(".json"));

const minimal = {
  $schema: "./scenario.schema.json",
  format: "fullresync-lab/scenario@1",
  title: "One replica, disk",
  summary: "One replica asks for a full resync.",
  replicas: [{ id: "r1" }],
  events: [{ at: 0.25, type: "connect", replica: "r1" }],
};

describe("the scenario's JSON Schema", () => {
  it("is the one the generator makes from the validator (npm run schema rewrites it)", () => {
    expect(committed).toBe(scenarioJsonSchemaText());
  });

  it("accepts every catalogue file and a minimal hand-written one", () => {
    expect(catalogueFiles).toHaveLength(16);
    for (const f of catalogueFiles) {
      const ok = check(JSON.parse(readFileSync(join(CATALOGUE_DIR, f), "utf8")));
      expect(ok, `${f}: ${JSON.stringify(check.errors)}`).toBe(true);
    }
    expect(check(minimal), JSON.stringify(check.errors)).toBe(true);
    expect(validateScenario(minimal).ok).toBe(true);
  });

  it("refuses what the validator refuses field by field", () => {
    const wrong: [string, unknown][] = [
      ["an unknown key", { ...minimal, colour: "red" }],
      ["a missing title", { ...minimal, title: undefined }],
      ["an empty text", { ...minimal, summary: { en: "" } }],
      ["a text in another language", { ...minimal, summary: { en: "x", fr: "y" } }],
      ["an unknown event", { ...minimal, events: [{ at: 1, type: "explode" }] }],
      ["a bad replica id", { ...minimal, replicas: [{ id: "1r" }] }],
      ["a negative delay", { ...minimal, config: { replDisklessSyncDelay: -1 } }],
      ["a fractional size", { ...minimal, primary: { rdbBytes: 1.5 } }],
      ["a claim of no known form", { ...minimal, steps: [{ at: 0, text: "x", predict: { premise: { colour: 1 }, question: "?", choices: [{ text: "a", claim: { target: "disk" } }, { text: "b", claim: { target: "socket" } }], answer: 0 } }] }],
    ];
    for (const [what, doc] of wrong) {
      const json = JSON.parse(JSON.stringify(doc));
      expect(check(json), what).toBe(false);
      expect(validateScenario(json).ok, what).toBe(false);
    }
  });

  it("docs/scenario-format.md §1: its minimal file passes and opens as the whole document shown beside it", () => {
    const doc = readFileSync(join(import.meta.dirname, "../../docs/scenario-format.md"), "utf8");
    const section = doc.slice(doc.indexOf("## 1."), doc.indexOf("## 2."));
    const [small, whole] = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] as string));
    expect(check(small), JSON.stringify(check.errors)).toBe(true);
    expect(validateScenario(small)).toEqual({ ok: true, scenario: whole });
  });

  it("gives the defaults the validator fills in", () => {
    const filled = validateScenario(minimal);
    if (!filled.ok) throw new Error(filled.errors.join("\n"));
    for (const part of ["config", "primary"] as const) {
      for (const [key, value] of Object.entries(filled.scenario[part])) {
        const property = schema.properties[part]?.properties[key] as { default?: unknown; description?: string } | undefined;
        if (part === "config" && key === "replDisklessSync") {
          // Its default is the version's own (false up to 6.2.14, true on 7.0.15): the schema says so in words.
          expect(property?.default).toBeUndefined();
          expect(property?.description).toMatch(/false up to 6\.2\.14, true on 7\.0\.15/);
          expect(value).toBe(false);
          continue;
        }
        expect(property?.default, `${part}.${key}`).toEqual(value);
      }
    }
    const replica = (schema.properties.replicas as unknown as { items: { properties: Record<string, { default?: unknown }> } }).items.properties;
    expect(replica.capa?.default).toEqual(filled.scenario.replicas[0]?.capa);
    expect(replica.command?.default).toEqual(filled.scenario.replicas[0]?.command);
  });
});
