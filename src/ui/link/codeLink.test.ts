import { describe, expect, it } from "vitest";
import { runScenario, type Frame, type Trace } from "../../model";
import { CATALOGUE, findScenario } from "../../scenarios/catalogue";
import { deriveTrace } from "../../store/derive";
import type { DiagramPart } from "../../store/slices/linkSlice";
import { lineEffects, lineLinks, linkedBy, PART_LINES, partLinks, stepEffects, statementOf, type LitKey } from "./codeLink";

const traces = new Map<string, Trace>();
function trace(id: string): Trace {
  let t = traces.get(id);
  if (!t) traces.set(id, (t = runScenario(findScenario(id)!)));
  return t;
}

/** The n-th line frame (from 0) of the trace that executed `line`. */
function lineFrame(t: Trace, line: number, n = 0, where: (f: Frame) => boolean = () => true): Frame {
  const f = t.frames.filter((f) => f.kind === "line" && f.line === line && where(f))[n];
  if (!f) throw new Error(`no frame ${n} at line ${line}`);
  return f;
}

const sorted = (s: ReadonlySet<LitKey>) => [...s].sort();
const replica = (...ids: string[]): DiagramPart => ({ kind: "replicas", key: ids.join(","), ids });
const logText = (t: Trace, s: ReadonlySet<number>) => [...s].sort((a, b) => a - b).map((k) => t.log[k]!.text);

describe("a line of the function lights its effect in the diagram", () => {
  it("lines 21 and 25 light the Decision box; line 34 the Decision and the branch it takes", () => {
    const disk = trace("fork-failure-disk");
    expect(sorted(lineEffects(disk, lineFrame(disk, 21).i, 21))).toEqual(["decision"]);
    expect(sorted(lineEffects(disk, lineFrame(disk, 25).i, 25))).toEqual(["decision"]);
    expect(sorted(lineEffects(disk, lineFrame(disk, 34).i, 34))).toEqual(["branch:disk", "decision"]);
    const socket = trace("diskless-batching");
    expect(sorted(lineEffects(socket, lineFrame(socket, 34).i, 34))).toEqual(["branch:socket", "decision"]);
    // A continuation line is its statement's.
    expect(sorted(lineEffects(socket, lineFrame(socket, 25).i, 26))).toEqual(["decision"]);
  });

  it("line 35 lights the child, the fork edge, and each replica set up before the fork with its +FULLRESYNC arrow and socket pipe", () => {
    const t = trace("diskless-batching");
    const f = lineFrame(t, 35);
    expect(sorted(lineEffects(t, f.i, 35))).toEqual(
      ["branch:socket", "child", "edge:fork", "pipe:control:r1", "pipe:control:r2", "pipe:socket:r1", "pipe:socket:r2", "replica:r1", "replica:r2"].sort(),
    );
    // The fork fails: the replicas were set up (and undone), so their +FULLRESYNC arrows; there is no socket pipe.
    const failed = trace("fork-failure-socket");
    expect(sorted(lineEffects(failed, lineFrame(failed, 35).i, 35))).toEqual(["branch:socket", "child", "edge:fork", "pipe:control:r1", "replica:r1"]);
  });

  it("line 37 lights the child, the fork edge, its write to dump.rdb and the disk branch", () => {
    const t = trace("disk-happy-path");
    expect(sorted(lineEffects(t, lineFrame(t, 37).i, 37))).toEqual(["branch:disk", "child", "edge:fork", "edge:write", "rdbFile"]);
  });

  it("lines 47–61 light the error path and each replica it drops, one at a time in the loop", () => {
    const t = trace("failure-sweeps-bystanders");
    const at = (line: number, n = 0) => sorted(lineEffects(t, lineFrame(t, line, n).i, line));
    // Before the loop: every replica waiting for the BGSAVE, the bystander cli too.
    expect(at(47)).toEqual(["branch:error", "replica:cli", "replica:r1"]);
    expect(at(48)).toEqual(["branch:error", "replica:cli", "replica:r1"]);
    expect(at(49)).toEqual(["branch:error", "primary", "replica:cli", "replica:r1"]);
    // The while finds r1, then cli, then nothing.
    expect(at(50, 0)).toEqual(["branch:error", "replica:r1"]);
    expect(at(50, 1)).toEqual(["branch:error", "replica:cli"]);
    expect(at(50, 2)).toEqual(["branch:error"]);
    expect(at(51, 0)).toEqual(["branch:error", "replica:r1"]);
    expect(at(53, 1)).toEqual(["branch:error", "replica:cli"]);
    expect(at(54, 0)).toEqual(["branch:error", "replica:r1"]);
    // listDelNode: out of server.slaves, which the primary's box lists.
    expect(at(55, 1)).toEqual(["branch:error", "primary", "replica:cli"]);
    // addReplyError: the -ERR takes the error pipe (it stops before the replica, docs/behaviour.md §8).
    expect(at(56, 0)).toEqual(["branch:error", "pipe:error:r1", "replica:r1"]);
    expect(at(58, 1)).toEqual(["branch:error", "pipe:error:cli", "replica:cli"]);
    expect(at(61)).toEqual(["branch:error", "pipe:error:cli", "pipe:error:r1", "replica:cli", "replica:r1"]);
    // Line 47 of a call that succeeded: the test, nothing dropped.
    expect(sorted(lineEffects(t, lineFrame(t, 47, 0, (f) => f.condition === false).i, 47))).toEqual(["branch:error"]);
  });

  it("lines 67–76 light the +FULLRESYNC set-up arrows of the disk target", () => {
    const t = trace("disk-happy-path");
    const at = (line: number, n = 0) => sorted(lineEffects(t, lineFrame(t, line, n).i, line));
    expect(at(67)).toEqual(["decision", "pipe:control:r1", "replica:r1"]);
    expect(at(68)).toEqual(["pipe:control:r1", "primary", "replica:r1"]);
    expect(at(69, 0)).toEqual(["pipe:control:r1", "replica:r1"]);
    expect(at(69, 1)).toEqual([]); // the loop ends
    expect(at(70)).toEqual(["pipe:control:r1", "replica:r1"]);
    expect(at(72)).toEqual(["pipe:control:r1", "replica:r1"]);
    expect(at(73)).toEqual(["pipe:control:r1", "replica:r1"]);
    expect(sorted(lineEffects(t, lineFrame(t, 73).i, 74))).toEqual(["pipe:control:r1", "replica:r1"]);
    // The socket target: the test at 67 is false, nothing to set up here (line 35 did it).
    const s = trace("diskless-batching");
    expect(sorted(lineEffects(s, lineFrame(s, 67).i, 67))).toEqual(["decision"]);
  });

  it("line 81 lights the script cache; lines 30–40 the primary (and the error branch when rsiptr is NULL)", () => {
    const t = trace("disk-happy-path");
    expect(sorted(lineEffects(t, lineFrame(t, 81).i, 81))).toEqual(["scriptCache"]);
    expect(sorted(lineEffects(t, lineFrame(t, 30).i, 30))).toEqual(["primary"]);
    const n = trace("no-replication-info");
    expect(sorted(lineEffects(n, lineFrame(n, 39).i, 39))).toEqual(["branch:error", "primary"]);
    expect(sorted(lineEffects(n, lineFrame(n, 40).i, 40))).toEqual(["branch:error", "primary"]);
    expect(sorted(lineEffects(n, lineFrame(n, 61).i, 61))).toEqual(["branch:error", "pipe:error:s1", "replica:s1"]);
  });

  it("lines that run nothing light nothing, and only line frames light the diagram while stepping", () => {
    const t = trace("disk-happy-path");
    for (const line of [1, 19, 22, 28, 43, 62, 83]) {
      expect(statementOf(line)).toBeNull();
      expect(lineEffects(t, lineFrame(t, 21).i, line).size).toBe(0);
    }
    const event = t.frames.find((f) => f.kind === "event" && f.locals)!;
    expect(stepEffects(t, event.i).size).toBe(0);
    expect(sorted(stepEffects(t, lineFrame(t, 37).i))).toEqual(["branch:disk", "child", "edge:fork", "edge:write", "rdbFile"]);
  });
});

describe("a part of the diagram lights its code lines, log lines and wire entries", () => {
  it("a replica dropped by the failed BGSAVE: the error loop's lines, the lines that wrote to it, its log lines, its unsent -ERR", () => {
    const t = trace("fork-failure-disk");
    const end = t.frames.find((f) => f.kind === "event" && f.line === 61)!;
    const links = partLinks(t, end.i, replica("r1"));
    expect([...links.lines]).toEqual(expect.arrayContaining([50, 51, 53, 54, 55, 56, 57, 58]));
    // Its own lines (the log names it by address) and the failure that dropped it.
    expect(logText(t, links.log)).toEqual(["Slave 127.0.0.1:17001 asks for synchronization", "Full resync requested by slave 127.0.0.1:17001", "BGSAVE for replication failed"]);
    const key = end.replicas.find((r) => r.id === "r1")!.key;
    const io = links.wire.get(key)!;
    expect([...io.wire]).toEqual([]);
    expect([...io.reply].map((k) => t.wires[key]!.reply[k])).toEqual(["-ERR BGSAVE failed, replication can't continue"]);
    expect(sorted(links.parts)).toEqual(["replica:r1"]);
  });

  it("a replica set up for a disk BGSAVE: its +FULLRESYNC and the line that wrote it; later its RDB and its log lines", () => {
    const t = trace("disk-happy-path");
    const f = lineFrame(t, 73);
    const key = f.replicas.find((r) => r.id === "r1")!.key;
    const now = partLinks(t, f.i, replica("r1"));
    expect([...now.wire.get(key)!.wire].map((k) => t.wires[key]!.wire[k])).toEqual([expect.stringMatching(/^\+FULLRESYNC [0-9a-f]{40} 0$/)]);
    expect(now.lines.has(73)).toBe(true);
    const last = t.frames.length - 1;
    const later = partLinks(t, last, replica("r1"));
    expect(later.wire.get(key)!.wire.size).toBe(shown(t, last, key));
    expect(logText(t, later.log)).toContain("Synchronization with slave 127.0.0.1:17001 succeeded");
    expect(logText(t, later.log).every((l) => l.includes("127.0.0.1:17001"))).toBe(true);
  });

  it("the child: the forking lines, its own log lines and what the primary logged when it ended", () => {
    const t = trace("disk-happy-path");
    const last = t.frames.length - 1;
    const links = partLinks(t, last, { kind: "child" });
    expect([...links.lines].sort()).toEqual([35, 37]);
    expect(logText(t, links.log)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Background saving started by pid \d+$/), "DB saved on disk", "Background saving terminated with success"]),
    );
    expect(logText(t, links.log)).not.toContain("Starting BGSAVE for SYNC with target: disk");
  });

  it("the Decision's rows, the script cache, dump.rdb and the primary: their lines and the log lines those wrote", () => {
    const t = trace("fork-failure-disk");
    const end = t.frames.find((f) => f.kind === "event" && f.line === 61)!;
    const decision = partLinks(t, end.i, { kind: "decision" });
    expect([...decision.lines].sort((a, b) => a - b)).toEqual([21, 25, 26, 34, 67]);
    expect(logText(t, decision.log)).toEqual(["Starting BGSAVE for SYNC with target: disk"]);
    const error = partLinks(t, end.i, { kind: "branch", branch: "error" });
    expect(logText(t, error.log)).toEqual(["BGSAVE for replication failed"]);
    const key = end.replicas.find((r) => r.id === "r1")!.key;
    expect([...error.wire.get(key)!.reply]).toEqual([0]);
    expect([...partLinks(t, end.i, { kind: "branch", branch: "disk" }).log].map((k) => t.log[k]!.text)).toEqual([
      "Can't save in background: fork: Resource temporarily unavailable",
    ]);
    expect([...partLinks(t, end.i, { kind: "scriptCache" }).lines]).toEqual([81]);
    expect([...partLinks(t, end.i, { kind: "rdbFile" }).lines]).toEqual([37]);
    expect([...partLinks(t, end.i, { kind: "primary" }).lines].sort((a, b) => a - b)).toEqual([30, 33, 39, 40, 49, 55, 68]);
  });

  it("a box of many replicas lights every replica in it", () => {
    const t = trace("failure-sweeps-bystanders");
    const end = t.frames.find((f) => f.kind === "event" && f.line === 61)!;
    const both = partLinks(t, end.i, replica("r1", "cli"));
    expect(sorted(both.parts)).toEqual(["replica:cli", "replica:r1"]);
    expect(both.wire.size).toBe(2);
  });

  it("every part a line lights lists that line among its own (the two directions agree), on every line frame of the catalogue", () => {
    for (const s of CATALOGUE) {
      const t = runScenario(s);
      for (const f of t.frames) {
        if (f.kind !== "line" || f.line === null) continue;
        for (const key of lineEffects(t, f.i, f.line)) {
          if (key.startsWith("pipe:") || key.startsWith("edge:")) continue;
          const lines = key.startsWith("replica:")
            ? partLinks(t, f.i, replica(key.slice("replica:".length))).lines
            : new Set<number>(PART_LINES[key as keyof typeof PART_LINES]);
          expect(lines.has(f.line), `${s.id} frame ${f.i}: line ${f.line} lights ${key}`).toBe(true);
        }
      }
    }
  });
});

describe("a code line pointed at", () => {
  it("lights the log lines and wire entries it wrote, up to the cursor", () => {
    const t = trace("disk-happy-path");
    const f = lineFrame(t, 73);
    const key = f.replicas.find((r) => r.id === "r1")!.key;
    const l73 = lineLinks(t, f.i, 73);
    expect([...l73.wire.get(key)!.wire]).toEqual([0]);
    expect([...l73.lines].sort()).toEqual([73, 74]);
    expect(logText(t, lineLinks(t, f.i, 25).log)).toEqual(["Starting BGSAVE for SYNC with target: disk"]);
    // Before the call wrote them, nothing.
    expect(lineLinks(t, 0, 25).log.size).toBe(0);
  });

  it("outside the function reads the last call: after a failed BGSAVE line 61 still names the replicas it dropped", () => {
    const t = trace("failure-sweeps-bystanders");
    const derived = deriveTrace(t);
    const end = t.frames.find((f) => f.kind === "event" && f.line === 61)!;
    const after = end.i + 1;
    expect(t.frames[after]!.locals).toBeNull();
    const links = linkedBy(t, after, derived.lastCall[after]!, { from: "code", line: 61 });
    expect(sorted(links.parts)).toEqual(["branch:error", "pipe:error:cli", "pipe:error:r1", "replica:cli", "replica:r1"]);
    const l56 = linkedBy(t, after, derived.lastCall[after]!, { from: "code", line: 57 });
    expect([...l56.lines].sort()).toEqual([56, 57]);
    // cli's -ERR, still queued; r1's first connection has closed and its card lists it among the earlier ones.
    expect([...l56.wire.keys()]).toEqual(["cli#1"]);
    expect([...l56.wire.get("cli#1")!.reply]).toEqual([0]);
    // Before any call: the line itself, nothing else.
    const none = linkedBy(t, 0, -1, { from: "code", line: 37 });
    expect([...none.lines]).toEqual([37]);
    expect(none.parts.size).toBe(0);
  });
});

function shown(t: Trace, at: number, key: string): number {
  return t.wires[key]!.wireFrame.filter((s) => s <= at).length;
}
