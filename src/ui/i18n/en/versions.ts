/**
 * Words of the "What changed" view: startBgsaveForReplication across Redis versions (src/ui/versions).
 * They load with it. Code, log texts and commit subjects are Redis's own and are not translated.
 * This English object is the type (`VersionsDict`); zh/versions.ts satisfies it key for key.
 */
export const versionsEn = {
  menuItem: "What changed across Redis versions",
  title: "What changed in startBgsaveForReplication",
  intro:
    "The function this lab teaches is Redis 4.0.14's. Here it is beside the next version the lab has, with every changed hunk, the commit behind it and what it changes for a replica. The lab runs 4.0.14; 5.0.5 runs from the command line so far (npm run trace -- --redis 5.0.5).",
  pair: "Versions",
  pairOption: (from: string, to: string) => `${from} → ${to}`,
  table: (from: string, to: string) => `startBgsaveForReplication in Redis ${from} and ${to}, side by side`,
  older: (v: string) => `Redis ${v}`,
  newer: (v: string) => `Redis ${v}`,
  line: "line",
  removed: "only in the older text",
  added: "only in the newer text",
  changed: "changed",
  kind: { behaviour: "behaviour", log: "log text", comment: "comment", annotation: "the lab's note" } as Record<"behaviour" | "log" | "comment" | "annotation", string>,
  hunk: (n: number, of: number) => `Change ${n} of ${of}`,
  commits: "Commits",
  noCommit: "Not in Redis: the lab's own annotation of the taught text.",
  callees: "Changes in what the function calls",
  source: (first: number, last: number) => `src/replication.c lines ${first}–${last}`,
  compare: {
    title: (t: string) => `This scenario from this moment (t = ${t} s), on both versions`,
    intro: "The next happenings of each run: what the primary and the replicas logged, and what reached each socket (Redis's own text).",
    computing: (v: string) => `Running the scenario on Redis ${v}…`,
    failed: (why: string) => `The run could not be computed: ${why}`,
    notModelled: (v: string) => `Redis ${v} is here as far as its function: the server around it is not modelled yet, so it cannot run a scenario.`,
    scripts: (v: string) => `This scenario sends EVALSHA; Redis ${v} replicates a script's effects instead, which the lab does not model, so it runs on 4.0.14 only.`,
    maxReplicas: (v: string) => `This scenario sets repl-diskless-sync-max-replicas, which exists from Redis 7.0 only, so it cannot run on ${v}.`,
    run: (v: string) => `The run on Redis ${v}`,
    at: (t: string) => `t = ${t} s`,
    wire: (key: string) => `→ ${key}`,
    nothing: "Nothing more happens.",
  },
  loading: "Loading the texts…",
  failed: (why: string) => `The texts could not be loaded: ${why}`,
  close: "Close",
};

export type VersionsDict = typeof versionsEn;
