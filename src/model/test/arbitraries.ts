/** fast-check generators for server descriptions and whole scenarios. */
import fc from "fast-check";
import type { Scenario, ScenarioEvent } from "../../scenarios/schema";
import { SCENARIO_FORMAT } from "../../scenarios/schema";
import type { ServerDesc } from "../index";

const hex40 = fc.stringMatching(/^[0-9a-f]{40}$/);

export const arbDesc: fc.Arbitrary<ServerDesc> = fc
  .record({
    diskless: fc.boolean(),
    delay: fc.integer({ min: 0, max: 10 }),
    role: fc.constantFrom("master" as const, "replica" as const),
    hasBacklog: fc.boolean(),
    upstream: fc.constantFrom("linked" as const, "cached" as const, "none" as const),
    replid: hex40,
    offset: fc.integer({ min: 0, max: 1_000_000 }),
    slaveseldb: fc.integer({ min: -1, max: 15 }),
    child: fc.constantFrom("none" as const, "none" as const, "rdb-disk" as const, "rdb-socket" as const, "aof" as const),
    forkFails: fc.boolean(),
    replicas: fc.array(
      fc.record({
        replstate: fc.constantFrom("WAIT_BGSAVE_START" as const, "WAIT_BGSAVE_START" as const, "WAIT_BGSAVE_END" as const, "SEND_BULK" as const, "ONLINE" as const),
        eof: fc.boolean(),
        psync2: fc.boolean(),
        oldSync: fc.boolean(),
      }),
      { maxLength: 6 },
    ),
  })
  .map((r) => ({
    config: { replDisklessSync: r.diskless, replDisklessSyncDelay: r.delay },
    role: r.role,
    ...(r.role === "master" ? { hasBacklog: r.hasBacklog } : { upstream: r.upstream }),
    replid: r.replid,
    masterReplOffset: r.offset,
    slaveseldb: r.slaveseldb,
    child: r.child,
    faults: { forkFails: r.forkFails },
    replicas: r.replicas.map((x, i) => ({
      id: `r${i + 1}`,
      replstate: x.replstate,
      capa: { eof: x.eof, psync2: x.psync2 },
      oldSync: x.oldSync,
    })),
  }));

/** mincapa as the callers compute it: the AND over WAIT_BGSAVE_START replicas (-1 if none). */
export function callerMincapa(desc: ServerDesc): number {
  let m = -1;
  for (const r of desc.replicas) {
    if (r.replstate !== "WAIT_BGSAVE_START") continue;
    const c = (r.capa.eof ? 1 : 0) | (r.capa.psync2 ? 2 : 0);
    m = m === -1 ? c : m & c;
  }
  return m;
}

const SHAS = ["977fbd4a4958e03b169e1ee1daad5f92589cd641", "a42059b356c875f0717db19a51f6aaca9ae659ea"];

export const arbScenario: fc.Arbitrary<Scenario> = fc
  .record({
    diskless: fc.boolean(),
    delay: fc.integer({ min: 0, max: 6 }),
    timeout: fc.integer({ min: 3, max: 15 }),
    replicaRole: fc.boolean(),
    rdbBytes: fc.integer({ min: 1024, max: 600_000 }),
    bgsave: fc.integer({ min: 1, max: 40 }).map((x) => x / 10),
    rate: fc.integer({ min: 256 * 1024, max: 8 * 1024 * 1024 }),
    replicas: fc.array(
      fc.record({ eof: fc.boolean(), psync2: fc.boolean(), sync: fc.boolean() }),
      { minLength: 1, maxLength: 5 },
    ),
    events: fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 200 }).map((x) => x / 10),
        kind: fc.constantFrom("connect", "connect", "connect", "disconnect", "fork-fails", "kill-child", "aof-rewrite", "bgsave", "write", "evalsha", "upstream-lost"),
        who: fc.nat(),
        n: fc.integer({ min: 1, max: 3 }),
      }),
      { maxLength: 14 },
    ),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .map((r) => {
    const replicas = r.replicas.map((x, i) => ({
      id: `r${i + 1}`,
      capa: x.sync ? [] : ([...(x.eof ? ["eof"] : []), ...(x.psync2 ? ["psync2"] : [])] as ("eof" | "psync2")[]),
      command: x.sync ? ("SYNC" as const) : ("PSYNC" as const),
    }));
    const events: ScenarioEvent[] = [...r.events]
      .sort((a, b) => a.at - b.at)
      .map((e): ScenarioEvent => {
        const replica = `r${(e.who % replicas.length) + 1}`;
        switch (e.kind) {
          case "connect":
            return e.who % 11 === 0 ? { at: e.at, type: "connect", replica, pipelined: true } : { at: e.at, type: "connect", replica };
          case "disconnect":
            return { at: e.at, type: "disconnect", replica };
          case "fork-fails":
            return { at: e.at, type: "fork-fails", errno: e.n === 1 ? "ENOMEM" : "EAGAIN" };
          case "kill-child":
            return { at: e.at, type: "kill-child", mode: e.n === 2 ? "exit-error" : "sigkill" };
          case "aof-rewrite":
            return { at: e.at, type: "aof-rewrite", duration: e.n };
          case "bgsave":
            return { at: e.at, type: "bgsave" };
          case "write":
            return { at: e.at, type: "write", count: e.n };
          case "evalsha":
            return { at: e.at, type: "evalsha", sha: SHAS[e.n % 2] as string };
          default:
            return { at: e.at, type: "upstream-lost", cached: e.n === 1 };
        }
      });
    const last = events.length ? (events[events.length - 1] as { at: number }).at : 0;
    const s: Scenario = {
      format: SCENARIO_FORMAT,
      redis: "4.0.14",
      id: "generated",
      title: { en: "generated", zh: "生成" },
      summary: { en: "generated", zh: "生成" },
      seed: r.seed,
      until: last + 3 * r.timeout + 12,
      config: { replDisklessSync: r.diskless, replDisklessSyncDelay: r.delay, replTimeout: r.timeout },
      primary: {
        role: r.replicaRole ? "replica" : "master",
        ...(r.replicaRole ? { upstream: "linked" as const } : {}),
        rdbBytes: r.rdbBytes,
        bgsaveSeconds: r.bgsave,
        transferBytesPerSecond: r.rate,
      },
      replicas,
      events,
    };
    return s;
  });
