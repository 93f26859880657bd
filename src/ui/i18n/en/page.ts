/**
 * Words of the page itself — header, controls, panels, diagram, statecharts, notices, the buttons
 * that open lecture mode, embedding and export — kept apart from the explanations so each language
 * file stays readable. These English objects are the types (`PageDict`, `PanelsDict`); zh/page.ts
 * satisfies them key for key.
 *
 * Accessible names are these visible words (a11yNames.ts `namesOf`): the English ones are the names
 * other code and tests rely on (docs/architecture.md §8: "Step back", "Timeline", "Source code",
 * "Replica <id>", …), so they must not change without the contract.
 */
import type { Marker } from "../../../model";
import { causeLabel } from "../../../model/format";
import type { Position } from "../../../store/numbering";
import type { NoticeMessage } from "../../../store/types";

/** Messages from the store, worded here (the store hands over a key and the data). */
type NoticeTexts = { [K in Exclude<NoticeMessage["key"], "worded">]: (m: Extract<NoticeMessage, { key: K }>) => string };

const SHOWN_ERRORS = 3;
const errorList = (errors: string[]) =>
  errors.slice(0, SHOWN_ERRORS).join("; ") + (errors.length > SHOWN_ERRORS ? ` (and ${errors.length - SHOWN_ERRORS} more)` : "");

export const pageEn = {
  header: {
    /** With the version the page runs (the version switch, src/ui/code/VersionSwitch.tsx). */
    subtitle: (v: string) => `How a Redis ${v} primary starts a BGSAVE for replication`,
    language: "Language",
    darkTheme: "Dark theme",
    themeTitle: "Switch between light and dark",
    shortcuts: "Keyboard shortcuts",
    whatChanged: "What changed across Redis versions",
    /** The menu button of the tools used now and then (layout/MoreButton.tsx). */
    more: "More",
    moreTitle: "Open or save a scenario file, embed, export, what changed across Redis versions, keyboard shortcuts",
  },
  notice: { dismiss: "Dismiss", dismissLabel: "Dismiss message" },
  notices: {
    unknownScenario: (m) => `Unknown scenario "${m.id}"; the default scenario is open instead.`,
    fileInvalid: (m) => `This scenario file cannot be opened: ${errorList(m.errors)}`,
    editsDropped: (m) => `The scenario is open, but its sandbox edits could not be used: ${errorList(m.errors)}`,
    editRefused: (m) => `This change could not be made: ${errorList(m.errors)}`,
    editsIgnored: (m) => `The sandbox edits could not be used and were ignored: ${errorList(m.errors)}`,
    runFailed: (m) => `The simulation could not finish this scenario (${m.message}); what was on screen stays.`,
    versionRefused: (m) => `This scenario cannot run on Redis ${m.redis}: ${m.message}. It stays on the version it was on.`,
    frameLimit: (m) =>
      `This run stopped at the lab's limit of ${m.frames.toLocaleString("en")} frames, at t = ${(m.t / 1000).toFixed(3)} s: what the scenario asks for after that is not shown. Fewer events or replicas fit.`,
  } satisfies NoticeTexts,
  /** While a trace is computed off the page's thread (src/ui/layout/Computing.tsx). */
  computing: {
    running: (title: string) => `Running “${title}”…`,
    starting: "Starting the lab…",
    progress: "Simulation progress",
    cancel: "Cancel",
    cancelHint: "Stop this run; what is on screen stays (at the start, the default scenario opens).",
  },
  picker: { label: "Scenario" },
  controls: {
    region: "Playback controls",
    /** Visible text, tooltips and accessible names of the transport buttons (a11yNames.ts). */
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
    timeline: "Timeline",
    /**
     * Where the cursor is, in src/store/numbering.ts's numbers: the counter beside the timeline
     * counts event steps in Event mode and frames in Line mode; the timeline's spoken value adds
     * the frame in Event mode.
     */
    position: (p: Position) => (p.unit === "step" ? `step ${p.at} of ${p.of}` : `frame ${p.at} of ${p.of}`),
    timelineValue: (p: Position, frame: number, frames: number, t: string) =>
      p.unit === "step" ? `step ${p.at} of ${p.of}, frame ${frame} of ${frames}, t = ${t} s` : `frame ${frame} of ${frames}, t = ${t} s`,
    /** "BGSAVE target:" before disk / socket / none (those stay as they are: code words). */
    target: "BGSAVE target:",
    /** The status's accessible name. */
    targetName: "BGSAVE target",
    targetDetail: { running: "child running", thisCall: "this call", lastCall: "last call", noCall: "no call yet" },
  },
  markers: {
    legendTitle: "Timeline markers",
    bgsaveStart: "BGSAVE start",
    failure: "failure",
    online: "ONLINE",
    /** A marker's tooltip. */
    label: (m: Marker) =>
      m.kind === "bgsave-start"
        ? `BGSAVE started (${m.target})`
        : m.kind === "failure"
          ? m.target === "bgsave"
            ? "BGSAVE failed"
            : "child failed"
          : `${m.target} ONLINE`,
    /** After the first marker's tooltip, when its mark stands for more (a long run). */
    more: (n: number, lastT: string) => `and ${n} more like it, up to t = ${lastT} s`,
  },
  help: {
    title: "Keyboard shortcuts",
    close: "Close",
    lectureKeys: "In lecture mode (clickers)",
    /** The keyboard shortcuts (controls/shortcuts.ts), each described in words. */
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
    file: "replication.c, Redis",
    /** The version switch (src/ui/code/VersionSwitch.tsx): the run's Redis version. */
    version: "Redis version",
    versionHint: "Run this scenario on another Redis version: the code, the diagram, the log and the wires follow it",
    /** An option that cannot be chosen, and why. */
    versionNotModelled: (v: string) => `${v} (function only: see What changed)`,
    versionCannotRun: (v: string) => `${v} (cannot run this scenario)`,
    loadingText: (v: string) => `Loading the text of Redis ${v}…`,
    listRunning: (n: number | null) => `startBgsaveForReplication, line ${n} just executed`,
    listIdle: "startBgsaveForReplication (not running)",
    nextLine: " (next line)",
    /** The badge on a comment that came with the document, not with Redis' source (src/ui/code/annotations.ts). */
    annotation: "annotation",
    locals: "Local variables",
    localsLast: (t: string) => `Local variables at the end of the last call (t = ${t} s)`,
    localsNone: "Local variables (not called yet)",
    /** "Outside startBgsaveForReplication:" — the function name is shown as code around it. */
    outsideBefore: "Outside",
    outsideAfter: ":",
  },
  explanation: {
    title: "Explanation",
    /** Under the summary on a run of a version the scenario's note names (docs/scenario-format.md §7a). */
    onVersion: (v: string) => `On Redis ${v}:`,
    notNarrated: (v: string, written: string) => `This scenario's narration and questions are written for Redis ${written}; on ${v} it runs without them.`,
  },
  log: { title: "Server log (primary)", name: "Server log", empty: "Nothing logged yet." },
  replicas: {
    region: "Replicas",
    title: "Replicas — state, wire, output buffer, log",
    heading: (id: string) => `Replica ${id}`,
    connection: (n: number) => `connection #${n}`,
    capa: (c: readonly string[]) => `capa ${c.length ? c.join(" ") : "none"}`,
    wire: "Wire (reached its socket)",
    nothingYet: "nothing yet",
    outputBuffer: "Output buffer (queued, not sent)",
    empty: "empty",
    neverDelivered:
      "Never delivered in Redis 4.0.14: replstate stays 6, so the client is never scheduled for writing. Redis 5.0.5 fixed this.",
    earlier: "Earlier connections",
    /** Above the last few earlier connections, when there were more. */
    earlierMore: (n: number) => `${n} older ones, then:`,
    dropped: (r: string) => `dropped (${r})`,
    connectionClosed: "connection closed",
    neverSent: "never sent:",
    notConnectedAt: (t: string) => `Not connected yet at t = ${t} s.`,
    ownLog: "Its own log",
    statechart: "Statechart",
    /** Read before a line that is new in this step (screen readers only). */
    fresh: "new: ",
    keepAlive: "(keep-alive)",
    replstate: (n: number) => `replstate ${n}`,
    replstateLeft: (n: number) => `replstate left at ${n}`,
    /** The ONLINE sub-states and the reasons a replica was dropped, as stateInfo reports them. */
    subs: {
      waitingForAck: "awaiting first ACK",
      streaming: "streaming",
      "bgsave-failed": "BGSAVE failed",
      "child-error": "RDB child error",
      "transfer-error": "transfer error",
      timeout: "timed out",
      disconnected: "disconnected",
    },
    notConnected: "not connected",
    /** Many replicas, one line each: messages on the wire and queued in the buffer. */
    counts: (w: number, q: number) => `wire ${w} · queued ${q}`,
    /** A long wire or buffer: the messages left out between its start and its end. */
    hidden: (n: number) => `… ${n} more in between`,
    many: (n: number) => `${n} replicas, one line each: open one to see its wire, buffer, log and statechart.`,
  },
  chart: {
    caption: (id: string) => `Statechart of ${id}`,
    lastTransition: "last transition",
    on: "on",
    noTransition: "no transition yet",
    notConnected: "not connected",
    /** One line per machine state path ("ONLINE.waitingForAck"); unknown paths show the machine's own words. */
    states: {
      handshake: "Connected, not yet a replica (replstate 0, REPL_STATE_NONE).",
      WAIT_BGSAVE_START: "replstate 6: needs a new RDB; gets no stream, only keep-alive newlines.",
      WAIT_BGSAVE_END: "replstate 7: +FULLRESYNC sent; a child produces its RDB; writes accumulate.",
      SEND_BULK: "replstate 8 (disk only): the parent sends dump.rdb in 16 KiB chunks.",
      ONLINE: "replstate 9: the RDB was delivered.",
      "ONLINE.waitingForAck": "Diskless: ONLINE, but the stream waits for the first REPLCONF ACK.",
      "ONLINE.streaming": "The replication stream flows.",
      dropped: "No longer a replica of this primary.",
    } as Record<string, string>,
    edge: (from: string, to: string, event: string) => `${from} → ${to} on ${event}`,
  },
  diagram: {
    region: "Diagram",
    /** The switch between the picture and the sequence diagram of messages. */
    view: "View",
    picture: "Picture",
    messages: "Messages",
    legend: "Legend",
    /** The legend shares the header row with the view switch: one word each. */
    legendControl: "commands",
    legendDisk: "disk",
    legendSocket: "socket",
    legendError: "error",
    scrollHint: "Scroll sideways inside the diagram to see the replicas.",
    title: "Diagram of the primary, its forked child, dump.rdb and the replicas",
    desc: (child: string, exists: boolean, replicas: string) => `Child: ${child}. dump.rdb ${exists ? "exists" : "does not exist"}. ${replicas}`,
    childDesc: (pid: number, kind: string, reaped: boolean) => `${pid} ${kind}${reaped ? " (reaped)" : ""}`,
    noChild: "none",
    fork: "fork()",
    primary: "Primary",
    primaryReplica: "Primary (itself a replica)",
    pid: (p: number) => ` pid ${p}`,
    backlog: (y: boolean) => `backlog ${y ? "yes" : "no"}`,
    unixtime: "unixtime",
    scriptCache: (n: number, f: number, now: boolean) => `script cache: ${n} SHA1${n === 1 ? "" : "s"} · flushed ×${f}${now ? " ← now" : ""}`,
    noScriptCache: "no script cache in 7.0",
    decision: "Decision",
    decisionWhen: { live: "(this call)", last: "(last call)", never: "(not called yet)" },
    branchDisk: "disk: rdbSaveBackground",
    branchSocket: "socket: rdbSaveToSlavesSockets",
    branchError: "error: drop waiting replicas",
    childTitle: "child",
    childNone: "forked child",
    childKind: { "rdb-disk": "RDB → disk", "rdb-socket": "RDB → sockets", aof: "AOF rewrite" },
    childUser: " (user BGSAVE)",
    childStatus: { reapedKilled: "killed, reaped", reaped: "exited, reaped", exited: "exited, not reaped", running: "running" },
    rdbOnDisk: (size: string) => `${size} on disk`,
    rdbMissing: "not on disk",
    rdbWriting: " · being written",
    rdbWrittenBy: (pid: number | null) => `written by ${pid !== null ? `pid ${pid}` : "an earlier save"}`,
    replicaNotConnected: " (not connected)",
    conn: (n: number) => ` · conn #${n}`,
    receivedNothing: "received nothing",
    errQueued: "-ERR queued, unsent",
    /** Many replicas: one box per state (view/replicaGroups.ts). */
    grouped: (n: number) => `${n} replicas: one box per state. The Replicas panel shows each one.`,
    groupCount: (n: number) => `${n} replica${n === 1 ? "" : "s"}`,
    groupMore: (n: number) => `+${n} more`,
    groupWaitingAck: (n: number) => `${n} waiting for the first ACK`,
    groupErrQueued: (n: number) => `-ERR queued, unsent: ${n}`,
    /** Faults drawn where they happen, and the clocks a replica waits on (src/lesson/faults.ts). */
    fault: {
      /** The child box after fork() returned -1 (docs/behaviour.md §6). */
      forkFailed: "fork() failed",
      errno: (e: "EAGAIN" | "ENOMEM"): string => `errno ${e}`,
      noChild: "· no child",
      forkReturned: "fork() → -1 · C_ERR",
      forkReturnedAof: "fork() → -1",
      forkTitle: (e: "EAGAIN" | "ENOMEM", by: "disk" | "socket" | "user" | "aof"): string =>
        `fork() failed with ${e} (${e === "EAGAIN" ? "Resource temporarily unavailable" : "Cannot allocate memory"}): no child was created. ` +
        (by === "disk"
          ? "rdbSaveBackground returns C_ERR, and startBgsaveForReplication takes its error path."
          : by === "socket"
            ? "rdbSaveToSlavesSockets puts the replicas it had set up back in WAIT_BGSAVE_START and returns C_ERR; startBgsaveForReplication takes its error path."
            : by === "user"
              ? "The user's BGSAVE does not start."
              : "The AOF rewrite does not start."),
      forkDesc: (e: "EAGAIN" | "ENOMEM"): string => `none, fork() failed with ${e}`,
      /** A child killed by a signal, or one that exited with an error, until it is reaped. */
      killed: (signal: number): string => `killed by signal ${signal}`,
      exited: (code: number): string => `exited with code ${code}`,
      childTitle: (f: { kind: "signal"; signal: number } | { kind: "exit"; code: number }): string =>
        (f.kind === "signal" ? `The child was killed by signal ${f.signal}${f.signal === 9 ? " (SIGKILL)" : ""}` : `The child exited with code ${f.code}`) +
        ": its RDB is not complete. serverCron reaps it at its next run and the replicas waiting for it fail.",
      childDesc: (f: { kind: "signal"; signal: number } | { kind: "exit"; code: number }): string =>
        f.kind === "signal" ? ` killed by signal ${f.signal}` : ` exited with code ${f.code}`,
      /** The link of a primary that is itself a replica to its own master (docs/behaviour.md §5). */
      upstream: (s: "linked" | "cached" | "lost"): string =>
        s === "linked" ? "master link up" : s === "cached" ? "master link lost · cached" : "master link lost · not cached",
      upstreamTitle: (s: "linked" | "cached" | "lost"): string =>
        s === "linked"
          ? "This server replicates from its own master, and the link is up."
          : s === "cached"
            ? "The link to its master is lost, but the master was cached: rdbPopulateSaveInfo still finds the replication info."
            : "The link to its master is lost and nothing was cached: rdbPopulateSaveInfo returns NULL, so a BGSAVE for replication cannot start.",
      upstreamDesc: (s: "linked" | "cached" | "lost"): string => (s === "linked" ? "" : s === "cached" ? " Its link to its master is lost, the master cached." : " Its link to its master is lost, with no cached master."),
      /** A replica left in silence by a failed BGSAVE (docs/behaviour.md §8). */
      timeoutIn: (s: string): string => `repl-timeout in ${s} s`,
      noTimeout: "no timeout (SYNC client)",
      timeoutTitle: (id: string, lastio: number, replTimeout: number, at: string, left: string): string =>
        `Nothing will reach ${id}: its -ERR is never sent and, out of server.slaves, it gets no keep-alive newlines. ` +
        `Its own cron gives up when more than repl-timeout (${replTimeout} s) has passed since it last received anything (second ${lastio}): at ${at} s, in ${left} s.`,
      noTimeoutTitle: (id: string): string => `${id} is an old SYNC client (like redis-cli --slave): it has no timeout, so it waits in silence for ever.`,
      timeoutDesc: (s: string): string => ` (repl-timeout in ${s} s)`,
      noTimeoutDesc: " (no timeout)",
      /** The diskless delay: when replicationCron starts the BGSAVE (docs/behaviour.md §9). */
      delayIn: (s: string): string => `delay: BGSAVE in ${s} s`,
      delayNow: "delay over: BGSAVE now",
      delayTitle: (maxIdle: number, delay: number, at: string, left: string): string =>
        `Once a second replicationCron starts the BGSAVE when the longest-waiting replica has been idle more than repl-diskless-sync-delay (${delay} s). ` +
        `Idle ${maxIdle} s now, so at ${at} s, in ${left} s.`,
      delayDesc: (s: string): string => ` (diskless delay: BGSAVE in ${s} s)`,
    },
  },
  /**
   * Code ↔ picture (src/ui/link): the diagram's parts as assistive technology names them — not
   * "Replica <id>", the name of the replica's card (docs/architecture.md §8) — and what a part or
   * a line of code is linked to, said in words as well as lit.
   */
  link: {
    part: {
      primary: "Diagram: the primary",
      scriptCache: "Diagram: the script cache",
      decision: "Diagram: the Decision",
      branch: { disk: "Diagram: the disk branch", socket: "Diagram: the socket branch", error: "Diagram: the error branch" },
      child: "Diagram: the forked child",
      rdbFile: "Diagram: dump.rdb",
      replica: (id: string) => `Diagram: replica ${id}`,
      group: (n: number, state: string) => `Diagram: ${n} replica${n === 1 ? "" : "s"} ${state}`,
    },
    /** The pieces of "Lights in the diagram: …". */
    piece: {
      primary: "the primary",
      scriptCache: "the script cache",
      decision: "the Decision",
      branch: { disk: "the disk branch", socket: "the socket branch", error: "the error branch" },
      child: "the forked child",
      rdbFile: "dump.rdb",
      fork: "the fork() edge",
      write: "the child's write to dump.rdb",
      replica: (id: string) => `replica ${id}`,
      pipe: {
        control: (id: string) => `the command pipe to ${id}`,
        socket: (id: string) => `the socket pipe to ${id}`,
        disk: (id: string) => `the disk pipe to ${id}`,
        error: (id: string) => `the error pipe to ${id}`,
      },
    },
    /** A part lit by the line just executed. */
    stepLit: (line: number) => `Lit by line ${line}, the line just executed.`,
    /** "47–51, 53" */
    partLinks: (lines: string, log: number, wire: number) =>
      `Linked to ${lines ? `code lines ${lines}` : "no code line"}, ${log} server log line${log === 1 ? "" : "s"} and ${wire} wire entr${wire === 1 ? "y" : "ies"}.`,
    lineLights: (parts: string) => (parts ? `Lights in the diagram: ${parts}.` : "Lights nothing in the diagram."),
    keys: "Up and down arrows: the other parts. Escape: unlight.",
  },
  /** What made a frame happen, in words. The CLI and the golden timelines use the same words. */
  cause: causeLabel,
  /** The header's button; the rest of lecture mode's words load with it (lecture.ts). */
  lecture: {
    button: "Lecture",
    buttonTitle: "Lecture mode, full screen and the speaker window",
  },
  /** The More menu's Embed item; the dialog's and the Export group's words load with the menu (publish.ts). */
  publish: {
    embed: "Embed",
  },
};

/** The scenario picker and the buttons that open the tools (the tools' own words: tools.ts). */
export const panelsEn = {
  picker: {
    groups: { happy: "Happy paths", batching: "Batching and waiting", failures: "Failures", other: "Other" },
    /** "3/16 finished" */
    finishedCount: (d: number, t: number) => `${d}/${t} finished`,
    /** "2 sandbox edits" badge next to the picker. */
    editedBadge: (n: number) => `${n} sandbox edit${n === 1 ? "" : "s"}`,
    editedTitle: "This is your branch of the scenario; open the Sandbox to see or undo the edits.",
    customScenario: "Your scenario file",
    /** Why a scenario begun in this session is not finished yet, in a word or two after its title. */
    unfinished: { skipped: (n: number) => `${n} skipped`, unanswered: (n: number) => `${n} unanswered`, notAtEnd: "not at the end" },
    /** "Disk happy path (1 skipped)" */
    withNote: (title: string, note: string) => `${title} (${note})`,
  },
  buttons: { sandbox: "Sandbox", probe: "What if" },
};

export type PageDict = typeof pageEn;
export type PanelsDict = typeof panelsEn;
/** Keys of the keyboard shortcuts (controls/shortcuts.ts). */
export type ShortcutId = keyof PageDict["help"]["keys"];
/** The ONLINE sub-states and the reasons a replica was dropped, as stateInfo reports them. */
export type StateSub = keyof PageDict["replicas"]["subs"];
