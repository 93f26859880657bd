/**
 * Code ↔ picture (docs/architecture.md §18): which parts of the diagram a line of the taught
 * function affects, and which code lines, server log lines and wire entries belong to a part of
 * the diagram. Pure: it reads a trace and a frame index, nothing else (no React, no DOM).
 *
 * Line numbers here are those of the taught text, 4.0.14's (src/model/seedLines.ts). A trace of
 * another version records its own text's lines: each is read by its role, the 4.0.14 line with the
 * same statement (src/ui/code/versionLines.ts), and the lines handed back are the version's again.
 * Where a line acts on one
 * replica (the loops' `slave`), the frame's `locals.slave` says which; elsewhere the call's own
 * notes say which replicas it dropped or set up.
 */
import type { Frame, Trace } from "../../model/trace";
import { SEED_CONTINUATIONS, type SeedLine } from "../../model/seedLines";
import type { DecisionBranch, DiagramPart, LinkSource } from "../../store/slices/linkSlice";
import { linesOfRole, roleOf, statementLineOf, versionLines } from "../code/versionLines";

export type PipeKind = "control" | "socket" | "disk" | "error";

/** Something the diagram draws that can be lit: a node, a Decision row, an edge, a replica's pipe. */
export type LitKey =
  | "primary"
  | "scriptCache"
  | "decision"
  | `branch:${DecisionBranch}`
  | "child"
  | "rdbFile"
  | "edge:fork"
  | "edge:write"
  | `replica:${string}`
  | `pipe:${PipeKind}:${string}`;

/** What a source lights: diagram parts, code lines, log lines (indexes into trace.log), wire entries per connection key. */
export interface Linked {
  parts: ReadonlySet<LitKey>;
  lines: ReadonlySet<number>;
  log: ReadonlySet<number>;
  /** Per connection key: indexes into trace.wires[key].wire and .reply. */
  wire: ReadonlyMap<string, { wire: ReadonlySet<number>; reply: ReadonlySet<number> }>;
}

export const NOTHING_LINKED: Linked = { parts: new Set(), lines: new Set(), log: new Set(), wire: new Map() };

/** The statement a line belongs to (a continuation line gives its statement's first line), or null for a line that runs nothing. */
export function statementOf(line: number): SeedLine | null {
  return statementLineOf("4.0.14", line) as SeedLine | null;
}

/** The lines a statement covers (itself and its continuations). */
export function statementLines(line: SeedLine): number[] {
  return [line, ...(SEED_CONTINUATIONS[line] ?? [])];
}

/**
 * The lines that write to the server log, directly or in what they call (docs/behaviour.md §13):
 * the target line, the two BGSAVE starters (their "started by pid" or fork error, §6), the
 * missing-replication-info warning (§5) and "BGSAVE for replication failed".
 */
export const LOGGING_LINES: ReadonlySet<number> = new Set([25, 35, 37, 39, 48]);

/**
 * The code lines each part of the diagram stands for (the inverse of `lineEffects`; a unit test
 * checks the two agree). A replica's list grows with the lines that wrote to its socket or buffer.
 */
export type PartName = Exclude<DiagramPart["kind"], "branch"> | `branch:${DecisionBranch}`;

export const PART_LINES: Record<PartName, readonly SeedLine[]> = {
  // rdbPopulateSaveInfo reads the primary's replication state (docs/behaviour.md §5); the loops walk
  // and edit server.slaves, which the primary's box lists.
  primary: [30, 33, 39, 40, 49, 55, 68],
  // Flushed only after a successful start (docs/behaviour.md §10).
  scriptCache: [81],
  // The expression and the two tests that read its result.
  decision: [21, 25, 34, 67],
  "branch:disk": [34, 37],
  "branch:socket": [34, 35],
  "branch:error": [39, 40, 47, 48, 49, 50, 51, 53, 54, 55, 56, 58, 61],
  // Both starters fork the child (docs/behaviour.md §6); only the disk one writes dump.rdb.
  child: [35, 37],
  rdbFile: [37],
  // The two loops over the waiting replicas: dropped on failure (§8) or set up for the disk target (§7).
  replicas: [47, 48, 49, 50, 51, 53, 54, 55, 56, 58, 61, 67, 68, 69, 70, 72, 73],
};

export function partName(part: DiagramPart): PartName {
  return part.kind === "branch" ? `branch:${part.branch}` : part.kind;
}

/** The keys a part of the diagram lights when it is pointed at: itself (a box of replicas: each of them). */
export function partKeys(part: DiagramPart): LitKey[] {
  if (part.kind === "branch") return [`branch:${part.branch}`];
  if (part.kind === "replicas") return part.ids.map((id) => `replica:${id}` as const);
  return [part.kind];
}

/** The frames of the call that frame `at` belongs to, up to `at`: from its first line frame. */
function callStart(trace: Trace, at: number): number {
  let start = at;
  while (start > 0 && trace.frames[start - 1]?.kind === "line") start--;
  return start;
}

/** What the call did so far: the replicas it dropped (§8) and set up for a full resync (§7), and at which lines. */
interface CallSoFar {
  dropped: string[];
  setUp: { replica: string; line: number | null }[];
}

function callSoFar(trace: Trace, at: number): CallSoFar {
  const out: CallSoFar = { dropped: [], setUp: [] };
  for (let k = callStart(trace, at); k <= at; k++) {
    const f = trace.frames[k] as Frame;
    for (const n of f.notes) {
      if (n.key === "port.dropped") out.dropped.push(n.replica);
      else if (n.key === "setup.fullresync" || n.key === "setup.oldSync") out.setUp.push({ replica: n.replica, line: lineRole(trace, f) });
    }
  }
  return out;
}

/** The replicas in server.slaves waiting for a BGSAVE to start (the loops' `if`, lines 53 and 72). */
function waiting(frame: Frame): string[] {
  return frame.replicas.filter((r) => r.inSlaves && r.replstate === "WAIT_BGSAVE_START").map((r) => r.id);
}

const union = (...lists: string[][]) => [...new Set(lists.flat())];

/**
 * The diagram parts line `line` affects, read at frame `at` of the trace: the frame of the call in
 * question (the cursor's own while the function runs, else the last call's). When `at` is the
 * frame that just executed this very line, the loop's `slave` names the replica; otherwise the
 * line stands for every replica its loop handles in that call.
 */
export function lineEffects(trace: Trace, at: number, line: number): Set<LitKey> {
  const out = new Set<LitKey>();
  const stmt = statementOf(line);
  const frame = trace.frames[at];
  if (stmt === null || !frame) return out;
  const locals = frame.locals;
  const here = frame.kind === "line" && lineRole(trace, frame) === stmt;
  // `while (ln = listNext(...))`: true means the next frame's `slave` is the one it found.
  const next = trace.frames[at + 1];
  const slave = !here ? undefined : stmt === 50 || stmt === 69 ? (frame.condition && next?.kind === "line" ? next.locals?.slave : undefined) : locals?.slave;
  const add = (...keys: LitKey[]) => keys.forEach((k) => out.add(k));
  const replicas = (ids: string[], pipe: PipeKind | null) => {
    for (const id of ids) {
      add(`replica:${id}`);
      if (pipe) add(`pipe:${pipe}:${id}`);
    }
  };
  const soFar = () => callSoFar(trace, at);
  // The replica a loop line acts on: its `slave` when this is the line just run, else each replica of the loop.
  const loopReplicas = (all: () => string[], pipe: PipeKind | null) => {
    if (here && (stmt === 50 || stmt === 69) && !slave) return; // the loop has ended
    replicas(slave ? [slave] : all(), pipe);
  };
  const failed = locals?.retval === -1;
  const diskSetup = locals?.socket_target === 0;

  switch (stmt) {
    case 21:
    case 25:
      add("decision");
      break;
    case 30:
    case 33:
      add("primary");
      break;
    case 34:
      add("decision");
      if (locals?.socket_target === undefined) add("branch:disk", "branch:socket");
      else add(locals.socket_target ? "branch:socket" : "branch:disk");
      break;
    case 35: {
      // rdbSaveToSlavesSockets sets the replicas up (+FULLRESYNC) before it forks (docs/behaviour.md §6, §7).
      add("child", "edge:fork", "branch:socket");
      const s = soFar();
      replicas(
        s.setUp.filter((x) => x.line === 35).map((x) => x.replica),
        "control",
      );
      const child = frame.server.child;
      if (child?.kind === "rdb-socket") for (const key of child.targets) add(`pipe:socket:${key.split("#")[0]}`);
      break;
    }
    case 37:
      add("child", "edge:fork", "edge:write", "branch:disk", "rdbFile");
      break;
    case 39:
    case 40:
      add("primary", "branch:error");
      break;
    case 47:
    case 48:
    case 49:
    case 50:
    case 51:
    case 53:
    case 54:
    case 55:
    case 56:
    case 58:
    case 61: {
      add("branch:error");
      if (stmt === 49 || stmt === 55) add("primary");
      if (!failed) break;
      const s = soFar();
      if (stmt === 61) replicas(s.dropped, "error");
      else if (stmt === 56 || stmt === 58) loopReplicas(() => s.dropped, "error");
      else loopReplicas(() => union(s.dropped, waiting(frame)), null);
      break;
    }
    case 67:
    case 68:
    case 69:
    case 70:
    case 72:
    case 73: {
      if (stmt === 67) add("decision");
      if (stmt === 68) add("primary");
      if (!diskSetup) break;
      const s = soFar();
      loopReplicas(
        () =>
          union(
            s.setUp.map((x) => x.replica),
            waiting(frame),
          ),
        "control",
      );
      break;
    }
    case 81:
      add("scriptCache");
      break;
    case 82:
      break;
  }
  return out;
}

/** For each entry of trace.log, the frame that made it (built once per trace). */
const LOG_FRAMES = new WeakMap<Trace, Int32Array>();
function logFrames(trace: Trace): Int32Array {
  let out = LOG_FRAMES.get(trace);
  if (!out) {
    out = new Int32Array(trace.log.length);
    for (const f of trace.frames) out.fill(f.i, f.logStart, f.logLen);
    LOG_FRAMES.set(trace, out);
  }
  return out;
}

/** The log lines, up to frame `at`, that the given lines wrote (only lines that log, docs/behaviour.md §13). */
function logOfLines(trace: Trace, at: number, lines: ReadonlySet<number>, out: Set<number>) {
  const frame = trace.frames[at];
  if (!frame || ![...lines].some((l) => LOGGING_LINES.has(l))) return;
  const of = logFrames(trace);
  for (let k = 0; k < frame.logLen; k++) {
    const f = trace.frames[of[k] as number] as Frame;
    const role = lineRole(trace, f);
    if (role !== null && lines.has(role) && LOGGING_LINES.has(role)) out.add(k);
  }
}

type WireSets = Map<string, { wire: Set<number>; reply: Set<number> }>;

function wireSet(out: WireSets, key: string) {
  let s = out.get(key);
  if (!s) out.set(key, (s = { wire: new Set(), reply: new Set() }));
  return s;
}

/** The wire entries and queued replies of the live connections that the given lines wrote, up to frame `at`. */
function wireOfLines(trace: Trace, at: number, lines: ReadonlySet<number>, out: WireSets) {
  const frame = trace.frames[at];
  if (!frame) return;
  const byLine = (stamp: number) => {
    const f = trace.frames[stamp];
    const role = f ? lineRole(trace, f) : null;
    return role !== null && lines.has(role);
  };
  for (const r of frame.replicas) {
    const io = trace.wires[r.key];
    if (!io) continue;
    io.wireFrame.forEach((stamp, k) => {
      if (stamp <= at && byLine(stamp)) wireSet(out, r.key).wire.add(k);
    });
    io.queuedFrame.forEach((stamp, k) => {
      if (stamp <= at && byLine(stamp)) wireSet(out, r.key).reply.add(k);
    });
  }
}

/** The code lines, log lines and wire entries of a part of the diagram at frame `at`. */
export function partLinks(trace: Trace, at: number, part: DiagramPart): Linked {
  const frame = trace.frames[at];
  if (!frame) return NOTHING_LINKED;
  const lines = new Set<number>(PART_LINES[partName(part)].flatMap(statementLines));
  const log = new Set<number>();
  const wire: WireSets = new Map();
  logOfLines(trace, at, lines, log);
  if (part.kind === "replicas") {
    const ids = new Set(part.ids);
    const conns = frame.replicas.filter((r) => ids.has(r.id));
    // Everything on their sockets and in their buffers now, and the lines that put it there.
    for (const r of conns) {
      const io = trace.wires[r.key];
      if (!io) continue;
      const s = wireSet(wire, r.key);
      io.wireFrame.forEach((stamp, k) => {
        if (stamp > at) return;
        s.wire.add(k);
        const f = trace.frames[stamp];
        const role = f ? lineRole(trace, f) : null;
        if (role !== null) lines.add(role);
      });
      const sent = io.sentFrame.filter((stamp) => stamp <= at).length;
      io.queuedFrame.forEach((stamp, k) => {
        if (stamp > at || k < sent) return;
        s.reply.add(k);
        const f = trace.frames[stamp];
        const role = f ? lineRole(trace, f) : null;
        if (role !== null) lines.add(role);
      });
    }
    // The log names a replica by its address (docs/behaviour.md §13).
    const names = [...new Set(conns.map((r) => r.name))];
    if (names.length) {
      for (let k = 0; k < frame.logLen; k++) {
        const text = (trace.log[k] as Trace["log"][number]).text;
        if (names.some((n) => text.includes(n))) log.add(k);
      }
    }
  } else {
    wireOfLines(trace, at, lines, wire);
  }
  if (part.kind === "child" || part.kind === "rdbFile") {
    // The children's own lines, and what the primary logged as it reaped one (docs/behaviour.md §11, §13).
    const of = logFrames(trace);
    const ends = (f: Frame) =>
      (part.kind === "child" && f.cause.type === "childDone") ||
      f.notes.some((n) => n.key === "child.reaped" && (part.kind === "child" || n.kind === "rdb-disk"));
    for (let k = 0; k < frame.logLen; k++) {
      const f = trace.frames[of[k] as number] as Frame;
      if ((part.kind === "child" && (trace.log[k] as Trace["log"][number]).role === "C") || ends(f)) log.add(k);
    }
  }
  return { parts: new Set(partKeys(part)), lines: versionLinesOf(trace, lines), log, wire };
}

/**
 * The diagram parts, log lines and wire entries of a code line: the parts as the call at frame
 * `callAt` has them (see lineEffects), the log and wire entries it wrote as far as frame `at`.
 */
export function lineLinks(trace: Trace, at: number, line: number, callAt = at): Linked {
  const stmt = statementOf(roleOfLine(trace, line) ?? 0);
  if (stmt === null) return NOTHING_LINKED;
  const lines = new Set<number>(statementLines(stmt));
  const log = new Set<number>();
  const wire: WireSets = new Map();
  logOfLines(trace, at, lines, log);
  wireOfLines(trace, at, lines, wire);
  return { parts: callAt >= 0 ? lineEffects(trace, callAt, stmt) : new Set(), lines: versionLinesOf(trace, lines), log, wire };
}

/**
 * Whether frame `at` is inside a call of the function: a line frame, or the event frame that
 * closes a happening which ran it (as the code panel decides, src/ui/code/CodePanel.tsx).
 */
export function insideCall(frame: Frame | undefined): boolean {
  return !!frame?.locals && frame.line !== null;
}

/**
 * What the reader's pointing lights at the cursor. `lastCall` is the latest frame ≤ cursor that
 * ran the function (store/derive.ts): the call a code line is read against when the cursor is
 * outside the function.
 */
export function linkedBy(trace: Trace, cursor: number, lastCall: number, source: LinkSource): Linked {
  if (source.from === "diagram") return partLinks(trace, cursor, source.part);
  return lineLinks(trace, cursor, source.line, insideCall(trace.frames[cursor]) ? cursor : lastCall);
}

/** The parts the current frame's line lights, when the cursor is on a line frame (else none). */
export function stepEffects(trace: Trace, cursor: number): ReadonlySet<LitKey> {
  const frame = trace.frames[cursor];
  const role = frame ? lineRole(trace, frame) : null;
  if (role === null) return NOTHING_LINKED.parts;
  return lineEffects(trace, cursor, role);
}

/** The role (a 4.0.14 line) of the line a line frame executed, or null (src/ui/code/versionLines.ts). */
function lineRole(trace: Trace, f: Frame): number | null {
  if (f.kind !== "line" || f.line === null) return null;
  return trace.redis === "4.0.14" ? f.line : roleOf(trace.redis, f.line);
}

/** The role of a line of the trace's version's text (a continuation line: its statement's), or null. */
function roleOfLine(trace: Trace, line: number): number | null {
  if (trace.redis === "4.0.14") return line;
  const stmt = statementLineOf(trace.redis, line);
  return stmt === null ? null : roleOf(trace.redis, stmt);
}

/** Lines in roles (4.0.14's) as the trace's version's own lines, continuations included. */
function versionLinesOf(trace: Trace, roles: ReadonlySet<number>): ReadonlySet<number> {
  if (trace.redis === "4.0.14") return roles;
  const v = versionLines(trace.redis);
  const out = new Set<number>();
  for (const r of roles) {
    for (const n of linesOfRole(trace.redis, r)) {
      out.add(n);
      for (const c of v.continuations[n] ?? []) out.add(c);
    }
  }
  return out;
}
