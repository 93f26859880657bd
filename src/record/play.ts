/**
 * Plays a scenario against a real redis-server and returns the recording
 * (docs/recording-format.md): starts the server (and, for a chained primary, its upstream and a
 * relay between them), fills a dataset of about `rdbBytes`, then at each event's time does what
 * the event says, with raw replicas, and snapshots INFO / CLIENT LIST after each. Every wait is
 * bounded; every process it starts is stopped by its pid, whatever happens. Node only.
 */
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Scenario, ScenarioEvent } from "../scenarios/schema";
import { ForkFault, forkFaultProblem, killChild, NOBODY, UpstreamRelay } from "./faults";
import { RECORDING_FORMAT, type OutcomeRecord, type Recording, type ServerRecord, type SnapshotRecord } from "./format";
import { RawReplica, rhythmOf } from "./replica";
import { clientFields, Control, infoFields, RecordError, replyText } from "./resp";
import { Clock, freePort, LogTail, sleep, startServer, stopServer, type RunningServer } from "./server";

export type RecordOptions = {
  /** The redis-server binary. */
  redisServer: string;
  /** Stop at this many seconds of the scenario's time at the latest (default: the scenario's horizon). */
  until?: number;
  /** How long everything must have been quiet after the last event before the recording ends (ms). */
  settleMs?: number;
  /** Progress messages (to stderr in the CLI). */
  progress?: (message: string) => void;
};

/** What an `evalsha` event runs when it names no script (docs/scenario-format.md §6). */
const DEFAULT_SCRIPT = "return redis.call('INCR', 'counter')";

/** The most a recording fills (docs/recording-format.md §3): larger datasets take too long to write. */
export const MAX_RECORD_RDB_BYTES = 512 * 1024 * 1024;
/** Per-key overhead of a string key in an RDB file, roughly (type, lengths). */
const KEY_OVERHEAD = 16;

/**
 * Bytes per key of the dataset. Large values make few keys, so a slow child's
 * `rdb-key-save-delay` is one long sleep per key (125 ms for 2 MiB in 2 s: 16 keys) rather than
 * thousands of short ones, each overshooting by the kernel's timer slack and more on a busy
 * machine: with 1 KiB keys a 4 s child took 5.5–6 s on a loaded 2-core machine, with 16 KiB keys 2 s took 3.1–3.5 s (a late wake-up per key).
 */
export const KEY_BYTES = 128 * 1024;

/** The dataset that makes an RDB of about `rdbBytes`: how many keys, and each value's size. */
export function datasetShape(rdbBytes: number): { keys: number; valueBytes: number } {
  const keys = Math.max(1, Math.min(200_000, Math.round(rdbBytes / KEY_BYTES)));
  return { keys, valueBytes: Math.max(1, Math.floor(rdbBytes / keys) - KEY_OVERHEAD) };
}

/** Deterministic incompressible text (base64 letters from xorshift32), so the RDB keeps its size. */
function valueText(seed: number, n: number): string {
  const ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let x = seed >>> 0 || 1;
  let s = "";
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    s += ALPHA[(x >>> 0) & 63];
  }
  return s;
}

/** The model's horizon (docs/scenario-format.md §2): `until`, else the last event + 2 × repl-timeout + 30 s. */
export function horizonSeconds(s: Scenario): number {
  const last = s.events.length ? (s.events[s.events.length - 1] as ScenarioEvent).at : 0;
  return s.until ?? last + 2 * s.config.replTimeout + 30;
}

async function fill(control: Control, rdbBytes: number, seed: number): Promise<number> {
  const { keys, valueBytes } = datasetShape(rdbBytes);
  const batch = 200;
  for (let k = 0; k < keys; k += batch) {
    const cmds: string[][] = [];
    for (let i = k; i < Math.min(keys, k + batch); i++) cmds.push(["SET", `data:${i}`, valueText(seed + i, valueBytes)]);
    const replies = await control.batch(cmds, 10_000);
    const bad = replies.find((r) => r.type === "error");
    if (bad) throw new RecordError(`filling the dataset: ${replyText(bad)}`);
  }
  return keys;
}

function makeDir(path: string): string {
  mkdirSync(path);
  return path;
}

async function waitFor(what: string, ms: number, test: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + ms;
  for (let i = 0; i < 1000; i++) {
    if (await test()) return;
    if (Date.now() > until) break;
    await sleep(50);
  }
  throw new RecordError(`timed out after ${ms / 1000} s waiting for ${what}`);
}

const noChild = async (c: Control) => {
  const p = infoFields(await c.text("INFO", "persistence"));
  return p.rdb_bgsave_in_progress === "0" && p.aof_rewrite_in_progress === "0";
};

export async function recordScenario(scenario: Scenario, opts: RecordOptions): Promise<Recording> {
  const progress = opts.progress ?? (() => {});
  const unsupported: Recording["unsupported"] = [];
  if (scenario.primary.rdbBytes > MAX_RECORD_RDB_BYTES) throw new RecordError(`primary.rdbBytes: at most ${MAX_RECORD_RDB_BYTES} bytes can be recorded`);
  const wantsForkFault = scenario.events.some((e) => e.type === "fork-fails");
  const forkProblem = wantsForkFault ? forkFaultProblem() : null;
  const asNobody = wantsForkFault && forkProblem === null;

  const dir = mkdtempSync(join(tmpdir(), "fullresync-rec-"));
  const started: RunningServer[] = [];
  const controls: Control[] = [];
  const tails: LogTail[] = [];
  const replicas = new Map<string, RawReplica>();
  let relay: UpstreamRelay | null = null;
  let forkFault: ForkFault | null = null;
  try {
    // A chained primary (docs/scenario-format.md §4): an upstream master of its own, reached through a relay.
    let upstream: RunningServer | null = null;
    let upstreamControl: Control | null = null;
    let slaveof: string[] = [];
    const chained = scenario.primary.role === "replica";
    if (chained && scenario.primary.upstream === "none") {
      // Never linked: a replica of a port nobody listens on, with no dataset of its own.
      slaveof = ["--slaveof", "127.0.0.1", String(await freePort())];
      unsupported.push({ what: "primary.rdbBytes", reason: "a replica that never reached its upstream has no dataset" });
    } else if (chained) {
      const upPort = await freePort();
      upstream = await startServer({ path: opts.redisServer, port: upPort, dir: makeDir(join(dir, "upstream")), options: ["--appendonly", "no"] });
      started.push(upstream);
      upstreamControl = await Control.open(upPort);
      controls.push(upstreamControl);
      progress(`upstream redis-server pid ${upstream.pid} on 127.0.0.1:${upPort}: filling ~${scenario.primary.rdbBytes} bytes`);
      await fill(upstreamControl, scenario.primary.rdbBytes, scenario.seed ?? 1);
      relay = new UpstreamRelay(upPort);
      slaveof = ["--slaveof", "127.0.0.1", String(await relay.listen())];
    }

    const primaryDir = makeDir(join(dir, "primary"));
    if (asNobody) {
      // The unprivileged server must reach its own dir through the recorder's (mkdtemp makes it 0700).
      chmodSync(dir, 0o711);
      chownSync(primaryDir, NOBODY.uid, NOBODY.gid);
    }
    const port = await freePort();
    const options = [
      "--repl-diskless-sync", scenario.config.replDisklessSync ? "yes" : "no",
      "--repl-diskless-sync-delay", String(scenario.config.replDisklessSyncDelay),
      "--repl-timeout", String(scenario.config.replTimeout),
      "--appendonly", scenario.primary.appendonly ? "yes" : "no",
      ...slaveof,
    ];
    const primary = await startServer({ path: opts.redisServer, port, dir: primaryDir, options, ...(asNobody ? { unprivileged: NOBODY } : {}) });
    started.push(primary);
    const control = await Control.open(port);
    controls.push(control);
    const version = infoFields(await control.text("INFO", "server")).redis_version ?? "unknown";
    progress(`redis-server ${version} pid ${primary.pid} on 127.0.0.1:${port}${asNobody ? ` as ${NOBODY.name}` : ""}`);

    // The dataset: written here on a master, synced from the upstream on a chained primary.
    let keys: number;
    if (chained && !upstreamControl) keys = 0;
    else if (chained && upstreamControl) {
      keys = Number(infoFields(await upstreamControl.text("INFO", "keyspace")).db0?.match(/keys=(\d+)/)?.[1] ?? 0);
      await waitFor("the primary's link to its upstream", 20_000, async () => infoFields(await control.text("INFO", "replication")).master_link_status === "up");
      if (scenario.primary.upstream === "cached" && relay) {
        await relay.lose(true);
        await waitFor("the upstream link to go down", 5000, async () => infoFields(await control.text("INFO", "replication")).master_link_status === "down");
      }
    } else {
      progress(`filling ~${scenario.primary.rdbBytes} bytes`);
      keys = await fill(control, scenario.primary.rdbBytes, scenario.seed ?? 1);
    }
    await waitFor("no child running before t = 0", 20_000, () => noChild(control));

    // A slow child: rdb-key-save-delay (µs per key) where the version has it (docs/behaviour.md §15, §20).
    const delayReply = await control.send("CONFIG", "GET", "rdb-key-save-delay");
    const hasDelay = delayReply.type === "array" && (delayReply.value?.length ?? 0) === 2;
    const delayFor = (seconds: number) => String(Math.max(0, Math.round((seconds * 1e6) / Math.max(1, keys))));
    if (hasDelay) await control.text("CONFIG", "SET", "rdb-key-save-delay", delayFor(scenario.primary.bgsaveSeconds));
    else unsupported.push({ what: "primary.bgsaveSeconds", reason: `redis-server ${version} has no rdb-key-save-delay: the child takes as long as ${keys} keys take to write` });
    unsupported.push({ what: "primary.transferBytesPerSecond", reason: "on loopback the primary sends dump.rdb as fast as the socket takes it; the rate is not reproduced" });
    if ((scenario.primary.masterReplOffset ?? 0) > 0) unsupported.push({ what: "primary.masterReplOffset", reason: "a fresh server starts at offset 0 (offsets are normalised by a comparer)" });
    if (forkProblem) unsupported.push({ what: "events fork-fails", reason: forkProblem });

    // Scripts an EVALSHA event runs are loaded first, as the format says they are (docs/scenario-format.md §6).
    const scripts = new Map<string, string>();
    for (const e of scenario.events) if (e.type === "evalsha") scripts.set(e.sha, e.script ?? DEFAULT_SCRIPT);
    const loaded = new Map<string, string>();
    for (const [sha, script] of scripts) loaded.set(sha, replyText(await control.send("SCRIPT", "LOAD", script)));

    const clock = new Clock();
    const tail = new LogTail(primary.logfile, clock);
    tails.push(tail);
    let lastChildPid: number | null = null;
    /** Writes made so far, as the model counts them (src/model/events.ts). */
    let writes = 0;
    if (asNobody) forkFault = new ForkFault(primary.pid);
    tail.onLine((e) => {
      if (!("text" in e)) return;
      const m = /started by pid (\d+)/.exec(e.text);
      if (m) lastChildPid = Number(m[1]);
      forkFault?.onLog(e.text);
    });
    tail.start();
    const upTail = upstream ? new LogTail(upstream.logfile, clock) : null;
    if (upTail) {
      tails.push(upTail);
      upTail.start();
    }

    const snapshots: SnapshotRecord[] = [];
    const snapshot = async (after: SnapshotRecord["after"]) => {
      const t = clock.now();
      const [rep, per, cl] = await control.batch([["INFO", "replication"], ["INFO", "persistence"], ["CLIENT", "LIST"]]);
      const txt = (r: typeof rep) => (r && r.type === "bulk" ? (r.value ?? "") : "");
      snapshots.push({ t, after, info: { replication: infoFields(txt(rep)), persistence: infoFields(txt(per)) }, clients: clientFields(txt(cl)) });
    };

    scenario.replicas.forEach((r, i) => {
      replicas.set(r.id, new RawReplica({ id: r.id, command: r.command, capa: [...r.capa], listeningPort: 17001 + i }, port, clock, scenario.config.replTimeout * 1000, rhythmOf(version), () => forkFault?.armed ?? false));
    });

    await snapshot("start");
    const events: Recording["events"] = [];
    const horizonMs = (opts.until ?? horizonSeconds(scenario)) * 1000;
    for (const [index, e] of scenario.events.entries()) {
      if (e.at * 1000 > horizonMs) break;
      await sleep(e.at * 1000 - clock.now());
      const t = clock.now();
      let outcome: OutcomeRecord;
      try {
        outcome = await play(e, index);
      } catch (err) {
        outcome = { status: "failed", detail: err instanceof Error ? err.message : String(err) };
      }
      events.push({ t, index, type: e.type, outcome });
      if (outcome.status === "unsupported") unsupported.push({ what: `events[${index}] ${e.type}`, reason: outcome.detail });
      progress(`${(t / 1000).toFixed(3)} s  ${e.type}: ${outcome.status} — ${outcome.detail}`);
      await snapshot(index);
    }

    async function play(e: ScenarioEvent, index: number): Promise<OutcomeRecord> {
      const done = (detail: string): OutcomeRecord => ({ status: "done", detail });
      switch (e.type) {
        case "connect": {
          const r = replicas.get(e.replica) as RawReplica;
          if (r.connected) return { status: "skipped", detail: "already connected" };
          return done(await r.connect(e.pipelined ?? false));
        }
        case "disconnect": {
          const r = replicas.get(e.replica) as RawReplica;
          if (!r.connected) return { status: "skipped", detail: "not connected" };
          return done(r.disconnect());
        }
        case "replica-set":
          (replicas.get(e.replica) as RawReplica).set({ ...(e.capa ? { capa: [...e.capa] } : {}), ...(e.command ? { command: e.command } : {}) });
          return done("the next connection announces the new settings");
        case "fork-fails":
          if (!forkFault) return { status: "unsupported", detail: forkProblem ?? "no fork fault" };
          return forkFault.arm(e.errno ?? "EAGAIN");
        case "kill-child":
          return killChild(control, primary.pid, lastChildPid, e.mode ?? "sigkill");
        case "aof-rewrite": {
          if (hasDelay) await control.text("CONFIG", "SET", "rdb-key-save-delay", delayFor(e.duration ?? 3));
          const reply = replyText(await control.send("BGREWRITEAOF"));
          // The child has its own copy of the setting from the fork on: the next BGSAVE gets its own again.
          if (hasDelay) await control.text("CONFIG", "SET", "rdb-key-save-delay", delayFor(scenario.primary.bgsaveSeconds));
          const timed = hasDelay ? `rdb-key-save-delay for ~${e.duration ?? 3} s` : "no rdb-key-save-delay: the rewrite takes as long as it takes";
          return { status: reply.startsWith("-") ? "failed" : "done", detail: `BGREWRITEAOF → ${reply} (${timed})` };
        }
        case "bgsave": {
          const reply = replyText(await control.send("BGSAVE"));
          return { status: reply.startsWith("-") ? "failed" : "done", detail: `BGSAVE → ${reply}` };
        }
        case "upstream-lost":
          if (!relay) return { status: "skipped", detail: chained ? "the primary has no live upstream link" : "the primary is not a replica" };
          return relay.lose(e.cached ?? false);
        case "write": {
          const count = e.count ?? 1;
          // The same keys and values as the model's writes: `SET key:<n> <n>`, n counting every
          // write of the run from 1 (src/model/events.ts), so the stream compares byte for byte.
          const cmds = Array.from({ length: count }, () => (writes++, ["SET", `key:${writes}`, String(writes)]));
          const replies = await control.batch(cmds);
          const errors = replies.filter((r) => r.type === "error");
          return errors.length ? { status: "failed", detail: `${errors.length} of ${count} SETs refused: ${replyText(errors[0] as never)}` } : done(`${count} SET`);
        }
        case "evalsha": {
          const reply = replyText(await control.send("EVALSHA", e.sha, "0"));
          const sha = loaded.get(e.sha);
          const note = sha && sha !== e.sha ? ` (SCRIPT LOAD of its script gave ${sha})` : "";
          return { status: reply.startsWith("-") ? "failed" : "done", detail: `EVALSHA → ${reply}${note}` };
        }
        case "config-set": {
          const sets: string[] = [];
          if (e.replDisklessSync !== undefined) sets.push("repl-diskless-sync", e.replDisklessSync ? "yes" : "no");
          if (e.replDisklessSyncDelay !== undefined) sets.push("repl-diskless-sync-delay", String(e.replDisklessSyncDelay));
          if (!sets.length) return { status: "skipped", detail: "nothing to set" };
          const out: string[] = [];
          for (let k = 0; k < sets.length; k += 2) out.push(`${sets[k]} ${sets[k + 1]} → ${replyText(await control.send("CONFIG", "SET", sets[k] as string, sets[k + 1] as string))}`);
          return done(out.join("; "));
        }
      }
    }

    // The end: once every replica is settled and no child runs for settleMs, or at the horizon.
    const settleMs = opts.settleMs ?? 2000;
    let quietSince: number | null = null;
    let reason: "settled" | "horizon" = "horizon";
    for (let i = 0; i < 1_000_000 && clock.now() < horizonMs; i++) {
      const quiet = [...replicas.values()].every((r) => r.settled) && (await noChild(control));
      const now = clock.now();
      quietSince = quiet ? (quietSince ?? now) : null;
      if (quietSince !== null && now - quietSince >= settleMs) {
        reason = "settled";
        break;
      }
      await sleep(Math.min(100, horizonMs - now));
    }
    const end = { t: clock.now(), reason };
    await snapshot("end");
    for (const r of replicas.values()) r.stop();
    await sleep(50);
    for (const t of tails) await t.stop();

    // The temp dir differs on every run and names this machine: the recording says <tmp> (§3).
    const serverRecord = (s: RunningServer, v: string): ServerRecord => ({ version: v, path: s.path, args: s.args.map((a) => a.split(dir).join("<tmp>")), pid: s.pid, port: s.port, user: s.user });
    const recording: Recording = {
      format: RECORDING_FORMAT,
      scenario,
      server: serverRecord(primary, version),
      upstream: upstream ? serverRecord(upstream, version) : null,
      t0: new Date(clock.wallT0).toISOString(),
      end,
      log: tail.entries,
      upstreamLog: upTail?.entries ?? [],
      replicas: Object.fromEntries([...replicas].map(([id, r]) => [id, { connections: r.connections }])),
      snapshots,
      events,
      unsupported,
    };
    return recording;
  } finally {
    for (const r of replicas.values()) r.stop();
    try {
      forkFault?.disarm();
    } catch {
      // the server is gone, and its limit with it
    }
    for (const t of tails) await t.stop().catch(() => {});
    for (const c of controls) c.close();
    relay?.close();
    for (const s of started.reverse()) await stopServer(s);
    rmSync(dir, { recursive: true, force: true });
  }
}
