/**
 * One normalised observation of a run (docs/architecture.md §21): what a model trace and a
 * recording of a real redis-server (docs/recording-format.md) are both turned into before they are
 * compared. What differs from run to run and does not belong to the behaviour — pids, replication
 * ids, `$EOF:` marks, the recorder's local ports, temp file names, wall-clock times, the lines a
 * real server prints that the model does not claim to model — is normalised here, by explicit
 * rules, each with its reason. Times are kept as whole seconds since t = 0; compare.ts decides how
 * close two of them must be.
 */

export type ObsLine = { s: number; role: string; level: string; text: string };
export type ObsWire = { s: number; text: string };
export type ObsConnection = { s: number; wire: ObsWire[]; closed: { s: number; by: "primary" | "replica" } | null };

export type Observation = {
  /** The primary's log lines, kept and normalised, in order. */
  log: ObsLine[];
  /** The target of each BGSAVE started for replication, in order (from `Starting BGSAVE for SYNC with target: …`). */
  bgsaves: ("disk" | "socket")[];
  /** Per scenario replica id: its connections in order, each with its wire. */
  replicas: Record<string, ObsConnection[]>;
  /** Per scenario replica id: its state as the primary's INFO words it at the end (`online`, `wait_bgsave`, `send_bulk`) or `gone`. */
  final: Record<string, string>;
};

/** Whole seconds since t = 0: the replication cron's granularity (docs/behaviour.md §9). */
export const sec = (ms: number): number => Math.floor(ms / 1000);

/**
 * Lines only a real server prints and the model does not claim to model, dropped from a
 * recording's log before comparing. An explicit list: a line is dropped only if one of these
 * matches it whole, and each says why.
 */
export const REAL_ONLY_LINES: readonly { re: RegExp; level?: string; why: string }[] = [
  { re: /^Accepted \d+\.\d+\.\d+\.\d+:\d+$/, why: "a client connection accepted (verbose): the model has no accept step" },
  { re: /^Client closed connection\b.*/, why: "a connection's end with its CLIENT LIST fields (verbose); the close itself is compared on the wire" },
  { re: /^DB \d+: \d+ keys \(\d+ volatile\) in \d+ slots HT\.$/, why: "serverCron's 5-second keyspace report (verbose): not replication" },
  { re: /^\d+ clients connected \(\d+ replicas\), \d+ bytes in use$/, why: "serverCron's 5-second client count (verbose)" },
  { re: /^Fork CoW for (RDB|AOF rewrite|AOF): current \d+ MB, peak \d+ MB, average \d+ MB$/, level: "verbose", why: "only at verbose level: the child's copy-on-write progress, once a second while it runs (7.0.15 childinfo.c 99–102); the notice-level line at its end is compared" },
  { re: /^Background AOF rewrite signal handler took \d+us$/, level: "verbose", why: "how long the rewrite's end took the parent (verbose, 7.0.15 aof.c backgroundRewriteDoneHandler)" },
  { re: /^Loading RDB produced by version .*/, why: "an RDB loaded at startup: the model starts with the dataset in memory" },
  { re: /^RDB age \d+ seconds$/, why: "an RDB loaded at startup" },
  { re: /^RDB memory usage when created .*/, why: "an RDB loaded at startup" },
  { re: /^Done loading RDB, keys loaded: .*/, why: "an RDB loaded at startup" },
  { re: /^DB loaded from (disk|append only file): .*/, why: "an RDB loaded at startup" },
  { re: /^Ready to accept connections( tcp)?$/, why: "the startup banner" },
];

/** Whether a real server's line is one the comparison drops (REAL_ONLY_LINES); only verbose lines and the startup's are listed. */
export function realOnly(text: string, level: string): boolean {
  return REAL_ONLY_LINES.some((r) => (r.level === undefined || r.level === level) && r.re.test(text));
}

/**
 * Normalises what differs between any two runs inside a log line: pids (`<pid1>` in order of first
 * appearance, the primary's own first), replication ids (`<id1>`, the all-zero id kept), replica
 * addresses (`127.0.0.1:<port>` → `<r1>`, through `ports`), temp file names, copy-on-write amounts
 * (memory use is not modelled).
 */
export class Normaliser {
  private pids = new Map<number, string>();
  private ids = new Map<string, string>();
  constructor(private readonly ports: Map<number, string>) {}

  pid(p: number): string {
    let name = this.pids.get(p);
    if (!name) this.pids.set(p, (name = `<pid${this.pids.size + 1}>`));
    return name;
  }

  id(hex: string): string {
    if (/^0{40}$/.test(hex)) return hex;
    let name = this.ids.get(hex);
    if (!name) this.ids.set(hex, (name = `<id${this.ids.size + 1}>`));
    return name;
  }

  text(text: string): string {
    return text
      // A chained primary's upstream: the model's `masterhost:6379`, the recorder's relay on loopback (docs/recording-format.md §6).
      .replace(/^(Connecting to MASTER|Reconnecting to MASTER|MASTER <-> (?:REPLICA|SLAVE) sync: Master accepted a Partial Resynchronization\.|Trying a partial resynchronization) \S+:\d+/, "$1 <upstream>")
      // The CLIENT LIST fields of a client a protocol error names (fds, ages, buffer sizes): not modelled.
      .replace(/^(Protocol error \([^)]*\) from client: ).*?(\. Query buffer during protocol error: .*)?$/, (_, a: string, b: string | undefined) => `${a}<client>${b ?? ""}`)
      .replace(/\b[0-9a-f]{40}\b/g, (h) => this.id(h))
      .replace(/\b127\.0\.0\.1:(\d+)\b/g, (all, p: string) => this.ports.get(Number(p)) ?? "<addr>")
      .replace(/\bpid (\d+)\b/g, (_, p: string) => `pid ${this.pid(Number(p))}`)
      .replace(/\btemp-(rewriteaof-bg-|rewriteaof-)?(\d+)\.(rdb|aof)\b/g, (_, k: string | undefined, p: string, ext: string) => `temp-${k ?? ""}${this.pid(Number(p))}.${ext}`)
      .replace(/\b(current|peak|average) \d+ MB\b/g, "$1 <n> MB")
      .replace(/^RDB: \d+ MB of memory used by copy-on-write$/, "RDB: <n> MB of memory used by copy-on-write")
      .replace(/^AOF rewrite: \d+ MB of memory used by copy-on-write$/, "AOF rewrite: <n> MB of memory used by copy-on-write")
      .replace(/\b(Concatenating|Residual parent diff successfully flushed to the rewritten AOF \() [\d.]+ MB\b/g, "$1 <n> MB")
      .replace(/\b\d+ bytes\b/g, "<n> bytes");
  }
}

/** The BGSAVE targets a log shows, in order. */
export function bgsavesOf(log: readonly ObsLine[]): ("disk" | "socket")[] {
  const out: ("disk" | "socket")[] = [];
  for (const l of log) {
    const m = /^Starting BGSAVE for SYNC with target: (disk|replicas sockets|slaves sockets)/.exec(l.text);
    if (m) out.push(m[1] === "disk" ? "disk" : "socket");
  }
  return out;
}

/** `+FULLRESYNC <replid> <offset>` with the replid normalised; other lines as they are. */
export function wireLine(text: string, n: Normaliser): string {
  const full = /^\+FULLRESYNC (\S+) (\d+)$/.exec(text);
  return full ? `+FULLRESYNC ${n.id(full[1] as string)} ${full[2]}` : n.text(text);
}

/** Runs of keep-alive newlines become one entry `\n×k` (timed by the first), so that counts are compared. */
export function countKeepAlives(wire: ObsWire[]): ObsWire[] {
  const out: ObsWire[] = [];
  for (const w of wire) {
    const last = out[out.length - 1];
    if (w.text === "\n" && last && /^\\n×\d+$/.test(last.text)) last.text = `\\n×${Number(last.text.slice(3)) + 1}`;
    else out.push(w.text === "\n" ? { s: w.s, text: "\\n×1" } : w);
  }
  return out;
}
