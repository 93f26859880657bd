/**
 * npm run schema — writes public/scenario.schema.json, the JSON Schema of the scenario format,
 * generated from the validator's valibot schema (src/scenarios/schema.ts), so that an editor
 * completes and checks a scenario file that names it in `"$schema"` (docs/scenario-format.md §1).
 * src/scenarios/jsonSchema.test.ts fails when the committed file is not what this makes.
 *
 * The schema describes what an author may write: optional keys with their defaults, a text as a
 * string or `{ en, zh? }`. What JSON Schema cannot say is left to the validator: the rules across
 * fields (unique replica ids, time order, known replicas, upstream only on a replica, an answer
 * within the choices), the markup rule and the work bound (docs/scenario-format.md §9–§10).
 *
 * valibot schemas are plain objects (`type`, `entries`, `options`, `wrapped`, `pipe`, …); this
 * reads the kinds the format uses and refuses any other, so a new kind cannot be left out unseen.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ClaimSchema } from "../src/scenarios/claims.ts";
import { NonEmpty, SCENARIO_FORMAT, ScenarioSchema, Text, TextObject } from "../src/scenarios/schema.ts";

type Json = Record<string, unknown>;

interface Node {
  type: string;
  kind: string;
  pipe?: readonly Node[];
  entries?: Record<string, Node>;
  options?: readonly (Node | string)[];
  item?: Node;
  wrapped?: Node;
  default?: unknown;
  literal?: unknown;
  requirement?: unknown;
  getter?: (input: unknown) => Node;
}

/** Schemas written once, under `definitions`, and referred to: the recursive claim, the text. */
const DEFINITIONS: [name: string, schema: unknown][] = [
  ["text", Text],
  ["claim", ClaimSchema],
];

/** What a few keys mean, by path, for an editor's hover (the whole story is in docs/scenario-format.md). */
const DESCRIPTIONS: Record<string, string> = {
  $schema: "The JSON Schema of this format (scenario.schema.json), for editors; not part of the scenario.",
  format: `The format and its version: "${SCENARIO_FORMAT}".`,
  id: "The scenario's name in links and files. Default: derived from the English title.",
  title: "Shown in the scenario picker.",
  summary: "One paragraph: what happens and why it matters.",
  seed: "Seeds PIDs, replication IDs and $EOF marks. Default: a hash of id.",
  until: "The horizon in seconds: stop here even if the run is not over. Default: the last event + 2 × replTimeout + 30 s.",
  config: "The primary's replication configuration at the start. Default: Redis 4.0.14's.",
  "config.replDisklessSync":
    "repl-diskless-sync: stream the RDB to the replicas' sockets instead of writing dump.rdb. Default: the version's own — false up to 6.2.14, true on 7.0.15.",
  "config.replDisklessSyncMaxReplicas":
    "repl-diskless-sync-max-replicas (Redis 7.0 on): with this many replicas waiting, a diskless BGSAVE starts without waiting out the delay. Absent or 0: off.",
  "config.replDisklessSyncDelay": "repl-diskless-sync-delay, in seconds: how long replicas may gather before a diskless BGSAVE starts.",
  "config.replTimeout": "repl-timeout, in seconds: how long a replica waits in silence before it gives up and reconnects.",
  primary: "The primary itself.",
  "primary.role": "A top-level master, or itself a replica of an upstream master (a chained replica).",
  "primary.upstream": "A replica's link to its own master: live, lost but cached, or lost and not cached.",
  "primary.rdbBytes": "Size of the RDB the child produces, in bytes.",
  "primary.bgsaveSeconds": "How long the child takes to produce the RDB, in seconds.",
  "primary.transferBytesPerSecond": "How fast sendBulkToSlave sends dump.rdb to a replica.",
  replicas: "The replicas that may connect (at most 500); nothing connects until a connect event.",
  "replicas.id": "The replica's name in events, claims and on the page.",
  "replicas.capa": "The capabilities the replica announces with REPLCONF capa before PSYNC.",
  "replicas.command": "PSYNC: a Redis 4.0 replica. SYNC: an old client such as redis-cli --slave.",
  events: "What happens, and when: in time order, at most 20,000.",
  "events.at": "Seconds of virtual time from the start of the run.",
  steps: "Narration checkpoints, each optionally asking the reader to predict what happens.",
};

function isNode(x: unknown): x is Node {
  return !!x && typeof x === "object" && "kind" in x && "type" in x;
}

class Converter {
  readonly definitions: Json = {};
  private readonly names = new Map<unknown, string>(DEFINITIONS.map(([name, schema]) => [schema, name]));

  /** `path`: the keys from the document's root, array items left out ("events.at"). */
  schema(node: Node, path = ""): Json {
    const name = this.names.get(node);
    const out = name ? this.define(name, node) : this.convert(node, path);
    const description = DESCRIPTIONS[path];
    return description && !("description" in out) ? { description, ...out } : out;
  }

  private define(name: string, node: Node): Json {
    if (!(name in this.definitions)) {
      this.definitions[name] = {}; // placed first: a recursive reference finds it
      this.definitions[name] = node === Text ? { anyOf: [this.convert(NonEmpty as Node), this.convert(TextObject as Node)] } : this.convert(node);
    }
    return { $ref: `#/definitions/${name}` };
  }

  private convert(node: Node, path = ""): Json {
    if (node.pipe) return this.piped(node.pipe, path);
    switch (node.type) {
      case "string":
        return { type: "string" };
      case "number":
        return { type: "number" };
      case "boolean":
        return { type: "boolean" };
      case "unknown":
        return {};
      case "literal":
        return { const: node.literal };
      case "picklist":
        return { enum: node.options };
      case "array":
        return { type: "array", items: this.schema(node.item as Node, path) };
      case "optional":
        return this.optional(node, path);
      case "union":
      case "variant":
        return { anyOf: (node.options as Node[]).map((o) => this.schema(o, path)) };
      case "lazy":
        return this.schema((node.getter as (x: unknown) => Node)(undefined), path);
      case "strict_object":
      case "object":
      case "loose_object":
        return this.object(node, path);
      default:
        throw new Error(`scenario.schema.json: a valibot schema of type "${node.type}" has no JSON Schema form here`);
    }
  }

  /** A schema and its actions; a pipe that changes its input and checks it again is the later schema. */
  private piped(pipe: readonly Node[], path: string): Json {
    const schemas = pipe.filter((p) => p.kind === "schema");
    const root = schemas.length > 1 ? (schemas[schemas.length - 1] as Node) : (pipe[0] as Node);
    const out = { ...this.schema(root, path) };
    const isArray = out.type === "array";
    for (const action of pipe) {
      if (action.kind !== "validation") continue;
      const r = action.requirement;
      switch (action.type) {
        case "min_length":
          out[isArray ? "minItems" : "minLength"] = r;
          break;
        case "max_length":
          out[isArray ? "maxItems" : "maxLength"] = r;
          break;
        case "min_value":
          out.minimum = r;
          break;
        case "max_value":
          out.maximum = r;
          break;
        case "integer":
          out.type = "integer";
          break;
        case "regex":
          out.pattern = (r as RegExp).source;
          break;
        case "check":
          break; // a rule across fields: the validator's (see the top of this file)
        default:
          throw new Error(`scenario.schema.json: a valibot action "${action.type}" has no JSON Schema form here`);
      }
    }
    return out;
  }

  private optional(node: Node, path: string): Json {
    const inner = this.schema(node.wrapped as Node, path);
    const value = typeof node.default === "function" ? (node.default as () => unknown)() : node.default;
    // An object left out is filled by its own keys' defaults; `{}` says nothing more.
    const empty = !!value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0;
    return value === undefined || empty ? inner : { ...inner, default: value };
  }

  private object(node: Node, path: string): Json {
    const properties: Json = {};
    const required: string[] = [];
    for (const [key, entry] of Object.entries(node.entries ?? {})) {
      properties[key] = this.schema(entry, path ? `${path}.${key}` : key);
      if (entry.type !== "optional") required.push(key);
    }
    return {
      type: "object",
      properties,
      ...(required.length ? { required } : {}),
      additionalProperties: node.type !== "strict_object",
    };
  }
}

/** The JSON Schema (draft-07, which editors read best) of a scenario document as an author writes it. */
export function scenarioJsonSchema(): Json {
  const converter = new Converter();
  const root = converter.schema(ScenarioSchema as unknown as Node);
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "FullResync Lab scenario",
    description: `A scenario document, "${SCENARIO_FORMAT}" (docs/scenario-format.md). Rules across fields, the markup rule and the work bound are checked by the lab itself.`,
    ...root,
    definitions: converter.definitions,
  };
}

/** The file's text, as committed: two-space JSON and a final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

export const SCHEMA_FILE = join(import.meta.dirname, "..", "public", "scenario.schema.json");

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, scenarioJsonSchemaText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
