/** English words of the page (page.types.ts). */
import type { PageDict } from "./page.types";

const SHOWN_ERRORS = 3;
const errorList = (errors: string[]) =>
  errors.slice(0, SHOWN_ERRORS).join("; ") + (errors.length > SHOWN_ERRORS ? ` (and ${errors.length - SHOWN_ERRORS} more)` : "");

const MARKER_LABELS: Record<string, string> = {
  "BGSAVE (disk)": "BGSAVE started (disk)",
  "BGSAVE (socket)": "BGSAVE started (socket)",
  "BGSAVE failed": "BGSAVE failed",
  "child failed": "child failed",
};

export const pageEn: PageDict = {
  header: {
    subtitle: "How a Redis 4.0.14 primary starts a BGSAVE for replication",
    language: "Language",
    darkTheme: "Dark theme",
    themeTitle: "Switch between light and dark",
    shortcuts: "Keyboard shortcuts",
    shortcutsTitle: "Keyboard shortcuts (?)",
  },
  notice: { dismiss: "Dismiss", dismissLabel: "Dismiss message" },
  notices: {
    unknownScenario: (m) => `Unknown scenario "${m.id}"; the default scenario is open instead.`,
    fileInvalid: (m) => `This scenario file cannot be opened: ${errorList(m.errors)}`,
    editsDropped: (m) => `The scenario is open, but its sandbox edits could not be used: ${errorList(m.errors)}`,
    editRefused: (m) => `This change could not be made: ${errorList(m.errors)}`,
    editsIgnored: (m) => `The sandbox edits could not be used and were ignored: ${errorList(m.errors)}`,
  },
  picker: { label: "Scenario" },
  controls: {
    region: "Playback controls",
    first: "First step",
    back: "Step back",
    play: "Play",
    pause: "Pause",
    forward: "Step forward",
    last: "Last step",
    speed: "Speed",
    stepSize: "Step size",
    step: "Step",
    event: "Event",
    line: "Line",
    eventHint: "one happening at a time",
    lineHint: "every executed line of the function",
    timelineValue: (f, n, t) => `frame ${f} of ${n}, t = ${t} s`,
    target: "BGSAVE target:",
    targetDetail: { running: "child running", thisCall: "this call", lastCall: "last call", noCall: "no call yet" },
  },
  markers: {
    legendTitle: "Timeline markers",
    bgsaveStart: "BGSAVE start",
    failure: "failure",
    online: "ONLINE",
    label: (l) => MARKER_LABELS[l] ?? l,
  },
  help: {
    title: "Keyboard shortcuts",
    close: "Close",
    lectureKeys: "In lecture mode (clickers)",
    keys: {
      forward: "Step forward",
      back: "Step back",
      play: "Play / pause",
      first: "First step",
      last: "Last step",
      stepSize: "Switch step size (event / line)",
      help: "Show or hide this help",
      close: "Close this help",
      clickerForward: "Step forward (clicker)",
      clickerBack: "Step back (clicker)",
      blank: "Blank the screen / show it again",
      fullscreen: "Full screen on / off",
    },
  },
  code: {
    title: "Source code",
    file: "replication.c, Redis 4.0.14",
    listRunning: (n) => `startBgsaveForReplication, line ${n} just executed`,
    listIdle: "startBgsaveForReplication (not running)",
    nextLine: " (next line)",
    locals: "Local variables",
    localsLast: (t) => `Local variables at the end of the last call (t = ${t} s)`,
    localsNone: "Local variables (not called yet)",
    outsideBefore: "Outside",
    outsideAfter: ":",
  },
  explanation: { title: "Explanation" },
  log: { title: "Server log (primary)", empty: "Nothing logged yet." },
  replicas: {
    region: "Replicas",
    title: "Replicas — state, wire, output buffer, log",
    heading: (id) => `Replica ${id}`,
    connection: (n) => `connection #${n}`,
    capa: (c) => `capa ${c.length ? c.join(" ") : "none"}`,
    wire: "Wire (reached its socket)",
    nothingYet: "nothing yet",
    outputBuffer: "Output buffer (queued, not sent)",
    empty: "empty",
    neverDelivered:
      "Never delivered in Redis 4.0.14: replstate stays 6, so the client is never scheduled for writing. Redis 5.0.5 fixed this.",
    earlier: "Earlier connections",
    dropped: (r) => `dropped (${r})`,
    connectionClosed: "connection closed",
    neverSent: "never sent:",
    notConnectedAt: (t) => `Not connected yet at t = ${t} s.`,
    ownLog: "Its own log",
    statechart: "Statechart",
    fresh: "new: ",
    keepAlive: "(keep-alive)",
    replstate: (n) => `replstate ${n}`,
    replstateLeft: (n) => `replstate left at ${n}`,
    subs: {
      waitingForAck: "waiting for first ACK",
      streaming: "streaming",
      "bgsave-failed": "BGSAVE failed",
      "child-error": "BGSAVE child error",
      "transfer-error": "transfer error",
      timeout: "timed out",
      disconnected: "disconnected",
    },
    notConnected: "not connected",
    counts: (w, q) => `wire ${w} · queued ${q}`,
    hidden: (n) => `… ${n} more in between`,
    many: (n) => `${n} replicas, one line each: open one to see its wire, buffer, log and statechart.`,
  },
  chart: {
    caption: (id) => `Statechart of ${id}`,
    lastTransition: "last transition",
    on: "on",
    noTransition: "no transition yet",
    notConnected: "not connected",
    states: {
      handshake: "Connected, not yet a replica (replstate 0, REPL_STATE_NONE).",
      WAIT_BGSAVE_START: "replstate 6: needs a new RDB; gets no stream, only keep-alive newlines.",
      WAIT_BGSAVE_END: "replstate 7: +FULLRESYNC sent; a child produces its RDB; writes accumulate.",
      SEND_BULK: "replstate 8 (disk only): the parent sends dump.rdb in 16 KiB chunks.",
      ONLINE: "replstate 9: the RDB was delivered.",
      "ONLINE.waitingForAck": "Diskless: ONLINE, but the stream waits for the first REPLCONF ACK.",
      "ONLINE.streaming": "The replication stream flows.",
      dropped: "No longer a replica of this primary.",
    },
    edge: (from, to, event) => `${from} → ${to} on ${event}`,
  },
  diagram: {
    region: "Diagram",
    legend: "Legend",
    legendControl: "commands (+FULLRESYNC, ACK)",
    legendDisk: "disk pipe",
    legendSocket: "socket pipe",
    legendError: "error path",
    scrollHint: "Scroll sideways inside the diagram to see the replicas.",
    title: "Diagram of the primary, its forked child, dump.rdb and the replicas",
    desc: (child, exists, replicas) => `Child: ${child}. dump.rdb ${exists ? "exists" : "does not exist"}. ${replicas}`,
    childDesc: (pid, kind, reaped) => `${pid} ${kind}${reaped ? " (reaped)" : ""}`,
    noChild: "none",
    fork: "fork()",
    writes: "writes",
    primary: "Primary",
    primaryReplica: "Primary (itself a replica)",
    pid: (p) => ` pid ${p}`,
    backlog: (y) => `backlog ${y ? "yes" : "no"}`,
    unixtime: "unixtime",
    upstream: (s) => `upstream ${s}`,
    scriptCache: (n, f, now) => `script cache: ${n} SHA1${n === 1 ? "" : "s"} · flushed ×${f}${now ? " ← now" : ""}`,
    decision: "Decision",
    decisionWhen: { live: "(this call)", last: "(last call)", never: "(not called yet)" },
    branchDisk: "disk: rdbSaveBackground",
    branchSocket: "socket: rdbSaveToSlavesSockets",
    branchError: "error: drop waiting replicas",
    childTitle: "child",
    childNone: "forked child",
    childKind: { "rdb-disk": "RDB → disk", "rdb-socket": "RDB → sockets", aof: "AOF rewrite" },
    childUser: " (user BGSAVE)",
    childStatus: { reapedKilled: "killed, reaped", reaped: "exited, reaped", killed: "killed (SIGKILL)", exited: "exited, not reaped", running: "running" },
    rdbOnDisk: (size) => `${size} on disk`,
    rdbMissing: "not on disk",
    rdbWriting: " · being written",
    rdbWrittenBy: (pid) => `written by ${pid !== null ? `pid ${pid}` : "an earlier save"}`,
    replicaNotConnected: " (not connected)",
    conn: (n) => ` · conn #${n}`,
    receivedNothing: "received nothing",
    errQueued: "-ERR queued, unsent",
    grouped: (n) => `${n} replicas: one box per state. The Replicas panel shows each one.`,
    groupCount: (n) => `${n} replica${n === 1 ? "" : "s"}`,
    groupMore: (n) => `+${n} more`,
    groupWaitingAck: (n) => `${n} waiting for the first ACK`,
    groupErrQueued: (n) => `-ERR queued, unsent: ${n}`,
  },
  cause: (c) => {
    switch (c.type) {
      case "start":
        return "scenario starts";
      case "event": {
        const e = c.event;
        switch (e.type) {
          case "connect":
            return `${e.replica} connects and sends its sync command`;
          case "disconnect":
            return `${e.replica} disconnects`;
          case "fork-fails":
            return `fault: the next fork() fails (${e.errno ?? "EAGAIN"})`;
          case "kill-child":
            return e.mode === "exit-error" ? "fault: the child exits with an error" : "fault: the child is killed (SIGKILL)";
          case "aof-rewrite":
            return "BGREWRITEAOF";
          case "bgsave":
            return "a user runs BGSAVE";
          case "upstream-lost":
            return "the link to our own master drops";
          case "write":
            return (e.count ?? 1) === 1 ? "1 write on the primary" : `${e.count} writes on the primary`;
          case "evalsha":
            return `EVALSHA ${e.sha.slice(0, 8)}…`;
          case "config-set":
            return "CONFIG SET on the primary";
          case "replica-set":
            return `${e.replica} is reconfigured (next connection)`;
        }
        return "event";
      }
      case "serverCron":
        return "serverCron (100 ms tick)";
      case "replicationCron":
        return "replicationCron (1 s)";
      case "childDone":
        return `child ${c.pid} (${c.kind}) finishes its work`;
      case "bulk":
        return `sendBulkToSlave → ${c.replica}`;
      case "replica":
        return `replica ${c.replica}: its own cron`;
    }
  },
  lecture: {
    button: "Lecture",
    buttonTitle: "Lecture mode, full screen and the speaker window",
  },
};
