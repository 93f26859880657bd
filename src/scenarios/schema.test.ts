import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "./catalogue";
import { parseScenarioText } from "./scenarioText";
import { idFromTitle, validateScenario } from "./schema";

const good = CATALOGUE[0];

describe("scenario validation", () => {
  it("accepts every catalogue scenario", () => {
    expect(CATALOGUE).toHaveLength(16);
    for (const s of CATALOGUE) expect(validateScenario(s).ok).toBe(true);
  });

  it("names the field that is wrong", () => {
    const bad = structuredClone(good) as unknown as Record<string, unknown>;
    (bad.config as Record<string, unknown>).replDisklessSyncDelay = -1;
    const r = validateScenario(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^config\.replDisklessSyncDelay: /);
  });

  it("names the event and field of a bad event", () => {
    const bad = structuredClone(good) as unknown as { events: Record<string, unknown>[] };
    bad.events.push({ at: 99, type: "connect", replica: "nobody" });
    const r = validateScenario(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join("\n")).toMatch(/^events: an event names a replica that is not in 'replicas'/m);
    const bad2 = structuredClone(good) as unknown as { events: Record<string, unknown>[] };
    bad2.events.push({ at: 99, type: "explode" });
    const r2 = validateScenario(bad2);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.errors[0]).toMatch(/^events\[2\]\.type: /);
  });

  it("rejects unknown formats and fields", () => {
    const r = validateScenario({ ...good, format: "fullresync-lab/scenario@9" });
    expect(r.ok || r.errors[0]).toMatch(/^format: unknown scenario format/);
    const r2 = validateScenario({ ...good, extra: 1 });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.errors[0]).toMatch(/^extra: /);
  });

  it("reports JSON syntax errors with line and column", () => {
    const r = parseScenarioText('{\n  "format": "fullresync-lab/scenario@1",\n  "id": oops\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^JSON syntax error at line 3, column \d+/);
  });
});

/** What a lecturer writes by hand: plain-string texts, English only, no id, no configuration, no sizes. */
const handWritten = {
  $schema: "./scenario.schema.json",
  format: "fullresync-lab/scenario@1",
  title: "One replica, disk",
  summary: "One replica asks for a full resync.",
  replicas: [{ id: "r1" }, { id: "old", command: "SYNC", capa: [] }],
  events: [{ at: 0.25, type: "connect", replica: "r1" }],
  steps: [{ note: "port.called", text: "The function runs." }],
};

describe("scenario authoring", () => {
  it("opens a hand-written scenario and fills in what it leaves out, once", () => {
    const r = validateScenario(handWritten);
    if (!r.ok) throw new Error(r.errors.join("\n"));
    expect(r.scenario).toEqual({
      format: "fullresync-lab/scenario@1",
      id: "one-replica-disk",
      title: { en: "One replica, disk", zh: "One replica, disk" },
      summary: { en: "One replica asks for a full resync.", zh: "One replica asks for a full resync." },
      redis: "4.0.14",
      config: { replDisklessSync: false, replDisklessSyncDelay: 5, replTimeout: 60 },
      primary: { role: "master", rdbBytes: 2 * 1024 * 1024, bgsaveSeconds: 2, transferBytesPerSecond: 4 * 1024 * 1024 },
      replicas: [
        { id: "r1", capa: ["eof", "psync2"], command: "PSYNC" },
        { id: "old", capa: [], command: "SYNC" },
      ],
      events: [{ at: 0.25, type: "connect", replica: "r1" }],
      steps: [{ note: "port.called", text: { en: "The function runs.", zh: "The function runs." } }],
    });
    // Filled in once: what the validator gives back is a scenario it gives back unchanged.
    expect(validateScenario(r.scenario)).toEqual(r);
  });

  it("keeps a Chinese text given, and a partly configured primary keeps the rest of the defaults", () => {
    const r = validateScenario({ ...handWritten, title: { en: "Mine", zh: "我的" }, config: { replDisklessSync: true }, primary: { role: "replica", bgsaveSeconds: 5 } });
    expect(r.ok && [r.scenario.title, r.scenario.config, r.scenario.primary]).toEqual([
      { en: "Mine", zh: "我的" },
      { replDisklessSync: true, replDisklessSyncDelay: 5, replTimeout: 60 },
      { role: "replica", rdbBytes: 2097152, bgsaveSeconds: 5, transferBytesPerSecond: 4194304 },
    ]);
  });

  it("reads every catalogue file as it is: nothing in a whole document changes meaning", () => {
    const dir = join(import.meta.dirname, "catalogue");
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".json"))) {
      const raw = JSON.parse(readFileSync(join(dir, f), "utf8"));
      const r = validateScenario(raw);
      expect(r.ok && r.scenario, f).toEqual(raw);
    }
  });

  it("names what is wrong in a text, and a text that is neither a string nor an object", () => {
    const errorsOf = (title: unknown) => {
      const r = validateScenario({ ...handWritten, title });
      return r.ok ? [] : r.errors;
    };
    expect(errorsOf({ en: "x", fr: "y" })).toEqual(['title.fr: Invalid key: Expected never but received "fr"']);
    expect(errorsOf({ zh: "只有中文" })[0]).toMatch(/^title\.en: /);
    expect(errorsOf("")).toEqual(["title.en: Invalid length: Expected >=1 but received 0"]);
    expect(errorsOf(3)).toEqual(["title: Invalid type: Expected Object but received 3"]);
  });

  it("derives a stable, valid id from the English title", () => {
    expect(idFromTitle("Fork failure, disk")).toBe("fork-failure-disk");
    expect(idFromTitle("Réplication à chaud")).toBe("replication-a-chaud");
    expect(idFromTitle("  42 replicas at once!")).toBe("replicas-at-once");
    expect(idFromTitle("数据同步")).toBe("scenario");
    expect(idFromTitle("A very long title that goes on well past thirty-two letters")).toBe("a-very-long-title-that-goes-on-w");
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (title) => {
        const id = idFromTitle(title);
        expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/);
        expect(idFromTitle(title)).toBe(id);
      }),
      { numRuns: 300 },
    );
  });

  it("a document whose id is derived has no narration but its own", () => {
    // "Disk happy path" gives the catalogue's id; the catalogue's steps must not become its own.
    const r = validateScenario({ ...handWritten, title: "Disk happy path", steps: undefined });
    expect(r.ok && [r.scenario.id, r.scenario.steps]).toEqual(["disk-happy-path", []]);
  });
});

describe("the Redis version a scenario runs on and its narration is written for (docs/scenario-format.md §7a)", () => {
  const errorsOf = (extra: Record<string, unknown>) => {
    const r = validateScenario({ ...handWritten, ...extra });
    return r.ok ? [] : r.errors;
  };

  it("a document without `redis` runs on 4.0.14, and one may name 5.0.5", () => {
    const old = validateScenario(handWritten);
    expect(old.ok && old.scenario.redis).toBe("4.0.14");
    const newer = validateScenario({ ...handWritten, redis: "5.0.5" });
    expect(newer.ok && newer.scenario.redis).toBe("5.0.5");
  });

  it("refuses a version the lab does not have, or cannot run the scenario on, saying why", () => {
    expect(errorsOf({ redis: "3.2" })[0]).toMatch(/^redis: Invalid type: Expected \("4\.0\.14" \| "5\.0\.5" \| "6\.2\.14" \| "7\.0\.15"\)/);
    expect(errorsOf({ redis: "7.0.15" })).toEqual([]);
    expect(errorsOf({ redis: "6.2.14" })).toEqual([]);
    const evalsha = { events: [{ at: 0.25, type: "connect", replica: "r1" }, { at: 1, type: "evalsha", sha: "977fbd4a4958e03b169e1ee1daad5f92589cd641" }] };
    expect(errorsOf({ ...evalsha, redis: "5.0.5" })).toEqual([expect.stringMatching(/^redis: Redis 5\.0\.5 replicates a script's effects/)]);
    expect(errorsOf({ ...evalsha, redis: "4.0.14" })).toEqual([]);
  });

  it("repl-diskless-sync defaults to the version's own, and repl-diskless-sync-max-replicas exists from 7.0 only", () => {
    const diskless = (redis: string) => {
      const r = validateScenario({ ...handWritten, redis });
      return r.ok ? r.scenario.config.replDisklessSync : r.errors;
    };
    expect(["4.0.14", "5.0.5", "6.2.14", "7.0.15"].map(diskless)).toEqual([false, false, false, true]);
    const given = validateScenario({ ...handWritten, redis: "7.0.15", config: { replDisklessSync: false } });
    expect(given.ok && given.scenario.config.replDisklessSync).toBe(false);
    const max = { config: { replDisklessSyncMaxReplicas: 2 } };
    expect(errorsOf({ ...max, redis: "7.0.15" })).toEqual([]);
    expect(errorsOf({ ...max, redis: "6.2.14" })).toEqual([expect.stringMatching(/^redis: repl-diskless-sync-max-replicas exists from Redis 7\.0/)]);
    expect(errorsOf({ config: { replDisklessSyncMaxReplicas: 0 } })).toEqual([]);
  });

  it("a step's versions must be among those the narration is written for, each named once", () => {
    const step = (redis: string[]) => ({ steps: [{ note: "port.called", text: "x", redis }] });
    expect(errorsOf({ ...step(["5.0.5"]) })).toEqual(["steps: a step's redis names a version the scenario is not written for ('writtenFor')"]);
    expect(errorsOf({ ...step(["5.0.5"]), writtenFor: ["4.0.14", "5.0.5"] })).toEqual([]);
    expect(errorsOf({ writtenFor: ["4.0.14", "4.0.14"] })).toEqual(["writtenFor: names a version twice"]);
    expect(errorsOf({ writtenFor: [] })[0]).toMatch(/^writtenFor: Invalid length/);
  });

  it("version notes are texts keyed by a version the lab has", () => {
    const r = validateScenario({ ...handWritten, versionNotes: { "5.0.5": "The -ERR is sent." } });
    expect(r.ok && r.scenario.versionNotes).toEqual({ "5.0.5": { en: "The -ERR is sent.", zh: "The -ERR is sent." } });
    expect(errorsOf({ versionNotes: { "6.0": "x" } })).toEqual(['versionNotes["6.0"]: Invalid key: Expected never but received "6.0"']);
  });
});
