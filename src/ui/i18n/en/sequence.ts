/**
 * Words of the Messages view, the sequence diagram of the whole sync (src/ui/sequence). They load
 * with it; the "Picture | Messages" switch itself is in page.ts. The protocol's own text
 * (`+FULLRESYNC`, `PSYNC ? -1`, `$EOF:`, `REPLCONF ACK`) is Redis's and is not translated. This
 * English object is the type (`SequenceDict`); zh/sequence.ts satisfies it key for key.
 */

export const sequenceEn = {
  region: "Messages",
  title: "Sequence diagram of the sync: the forked child, the primary and the replicas as lanes, time running downwards",
  desc: (lanes: string, messages: number) => `${messages} messages between ${lanes}. Choose one to go to its moment.`,
  hint: "Click a message to go there · ↑ ↓ move",
  empty: "Nothing has been sent yet in this run.",
  exportSvg: "Export messages as SVG",
  exportFailed: (why: string) => `The messages could not be exported: ${why}`,
  lanes: {
    child: "child",
    primary: "primary",
    /** A group lane: the state its replicas end in, and how many. */
    group: (state: string, n: number) => `${state} ×${n}`,
    notConnected: "not connected",
    more: (n: number) => `+${n}`,
    time: "t (s)",
  },
  // What an arrow says when it is not the protocol's own text
  fork: (pid: number) => `fork() → ${pid}`,
  forkFailed: (errno: string) => `fork() failed: ${errno}`,
  exit: {
    done: (code: number) => `exit ${code}`,
    failed: (code: number) => `exit ${code} (error)`,
    killed: (signal: number) => `killed (signal ${signal})`,
  },
  close: {
    timeout: "closes: timeout",
    disconnect: "closes the connection",
    childFailed: "closes: the child failed",
    tryLater: "closes, retries later",
    gaveUp: "closes, gives up",
  },
  rdb: (size: string, mark: boolean) => `RDB ${size}${mark ? " + end mark" : ""}`,
  queued: "queued, never sent",
  stillQueued: "still queued at the end",
  /** An error reply that stays queued: 4.0.14 never writes it (docs/behaviour.md §8). */
  queuedWhy: "4.0.14 never writes it; 5.0.5 does",
  /** How many replicas one arrow to a group stands for. */
  replicas: (n: number) => `(${n})`,
  // Accessible names
  arrowName: (label: string, from: string, to: string, at: string) => `${label} ${from} → ${to} at t = ${at} s`,
  runName: (label: string, from: string, to: string, at: string, until: string) => `${label} ${from} → ${to} from t = ${at} s to ${until} s`,
  toReplicas: (n: number) => `, to ${n} replicas`,
  fromReplicas: (n: number) => `, from ${n} replicas`,
  connection: (n: number) => `, connection ${n}`,
  // Waits and the children's lives
  bands: {
    delay: (s: number) => (s > 0 ? `diskless delay ${s} s` : "delay 0: next cron run"),
    aofWait: "waiting for the AOF rewrite",
    transfer: "RDB transfer",
    ackWait: "waiting for REPLCONF ACK",
    silence: "silence: nothing arrives",
  },
  child: { "rdb-disk": "BGSAVE → disk", "rdb-socket": "BGSAVE → sockets", aof: "AOF rewrite" },
  childBar: (what: string, pid: number) => `${what} · ${pid}`,
  childEnd: { done: "exited", failed: "failed", killed: "killed", running: "still running" },
  childName: (what: string, end: string, from: string, to: string) => `${what}, ${end}, t = ${from} s to ${to} s`,
  bandName: (what: string, lane: string, from: string, to: string) => `${what} on ${lane}, t = ${from} s to ${to} s`,
  /** A wait still going on at the cursor while a question hides what follows. */
  bandOpen: (what: string, lane: string, from: string) => `${what} on ${lane}, from t = ${from} s`,
  /** Under the cursor line while a prediction question waits for its answer. */
  veiled: "The rest appears once you answer the question.",
  /** A long idle gap cut short. */
  gap: (s: string) => `+${s} s`,
  gapName: (s: string) => `${s} s with nothing sent`,
  now: "now",
  legend: {
    label: "Legend",
    control: "commands and replies",
    disk: "disk transfer",
    socket: "socket transfer",
    stream: "replication stream",
    process: "fork and exit",
    error: "error",
  },
};

export type SequenceDict = typeof sequenceEn;
