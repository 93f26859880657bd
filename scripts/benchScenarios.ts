/**
 * The scenarios npm run bench measures (scripts/bench.ts), apart from it so that tests can check
 * them too: the largest of them are the work bound's reference (docs/scenario-format.md §10).
 */
import type { Scenario, ScenarioEvent } from "../src/scenarios/schema";

/** N replicas, 2,000 events: every replica connects, then writes, EVALSHAs and a few faults. */
export function benchScenario(replicas: number, events = 2000, diskless = true): Scenario {
  const evs: ScenarioEvent[] = [];
  for (let i = 0; i < events; i++) {
    const at = Math.round(i * 50) / 1000;
    if (i < replicas) evs.push({ at, type: "connect", replica: `r${i + 1}` });
    else if (i % 97 === 0) evs.push({ at, type: "evalsha", sha: "977fbd4a4958e03b169e1ee1daad5f92589cd641" });
    else if (i === replicas + 400) evs.push({ at, type: "fork-fails", errno: "EAGAIN" });
    else evs.push({ at, type: "write", count: 1 });
  }
  return {
    format: "fullresync-lab/scenario@1",
    redis: "4.0.14",
    id: `bench-${replicas}`,
    title: { en: `${replicas} replicas`, zh: `${replicas} 个从节点` },
    summary: { en: "Benchmark scenario.", zh: "基准测试场景。" },
    config: { replDisklessSync: diskless, replDisklessSyncDelay: 5, replTimeout: 60 },
    primary: { role: "master", rdbBytes: 1 << 20, bgsaveSeconds: 2, transferBytesPerSecond: 8 << 20 },
    replicas: Array.from({ length: replicas }, (_, i) => ({
      id: `r${i + 1}`,
      capa: i % 7 === 3 ? (["psync2"] as "psync2"[]) : (["eof", "psync2"] as ("eof" | "psync2")[]),
      command: "PSYNC" as const,
    })),
    events: evs,
  };
}

/** `replicas` connect, then `kills` kill-child events a second apart: each kill drops every waiting replica, which reconnects. */
export function churnScenario(replicas: number, kills: number): Scenario {
  const base = benchScenario(replicas, 0, false);
  return {
    ...base,
    id: `churn-${replicas}-${kills}`,
    primary: { ...base.primary, bgsaveSeconds: 2 },
    events: [
      ...Array.from({ length: replicas }, (_, i) => ({ at: i / 1000, type: "connect" as const, replica: `r${i + 1}` })),
      ...Array.from({ length: kills }, (_, i) => ({ at: 1 + i, type: "kill-child" as const })),
    ],
  };
}

