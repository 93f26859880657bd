/**
 * Another version's lines against the taught text's (src/ui/code/versionLines.ts): every statement
 * line of 5.0.5 has the role of the 4.0.14 line holding the same statement, in order, and the new
 * replstate line that of the drop; what a 5.0.5 line lights in the diagram is what its role lights.
 */
import { describe, expect, it } from "vitest";
import { runScenario } from "../../model";
import { SEED_STATEMENTS } from "../../model/seedLines";
import { STATEMENTS_5_0_5 } from "../../model/versions/5.0.5/lines";
import { STATEMENTS_6_2_14 } from "../../model/versions/6.2.14/lines";
import { STATEMENTS_7_0_15 } from "../../model/versions/7.0.15/lines";
import { findScenario } from "../../scenarios/catalogue";
import type { Scenario } from "../../scenarios/schema";
import { en } from "../i18n/en";
import { zh } from "../i18n/zh";
import { lineText } from "../explain/explainFrame";
import { lineLinks, stepEffects } from "../link/codeLink";
import { linesOfRole, roleOf, statementLineOf } from "./versionLines";

describe("5.0.5's lines by their 4.0.14 role", () => {
  it("each statement maps to the same statement of 4.0.14, the k-th occurrence to the k-th", () => {
    for (const [n, text] of Object.entries(STATEMENTS_5_0_5)) {
      const role = roleOf("5.0.5", Number(n));
      if (Number(n) === 52) continue;
      expect(role, `line ${n}`).not.toBeNull();
      expect(SEED_STATEMENTS[role as keyof typeof SEED_STATEMENTS], `line ${n}`).toBe(text);
    }
    // The two loops: 47/66 are the first and second listRewind.
    expect([roleOf("5.0.5", 47), roleOf("5.0.5", 66)]).toEqual([49, 68]);
    expect([roleOf("5.0.5", 60), roleOf("5.0.5", 80)]).toEqual([61, 82]);
  });

  it("the new `slave->replstate = REPL_STATE_NONE;` (line 52) has the drop's role, beside line 53", () => {
    expect(roleOf("5.0.5", 52)).toBe(54);
    expect(linesOfRole("5.0.5", 54)).toEqual([52, 53]);
    expect(statementLineOf("5.0.5", 56)).toBe(55);
    expect(roleOf("4.0.14", 56)).toBe(56);
  });

  it("on scenario 8 run on 5.0.5, stepping line 52 lights the error branch and r1, and pointing at it lights the version's lines", () => {
    const trace = runScenario(findScenario("fork-failure-disk") as Scenario, { redis: "5.0.5" });
    const at = trace.frames.findIndex((f) => f.kind === "line" && f.line === 52);
    expect(at).toBeGreaterThan(0);
    const lit = stepEffects(trace, at);
    expect(lit.has("branch:error")).toBe(true);
    expect(lit.has("replica:r1")).toBe(true);
    const links = lineLinks(trace, at, 56);
    // Line 56 continues line 55's addReplyError: the whole statement, in 5.0.5's numbers.
    expect([...links.lines].sort((a, b) => a - b)).toEqual([55, 56]);
    expect(links.parts.has("branch:error")).toBe(true);
  });

  it("a line explains itself on its version: 5.0.5's reply is written, 4.0.14's never is", () => {
    expect(lineText(en, "4.0.14", 56)).toMatch(/never sent/);
    expect(lineText(en, "5.0.5", 55)).toMatch(/written to the replica's socket/);
    expect(lineText(en, "5.0.5", 52)).toMatch(/REPL_STATE_NONE/);
    // Lines that mean the same read their role's words.
    expect(lineText(en, "5.0.5", 21)).toBe(lineText(en, "4.0.14", 21));
    expect(lineText(en, "5.0.5", 29)).toBe(lineText(en, "4.0.14", 30));
  });
});

describe("6.2.14's and 7.0.15's lines", () => {
  const versions = [
    ["6.2.14", STATEMENTS_6_2_14],
    ["7.0.15", STATEMENTS_7_0_15],
  ] as const;

  it("every recorded line explains itself in en and zh, in its own words where its meaning changed", () => {
    for (const [redis, statements] of versions) {
      for (const n of Object.keys(statements).map(Number)) {
        expect(lineText(en, redis, n), `${redis}:${n} en`).not.toBe("");
        expect(lineText(zh, redis, n), `${redis}:${n} zh`).not.toBe("");
      }
      // Own words only for lines the version has.
      for (const dict of [en, zh]) for (const n of Object.keys(dict.linesOn[redis] ?? {})) expect(statements, `${redis}:${n}`).toHaveProperty(n);
    }
    expect(lineText(en, "7.0.15", 30)).toMatch(/always holds here/);
    // A line that names another line names it in its own version's numbers.
    for (const [redis, statements] of versions) {
      for (const n of Object.keys(statements).map(Number)) {
        for (const dict of [en, zh]) {
          for (const m of lineText(dict, redis, n).matchAll(/(?:line |第 )(\d+)/g)) expect(statements, `${redis}:${n} names line ${m[1]}`).toHaveProperty(m[1] as string);
        }
      }
    }
    expect(lineText(en, "6.2.14", 34)).toMatch(/pipe/);
  });

  it("a statement with a 4.0.14 counterpart has its role; the new ones have none and light nothing", () => {
    expect(roleOf("6.2.14", 60)).toBe(54);
    expect(roleOf("6.2.14", 47)).toBeNull();
    expect([roleOf("7.0.15", 28), roleOf("7.0.15", 41), roleOf("7.0.15", 43), roleOf("7.0.15", 89), roleOf("7.0.15", 94)]).toEqual([21, 35, 37, 73, 82]);
    expect([roleOf("7.0.15", 30), roleOf("7.0.15", 87)]).toEqual([null, null]);
  });

  it("on scenario 8 run on 6.2.14 and 7.0.15, the error branch lights from the replstate line", () => {
    for (const [redis, line] of [["6.2.14", 60], ["7.0.15", 67]] as const) {
      const trace = runScenario(findScenario("fork-failure-disk") as Scenario, { redis });
      const at = trace.frames.findIndex((f) => f.kind === "line" && f.line === line);
      expect(at, redis).toBeGreaterThan(0);
      const lit = stepEffects(trace, at);
      expect(lit.has("branch:error"), redis).toBe(true);
      expect(lit.has("replica:r1"), redis).toBe(true);
    }
  });
});

describe("what a 6.2.14 or 7.0.15 run's happenings are explained as", () => {
  const notesOf = (id: string, redis: "6.2.14" | "7.0.15") => runScenario(findScenario(id) as Scenario, { redis }).frames.flatMap((f) => f.notes);
  const say = (dict: typeof en | typeof zh, n: ReturnType<typeof notesOf>[number]) => (dict.notes as unknown as Record<string, (x: unknown) => string>)[n.key]?.(n) ?? "";

  it("the pipe, the kill, the async free and the immediate reconnection (scenario 13 on 6.2.14)", () => {
    const notes = notesOf("child-dies-socket", "6.2.14");
    const find = (key: string) => notes.find((n) => n.key === key) as ReturnType<typeof notesOf>[number];
    expect(say(en, find("rdb.socketChild"))).toMatch(/into a pipe; the primary reads the pipe/);
    expect(say(zh, find("rdb.socketChild"))).toMatch(/写进管道/);
    expect(say(en, find("child.killed"))).toMatch(/done reading from pipe/);
    expect(say(en, find("update.childError"))).toMatch(/streaming BGSAVE child failed.*marked to be freed/);
    expect(say(en, find("replica.reconnect"))).toMatch(/at once/);
    expect(say(zh, find("replica.reconnect"))).toMatch(/立即/);
  });

  it("7.0.15: online at the transfer's end, the ACK starts the stream; 6.2.14: the ACK reaps the child", () => {
    const seven = notesOf("diskless-batching", "7.0.15");
    expect(say(en, seven.find((n) => n.key === "update.streamDone")!)).toMatch(/In 7\.0 it is `ONLINE` now/);
    expect(say(en, seven.find((n) => n.key === "ack.first")!)).toMatch(/starts its command stream/);
    const six = notesOf("diskless-batching", "6.2.14");
    expect(say(en, six.find((n) => n.key === "child.reaped")!)).toMatch(/REPLCONF ACK.*reaps it now/);
    expect(say(en, six.find((n) => n.key === "cron.check" && n.start)!)).toMatch(/replicationStartPendingFork.*at least the delay/);
    expect(say(en, six.find((n) => n.key === "sync.backlogCreated")!)).toMatch(/From 6\.2 this is logged/);
    expect(say(en, six.find((n) => n.key === "sync.delay")!)).toMatch(/at least 5 s/);
  });

  it("syncCommand as 6.2 has it: delay 0 starts the socket BGSAVE at once; a child holds it back until reaped", () => {
    const zero = notesOf("delay-zero", "6.2.14").find((n) => n.key === "sync.startNow")!;
    expect(say(en, zero)).toMatch(/the target is its socket/);
    expect(say(zh, zero)).toMatch(/目标就是它的 socket/);
    expect(say(en, notesOf("aof-rewrite-active", "6.2.14").find((n) => n.key === "sync.aofActive")!)).toMatch(/replicationStartPendingFork` starts it right when the rewrite child is reaped/);
    expect(say(en, notesOf("socket-bgsave-in-flight", "7.0.15").find((n) => n.key === "sync.socketInFlight")!)).toMatch(/if it has waited the diskless delay/);
    // 4.0.14 keeps its own words.
    const four = runScenario(findScenario("delay-zero") as Scenario).frames.flatMap((f) => f.notes).find((n) => n.key === "sync.delay")!;
    expect(say(en, four)).toMatch(/With delay 0 no "Delay" line is logged/);
  });
});
