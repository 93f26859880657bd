/**
 * Words of the sandbox and the "what if" probe. They load with those panels, so the first screen
 * does not carry them. This English object is the type (`ToolsDict`); zh/tools.ts satisfies it
 * key for key.
 */

export type Capa = ("eof" | "psync2")[];

const capaText = (c: Capa) => (c.length ? c.join(" ") : "none");

/** One field's problem, in words that name the field. */
const errors = {
  required: (f: string) => `${f}: please fill this in.`,
  integer: (f: string, min: number, max: number) => `${f}: a whole number from ${min} to ${max}.`,
  number: (f: string, min: number, max: number) => `${f}: a number from ${min} to ${max}.`,
  id: (f: string) => `${f}: 1–32 letters, digits, '-' or '_', starting with a letter.`,
  idTaken: (f: string, id: string) => `${f}: a replica named "${id}" already exists.`,
  /** Adding several: the id must end in a number to count on from. */
  idNumbered: (f: string) => `${f}: to add several, end the id in a number (r5 gives r5, r6, …).`,
  sha: (f: string) => `${f}: 40 hexadecimal digits (0–9, a–f).`,
};

export const toolsEn = {
  sandbox: {
    title: "Sandbox",
    close: "Close sandbox",
    intro: "Change one thing at this moment. Everything before it stays as it was; the future is computed again.",
    /** "At frame 4 (t = 0.250 s); changes take effect at t = 0.251 s." */
    where: (f: number, t: string, e: string) => `At frame ${f} (t = ${t} s). Changes take effect at t = ${e} s.`,
    pastEnd: (u: string) => `This scenario stops at t = ${u} s, so changes after that moment will not show.`,
    added: "Edit added. Step forward to see what changes.",
    sections: { add: "Add a replica", replicas: "Change a replica", config: "Configuration (CONFIG SET)", faults: "Inject a fault", edits: "Your edits" },
    fields: {
      id: "Replica id",
      capa: "Capabilities",
      eof: "capa eof",
      psync2: "capa psync2",
      command: "Command",
      replica: "Replica",
      diskless: "repl-diskless-sync",
      delay: "repl-diskless-sync-delay (seconds)",
      fault: "Fault",
      errno: "fork() error",
      mode: "How it ends",
      duration: "Rewrite duration (seconds)",
      cached: "Keep a cached master (clean drop)",
      count: "Number of writes",
      /** How many replicas the add form adds at once. */
      howMany: "How many",
      sha: "Script SHA1",
    },
    commandOptions: { PSYNC: "PSYNC ? -1 (a Redis replica)", SYNC: "SYNC (old client, e.g. redis-cli --slave)" },
    modeOptions: { sigkill: "killed with SIGKILL (kill -9)", "exit-error": "exits with an error (e.g. disk full)" },
    faults: {
      "fork-fails": "Next fork fails",
      "kill-child": "BGSAVE child is killed",
      "aof-rewrite": "AOF rewrite starts",
      "upstream-lost": "Upstream master link lost",
      disconnect: "A replica disconnects",
      write: "Writes on the primary",
      evalsha: "EVALSHA on the primary",
    },
    hints: {
      noChild: "No child is running at this frame, so there is nothing to kill yet.",
      childRunning: (k: string) => `A child is running now (${k}).`,
      upstreamOnlyReplica: "Only a primary that is itself a replica has an upstream link; this one is a master.",
      upstreamDown: "The upstream link is already down at this frame.",
      notConnected: (id: string) => `${id} is not connected at this frame.`,
      nextConnection: "Takes effect the next time it connects (after a disconnect or a timeout).",
      noReplicas: "No replicas in this scenario yet.",
      faultWhat: {
        "fork-fails": "The next fork() returns an error: the BGSAVE cannot start.",
        "kill-child": "The running RDB child stops without finishing its file or stream.",
        "aof-rewrite": "A BGREWRITEAOF child starts; an RDB child cannot run beside it.",
        "upstream-lost": "This instance loses its own master: rdbPopulateSaveInfo returns NULL unless it is cached.",
        disconnect: "The replica closes its connection.",
        write: "Clients write to the primary: the offset grows, waiting replicas buffer the stream.",
        evalsha: "A script runs by SHA1; it is propagated as EVAL unless replicas know it.",
      },
    },
    state: (id: string, s: string) => `${id}: ${s}`,
    actions: {
      add: (n: number) => (n > 1 ? `Connect ${n} replicas` : "Connect it"),
      disconnect: "Disconnect",
      applyNext: "Change its next connection",
      configSet: "CONFIG SET",
      inject: "Inject",
      undo: "Undo edit",
      undoTitle: "Undo the last edit",
      discard: "Discard all edits",
    },
    noEdits: "No edits yet: this is the scenario as written.",
    errors,
    /** What an edit does, in words (the sandbox's list of edits). */
    edit: {
      addReplica: (id: string, c: Capa, cmd: string) => `add replica ${id} (${cmd}, capa ${capaText(c)}), which connects`,
      addReplicas: (first: string, last: string, n: number, c: Capa, cmd: string) => `add ${n} replicas ${first}–${last} (${cmd}, capa ${capaText(c)}), which connect at once`,
      connect: (id: string) => `${id} connects`,
      disconnect: (id: string) => `${id} disconnects`,
      replicaSet: (id: string, c: Capa | undefined, cmd: string | undefined) =>
        `${id}'s next connection: ${[c ? `capa ${capaText(c)}` : "", cmd ?? ""].filter(Boolean).join(", ")}`,
      configSet: (d: boolean | undefined, delay: number | undefined) =>
        `CONFIG SET ${[d === undefined ? "" : `repl-diskless-sync ${d ? "yes" : "no"}`, delay === undefined ? "" : `repl-diskless-sync-delay ${delay}`].filter(Boolean).join(", ")}`,
      forkFails: (e: string) => `the next fork fails (${e})`,
      killChild: (m: "sigkill" | "exit-error"): string => (m === "sigkill" ? "the child is killed (SIGKILL)" : "the child exits with an error"),
      aofRewrite: (s: number | undefined) => `an AOF rewrite starts${s === undefined ? "" : ` (${s} s)`}`,
      bgsave: "a user runs BGSAVE",
      upstreamLost: (c: boolean): string => (c ? "the upstream link drops (master cached)" : "the upstream link is lost (not cached)"),
      write: (n: number) => `${n} write${n === 1 ? "" : "s"} on the primary`,
      evalsha: (sha: string) => `EVALSHA ${sha.slice(0, 8)}…`,
      at: (s: string) => `t = ${s} s`,
    },
  },
  probe: {
    title: "What if: one call to startBgsaveForReplication",
    close: "Close what if",
    intro: "Set up a primary frozen at one instant, call the function once with the same model code, and step through it line by line.",
    inputs: "The primary before the call",
    sections: { config: "Configuration", role: "Role", replicas: "Replicas (server.slaves, in order)", faults: "Faults", mincapa: "mincapa (the argument)", run: "The call" },
    fields: {
      diskless: "repl-diskless-sync",
      delay: "repl-diskless-sync-delay (seconds)",
      role: "Role",
      master: "master",
      replica: "replica of another master",
      backlog: "has a replication backlog",
      upstream: "Upstream link",
      offset: "master_repl_offset",
      forkFails: "fork() fails",
      child: "A child already running",
      replstate: "replstate",
      eof: "capa eof",
      psync2: "capa psync2",
      oldSync: "old SYNC",
      override: "Override",
    },
    upstreamOptions: { linked: "linked (server.master)", cached: "cached (server.cached_master)", none: "none (lost, not cached)" },
    childOptions: { none: "none", "rdb-disk": "RDB to disk", "rdb-socket": "RDB to sockets", aof: "AOF rewrite" },
    unreachable: "Unreachable from 4.0.14's callers (§17): every caller checks for a child first.",
    rsi: (a: boolean): string => (a ? "rdbPopulateSaveInfo will return &rsi." : "rdbPopulateSaveInfo will return NULL (no replication info)."),
    mincapaComputed: (v: number, b: string) => `As the callers compute it (AND of the WAIT_BGSAVE_START replicas' capabilities): ${v} (${b}).`,
    mincapaNoneWaiting: "No replica waits in WAIT_BGSAVE_START, so no caller would call the function now; the AND of nothing is -1 (all bits).",
    addReplica: "Add a replica",
    removeReplica: (id: string) => `Remove ${id}`,
    replicaLegend: (id: string) => `Set up ${id}`,
    replicaAtLine: (id: string) => `${id} at this line`,
    run: "Run the call",
    rerunHint: "Change the inputs, then run again.",
    stale: "The inputs changed since this run; run again to see their effect.",
    result: (r: number) => `Returned ${r === 0 ? "C_OK (0)" : "C_ERR (-1)"}.`,
    /** "Line 3 of 17" */
    position: (s: number, t: number) => (s === 0 ? `Before the call (${t} lines ran)` : `Line ${s} of ${t}`),
    before: "Before the call",
    prev: "Previous line",
    next: "Next line",
    first: "Back to the start",
    last: "Last line",
    codeRegion: "What-if source code",
    lineJustRun: (l: number) => `startBgsaveForReplication, line ${l} just executed`,
    notRun: "Not run yet",
    log: "Server log so far",
    logEmpty: "Nothing logged yet.",
    replicasNow: "Replicas at this line",
    inSlaves: (y: boolean): string => (y ? "in server.slaves" : "not in server.slaves"),
    wire: "Wire",
    outputBuffer: "Output buffer (queued, not sent)",
    empty: "empty",
    offset: (n: number) => `psync_initial_offset ${n}`,
    errors,
  },
};

export type ToolsDict = typeof toolsEn;
export type FieldErrors = typeof errors;
export type EditWords = ToolsDict["sandbox"]["edit"];
