/**
 * The catalogue's narration per Redis version (docs/scenario-format.md §7a, docs/versions.md §8,
 * §13, §18): the teaching point of the fork-failure scenarios on each version, and every log line
 * a shown step quotes is one the run of that version logged, in that version's wording.
 */
import { describe, expect, it } from "vitest";
import { MODELLED_VERSIONS, runScenario, versionProblem, type Trace } from "../model";
import { formatLogLine } from "../model/format";
import { CATALOGUE, findScenario } from "../scenarios/catalogue";
import { stepShownOn } from "../scenarios/narration";
import { writtenFor, type Scenario, type ScenarioStep } from "../scenarios/schema";
import type { RedisVersion } from "../model/versions/names";
import { resolveSteps } from "./steps";

const ERR = "-ERR BGSAVE failed, replication can't continue";
const scenario = (id: string) => findScenario(id) as Scenario;
const traces = new Map<string, Trace>();
const traceOf = (s: Scenario, redis: RedisVersion) => {
  const key = `${s.id}@${redis}`;
  return traces.get(key) ?? traces.set(key, runScenario(s, { redis })).get(key)!;
};

/** Everything a reader sees of a step: its text, and its question, choices and explanation. */
function allTexts(st: ScenarioStep): string[] {
  const p = st.predict;
  return [st.text, ...(p ? [p.question, ...p.choices.map((c) => c.text), ...(p.explain ? [p.explain] : [])] : [])].flatMap((t) => [t.en, t.zh]);
}
/** What a step asserts: its text and its explanation (a wrong choice may quote a line that is not logged). */
function statedTexts(st: ScenarioStep): string[] {
  return [st.text, ...(st.predict?.explain ? [st.predict.explain] : [])].flatMap((t) => [t.en, t.zh]);
}
const shownSteps = (s: Scenario, redis: RedisVersion) => resolveSteps(s, traceOf(s, redis)).map((r) => r.step);

/** Backticked spans that look like a log line: they contain a space and start with a capital or `#`. */
export function quotedLogLines(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string).filter((q) => q.includes(" ") && /^[A-Z#]/.test(q));
}

/** The formatted log lines of a run: the primary's and every replica's, in the run's version's format. */
function logLines(trace: Trace): string[] {
  return [...trace.log, ...Object.values(trace.replicaLogs).flat()].map((l) => formatLogLine(l, trace.redis));
}

/** Whether one line holds the quote, whose `…` stand for elided text (the pieces in order). */
export function quoteFound(quote: string, lines: readonly string[]): boolean {
  const pieces = quote
    .split("…")
    .map((p) => p.trim())
    .filter(Boolean);
  return lines.some((line) => {
    let from = 0;
    for (const p of pieces) {
      const at = line.indexOf(p, from);
      if (at < 0) return false;
      from = at + p.length;
    }
    return true;
  });
}

/**
 * Backticked spans the rule above takes for log lines but that are not quotes of this run's log,
 * each with why. They are 4.0.14 texts kept as they were (their elisions are written `...`) or
 * commands and replies on the wire; a span is excused only in the scenarios named.
 */
const NOT_LOG_QUOTES: { span: string; scenarios: string[]; why: string }[] = [
  { span: "PSYNC ? -1", scenarios: ["disk-happy-path", "fork-failure-disk", "fork-failure-socket", "failure-sweeps-bystanders", "child-dies-socket"], why: "the command a replica sends, not a log line" },
  { span: "SELECT 0", scenarios: ["disk-happy-path", "diskless-batching", "attach-disk-bgsave", "old-sync-client", "evalsha-full-sync"], why: "a command of the replication stream" },
  { span: "SET key:1 1", scenarios: ["disk-happy-path", "diskless-batching", "attach-disk-bgsave", "old-sync-client"], why: "a command of the replication stream" },
  { span: "SET key:2 2", scenarios: ["disk-happy-path", "attach-disk-bgsave"], why: "a command of the replication stream" },
  { span: "SET key:3 3", scenarios: ["attach-disk-bgsave"], why: "a command of the replication stream" },
  { span: "REPLCONF ACK", scenarios: ["old-sync-client"], why: "a command a real replica sends and redis-cli does not" },
  { span: "REPLCONF ACK 0", scenarios: ["diskless-batching", "socket-bgsave-in-flight", "delay-zero"], why: "a command the replica sends" },
  { span: "REPLCONF ACK 14", scenarios: ["fork-failure-socket"], why: "a command the replica sends" },
  { span: "REPLCONF listening-port", scenarios: ["old-sync-client"], why: "a command a real replica sends and redis-cli does not" },
  { span: "EVALSHA 977fbd4a…", scenarios: ["evalsha-full-sync"], why: "a command of the replication stream" },
  { span: "EVALSHA 977fbd4a… 0", scenarios: ["evalsha-full-sync"], why: "a command of the replication stream" },
  { span: "EVAL return redis.call('INCR', 'counter') 0", scenarios: ["evalsha-full-sync"], why: "a command of the replication stream" },
  { span: "EVAL ...", scenarios: ["evalsha-full-sync"], why: "a command of the replication stream" },
  { span: "Full resync from master: <replid>:0", scenarios: ["fork-failure-socket"], why: "4.0.14 text: <replid> stands for the replication ID" },
  { span: "Slave ... correctly received the streamed RDB file.", scenarios: ["diskless-batching"], why: "4.0.14 text, elided with ..." },
  { span: "Streamed RDB transfer with slave ... succeeded (socket). Waiting for REPLCONF ACK from slave to enable streaming", scenarios: ["diskless-batching"], why: "4.0.14 text, elided with ..." },
  { span: "Synchronization ... succeeded", scenarios: ["socket-bgsave-in-flight"], why: "4.0.14 text, elided with ..." },
  { span: "BGSAVE for replication: replication information not available...", scenarios: ["no-replication-info"], why: "4.0.14 text, elided with ..." },
  { span: "Master is currently unable to PSYNC but should be in the future: ...", scenarios: ["no-replication-info"], why: "4.0.14 text, elided with ..." },
  { span: "Delay next BGSAVE for diskless SYNC", scenarios: ["delay-zero"], why: "the step says this line is not logged with delay 0" },
  { span: "Full resync requested", scenarios: ["old-sync-client"], why: "the step says an old SYNC client does not get this line" },
  { span: "INCR counter", scenarios: ["evalsha-full-sync"], why: "a command of the replication stream (the notes of the versions that cannot run the scenario)" },
];
const excused = (s: Scenario, span: string) => NOT_LOG_QUOTES.some((x) => x.span === span && x.scenarios.includes(s.id));

describe("quotedLogLines and quoteFound (the rule the catalogue test below applies)", () => {
  it("takes spans with a space that start with a capital or #, and matches … elisions in order", () => {
    expect(quotedLogLines("see `# BGSAVE for replication failed`, `WAIT_BGSAVE_START`, `-ERR x y` and `Full resync from master: …:0`")).toEqual([
      "# BGSAVE for replication failed",
      "Full resync from master: …:0",
    ]);
    const lines = ["5100:S 18 Mar 2019 10:00:06.000 * Full resync from master: 3774:0"];
    expect(quoteFound("Full resync from master: …:0", lines)).toBe(true);
    expect(quoteFound("Full resync from slave: …:0", lines)).toBe(false);
    expect(quoteFound("from master … Full resync", lines)).toBe(false);
  });
});

describe("every log line a step shown on a version quotes is in that version's log", () => {
  for (const s of CATALOGUE) {
    for (const redis of writtenFor(s)) {
      it(`${s.id} on ${redis}`, () => {
        const lines = logLines(traceOf(s, redis));
        const missing = shownSteps(s, redis).flatMap((st, i) =>
          statedTexts(st)
            .flatMap(quotedLogLines)
            .filter((q) => !excused(s, q) && !quoteFound(q, lines))
            .map((q) => `step ${i}: ${q}`),
        );
        expect([...new Set(missing)]).toEqual([]);
      });
    }
  }

  it("every exception is still needed (each excused span is quoted, and not found, in a scenario it names)", () => {
    for (const x of NOT_LOG_QUOTES) {
      for (const id of x.scenarios) {
        const s = scenario(id);
        const inSteps = writtenFor(s).some((redis) => shownSteps(s, redis).some((st) => statedTexts(st).flatMap(quotedLogLines).includes(x.span) && !quoteFound(x.span, logLines(traceOf(s, redis)))));
        const inNotes = MODELLED_VERSIONS.some((redis) => noteQuotes(s, redis).includes(x.span) && !runsOn(s).some((v) => quoteFound(x.span, logLines(traceOf(s, v)))));
        const hit = inSteps || inNotes;
        expect(hit, `${x.span} in ${id}`).toBe(true);
      }
    }
  });
});

/** The versions a scenario runs on (versionProblem: 15 runs on 4.0.14 only). */
const runsOn = (s: Scenario) => MODELLED_VERSIONS.filter((redis) => !versionProblem(s, redis));
/** The backticked log-line quotes of a scenario's note for one version, en and zh. */
const noteQuotes = (s: Scenario, redis: RedisVersion) => {
  const note = s.versionNotes?.[redis];
  return note ? [...new Set([note.en, note.zh].flatMap(quotedLogLines))] : [];
};

describe("every log line a version note quotes is in that version's log, or is the contrast with another version's run", () => {
  for (const s of CATALOGUE) {
    for (const redis of MODELLED_VERSIONS) {
      if (!s.versionNotes?.[redis]) continue;
      it(`${s.id}: the ${redis} note`, () => {
        // A version that cannot run the scenario has no log: its note may only quote another version's.
        const own = versionProblem(s, redis) ? [] : logLines(traceOf(s, redis));
        const others = runsOn(s).filter((v) => v !== redis).map((v) => logLines(traceOf(s, v)));
        const missing = noteQuotes(s, redis).filter((q) => !excused(s, q) && !quoteFound(q, own) && !others.some((lines) => quoteFound(q, lines)));
        expect(missing).toEqual([]);
      });
    }
  }

  it("the 6.2.14 and 7.0.15 notes quote mostly their own version's log: every note of a version that runs the scenario quotes at least one line of its own log", () => {
    for (const s of CATALOGUE) {
      for (const redis of ["6.2.14", "7.0.15"] as const) {
        if (versionProblem(s, redis)) continue;
        const own = logLines(traceOf(s, redis));
        expect(
          noteQuotes(s, redis).some((q) => quoteFound(q, own)),
          `${s.id} on ${redis}`,
        ).toBe(true);
      }
    }
  });

  it("every catalogue scenario has a 6.2.14 and a 7.0.15 note in en and zh; evalsha-full-sync's say why it cannot be shown", () => {
    for (const s of CATALOGUE) {
      for (const redis of ["6.2.14", "7.0.15"] as const) {
        const note = s.versionNotes?.[redis];
        expect(note?.en.trim(), `${s.id} on ${redis}`).toBeTruthy();
        expect(note?.zh, `${s.id} on ${redis}`).toMatch(/[\u4e00-\u9fff]/);
        expect(note?.en, `${s.id} on ${redis}`).toContain(redis);
      }
    }
    const evalsha = scenario("evalsha-full-sync");
    expect(evalsha.versionNotes?.["6.2.14"]?.en).toMatch(/cannot be shown on 6\.2\.14.*effects/s);
    expect(evalsha.versionNotes?.["7.0.15"]?.en).toMatch(/cannot be shown on 7\.0\.15.*script cache/s);
  });
});

/** The scenarios whose narration is written for every version the lab runs them on. */
const WRITTEN_FOR_ALL = ["diskless-batching", "child-dies-disk"];

describe("a scenario written for 6.2.14 and 7.0.15 asks, on each, a question whose answer differs from 4.0.14's", () => {
  /** The right answer's text of the shown question whose English contains `q`. */
  const answerOf = (id: string, redis: RedisVersion, q: string) => {
    const p = shownSteps(scenario(id), redis).find((st) => st.predict?.question.en.includes(q))?.predict;
    return p?.choices[p.answer]?.text.en;
  };

  it("diskless-batching: at 5 s with r1 idle 5 s, 4.0.14 waits (>) and 6.2.14/7.0.15 start the socket BGSAVE (>=)", () => {
    const q = "At the next tick (5 s) r1 will have been idle 5 s. Does the cron start the BGSAVE then?";
    expect(answerOf("diskless-batching", "4.0.14", q)).toMatch(/^No: 4\.0 needs/);
    expect(answerOf("diskless-batching", "5.0.5", q)).toMatch(/^No: 5\.0\.5 needs/);
    for (const redis of ["6.2.14", "7.0.15"] as const) {
      expect(answerOf("diskless-batching", redis, q), redis).toMatch(/^Yes: one socket child/);
      const started = resolveSteps(scenario("diskless-batching"), traceOf(scenario("diskless-batching"), redis)).find((r) => r.step.predict?.question.en.includes(q));
      expect(traceOf(scenario("diskless-batching"), redis).frames[started!.frame]!.t, redis).toBe(5000);
    }
  });

  it("diskless-batching: on 6.2.14 and 7.0.15 both are logged as succeeded when the transfer ends and the 7 s write goes straight out; on 4.0.14 it waits for r1's ACK at 8.137 s", () => {
    for (const redis of ["6.2.14", "7.0.15"] as const) {
      expect(answerOf("diskless-batching", redis, "When does the primary log `Synchronization with replica … succeeded` for them?"), redis).toMatch(/^At 7 s, for both/);
      expect(answerOf("diskless-batching", redis, "A write arrives at 7 s. Where does it go?"), redis).toBe("Straight to both replicas");
      // No step shown there tells the 4.0.14 story of the ACK from the replica's cron.
      expect(shownSteps(scenario("diskless-batching"), redis).flatMap(statedTexts).join("\n"), redis).not.toMatch(/8\.137|idle 6 > 5|own 1 Hz cron sends/);
    }
    expect(answerOf("diskless-batching", "4.0.14", "At 8.137 s r1's own cron sends `REPLCONF ACK 0`. What changes?")).toMatch(/^r1 gets the write/);
  });
});

describe("child-dies-disk on 6.2.14 and 7.0.15: the asynchronous free and the immediate reconnection", () => {
  const s = () => scenario("child-dies-disk");
  /** Where, in the primary's log of a run, the first line holding `text` is. */
  const lineAt = (redis: RedisVersion, text: string) => traceOf(s(), redis).log.findIndex((l) => l.text.includes(text));

  it("the trace logs the lost connection after the new BGSAVE from 6.2 (before it in 4.0.14), and the shown step says which comes last", () => {
    const lost = (redis: RedisVersion) => lineAt(redis, `Connection with ${redis === "4.0.14" ? "slave" : "replica"} 127.0.0.1:17001 lost.`);
    const second = (redis: RedisVersion) => lineAt(redis, "Background saving started by pid 4600");
    expect(lost("4.0.14")).toBeLessThan(second("4.0.14"));
    for (const redis of ["6.2.14", "7.0.15"] as const) {
      expect(lost(redis), redis).toBeGreaterThan(second(redis));
      const step = shownSteps(s(), redis).find((st) => st.note === "update.childError")!;
      expect(step.text.en).toMatch(/`# Connection with replica 127\.0\.0\.1:17001 lost\.` comes last/);
      expect(step.text.en.indexOf("Background saving started by pid 4600")).toBeLessThan(step.text.en.indexOf("Connection with replica"));
    }
  });

  it("r1 asks again at 7.000 s on 6.2.14 and 7.0.15, when the child holding its socket exits (2.137 s on 4.0.14), and the question says so", () => {
    for (const [redis, t] of [["4.0.14", 2137], ["5.0.5", 2137], ["6.2.14", 7000], ["7.0.15", 7000]] as const) {
      const attach = resolveSteps(s(), traceOf(s(), redis)).find((r) => r.step.note === "sync.attach")!;
      expect(traceOf(s(), redis).frames[attach.frame]!.t, redis).toBe(t);
      const p = attach.step.predict!;
      if (redis === "6.2.14" || redis === "7.0.15") expect(p.choices[p.answer]!.text.en, redis).toBe("At 7 s, when child 4600, which holds a copy of r1's socket, exits; r1 still attaches");
    }
  });
});

describe("the teaching point of the fork-failure scenarios, per version", () => {
  const text = (steps: ScenarioStep[]) => steps.flatMap(allTexts).join("\n");

  it("fork-failure-disk and fork-failure-socket are written for 4.0.14 and 5.0.5", () => {
    for (const id of ["fork-failure-disk", "fork-failure-socket"]) expect(writtenFor(scenario(id))).toEqual(["4.0.14", "5.0.5"]);
  });

  it("fork-failure-disk on 4.0.14: the -ERR is never sent, r1 times out after repl-timeout", () => {
    const steps = shownSteps(scenario("fork-failure-disk"), "4.0.14");
    expect(text(steps)).toMatch(/never (sent|installs a write handler)/);
    expect(steps.some((st) => st.text.en.includes("`Timeout connecting to the MASTER...`"))).toBe(true);
  });

  it("fork-failure-disk on 5.0.5: a shown step quotes the -ERR reaching r1 and r1's log line; none says it is never sent", () => {
    const s = scenario("fork-failure-disk");
    const trace = traceOf(s, "5.0.5");
    const steps = shownSteps(s, "5.0.5");
    // What the trace shows: the reply reached r1's socket.
    expect(trace.wires[Object.keys(trace.wires).find((k) => k.startsWith("r1"))!]!.wire.some((w) => w.startsWith(ERR))).toBe(true);
    expect(steps.some((st) => st.text.en.includes(`\`${ERR}\``) && st.text.en.includes("`Master does not support PSYNC or is in error state (reply: -ERR BGSAVE failed, replication can't continue)`"))).toBe(true);
    expect(steps.some((st) => st.text.en.includes("(lines 45–59)") && st.text.en.includes("line 52"))).toBe(true);
    // What the steps state (texts and explanations; the question recalls 4.0.14 and a wrong choice says it).
    const stated = steps.flatMap(statedTexts).join("\n");
    expect(stated).not.toMatch(/never sent|never-sent|stays (stuck|queued)|hears nothing|从未发出|永远不会发出/);
    expect(text(steps)).not.toMatch(/lines 47–61|第 47–61 行/);
    // A 5.0.5 question whose right answer is the -ERR.
    const q = steps.find((st) => st.predict?.question.en.includes("4.0.14 queued this `-ERR` and never sent it"))?.predict;
    expect(q && q.choices[q.answer]?.claim).toEqual({ replica: "r1", received: "-ERR" });
  });

  it("fork-failure-socket on 4.0.14: +FULLRESYNC then silence, and a bulk-data timeout", () => {
    const steps = shownSteps(scenario("fork-failure-socket"), "4.0.14");
    expect(text(steps)).toContain("is never sent in 4.0.14");
    expect(steps.some((st) => st.text.en.includes("`Timeout receiving bulk data from MASTER..."))).toBe(true);
  });

  it("fork-failure-socket on 5.0.5: +FULLRESYNC, then the -ERR, and r1 logs MASTER aborted replication; no step says it stays unsent", () => {
    const s = scenario("fork-failure-socket");
    const steps = shownSteps(s, "5.0.5");
    const stated = steps.flatMap(statedTexts).join("\n");
    expect(stated).toContain("`# MASTER aborted replication with an error: ERR BGSAVE failed, replication can't continue`");
    expect(stated).not.toMatch(/never sent|stuck unsent|Timeout receiving bulk data from MASTER\.\.\. If|永远发不出去/);
    const q = steps.find((st) => st.predict?.question.en.includes("On 5.0.5"))?.predict;
    expect(q && q.choices[q.answer]?.claim).toEqual({ all: [{ replica: "r1", received: "+FULLRESYNC" }, { replica: "r1", received: "-ERR" }] });
    // The replica is back long before a repl-timeout would have passed.
    const online = resolveSteps(s, traceOf(s, "5.0.5")).find((r) => r.step.note === "online");
    expect(traceOf(s, "5.0.5").frames[online!.frame]!.t).toBeLessThan(60_000);
  });

  it("every catalogue scenario but evalsha-full-sync is written for 4.0.14 and 5.0.5 (some for 6.2.14 and 7.0.15 too), and has a 5.0.5 note in en and zh", () => {
    for (const s of CATALOGUE) {
      const expected = s.id === "evalsha-full-sync" ? ["4.0.14"] : WRITTEN_FOR_ALL.includes(s.id) ? ["4.0.14", "5.0.5", "6.2.14", "7.0.15"] : ["4.0.14", "5.0.5"];
      expect(writtenFor(s), s.id).toEqual(expected);
      const note = s.versionNotes?.["5.0.5"];
      expect(note?.en.trim(), s.id).toBeTruthy();
      expect(note?.zh, s.id).toMatch(/[\u4e00-\u9fff]/);
      expect(s.versionNotes?.["4.0.14"], s.id).toBeUndefined();
    }
    expect(scenario("evalsha-full-sync").versionNotes?.["5.0.5"]?.en).toMatch(/effects/);
  });

  it("a step shown on 5.0.5 only is not shown on 4.0.14, and the other way round", () => {
    const s = scenario("fork-failure-disk");
    for (const st of s.steps ?? []) {
      if (!st.redis) continue;
      expect(stepShownOn(s, st, "4.0.14")).toBe(st.redis.includes("4.0.14"));
      expect(stepShownOn(s, st, "5.0.5")).toBe(st.redis.includes("5.0.5"));
    }
  });
});
