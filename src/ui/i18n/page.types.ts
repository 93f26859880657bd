/**
 * Words of the page itself — header, controls, panels, diagram, statecharts, notices, lecture mode
 * and the speaker window — kept apart from the explanations so each language file stays readable.
 * Every language has every key (the type says so; page.test.ts checks the objects too).
 *
 * Accessible names that other code and tests rely on (SPEC §6: "Step back", "Timeline", "Source
 * code", "Replica <id>", …) are NOT here: they are the English constants of a11yNames.ts, so they
 * stay the same whatever language the visible text is in.
 */
import type { Marker, Cause } from "../../model";
import type { NoticeMessage } from "../../store/types";

/** Keys of the keyboard shortcuts (controls/shortcuts.ts), each described in words. */
export type ShortcutId =
  | "forward"
  | "back"
  | "play"
  | "first"
  | "last"
  | "stepSize"
  | "help"
  | "close"
  | "clickerForward"
  | "clickerBack"
  | "blank"
  | "fullscreen";

/** The ONLINE sub-states and the reasons a replica was dropped, as stateInfo reports them. */
export type StateSub = "waitingForAck" | "streaming" | "bgsave-failed" | "child-error" | "transfer-error" | "timeout" | "disconnected";

export interface PageDict {
  header: {
    subtitle: string;
    /** The language picker's label (its options name themselves in their own language). */
    language: string;
    darkTheme: string;
    themeTitle: string;
    shortcuts: string;
    shortcutsTitle: string;
  };
  notice: {
    dismiss: string;
    dismissLabel: string;
  };
  /** Messages from the store, worded here (the store hands over a key and the data). */
  notices: { [K in NoticeMessage["key"]]: (m: Extract<NoticeMessage, { key: K }>) => string };
  picker: { label: string };
  controls: {
    region: string;
    /** Visible text and tooltips of the transport buttons (their names are fixed, see a11yNames). */
    first: string;
    back: string;
    play: string;
    pause: string;
    forward: string;
    last: string;
    speed: string;
    stepSize: string;
    step: string;
    event: string;
    line: string;
    eventHint: string;
    lineHint: string;
    timelineValue: (frame: number, count: number, t: string) => string;
    /** "BGSAVE target:" before disk / socket / none (those stay as they are: code words). */
    target: string;
    targetDetail: { running: string; thisCall: string; lastCall: string; noCall: string };
  };
  markers: {
    legendTitle: string;
    bgsaveStart: string;
    failure: string;
    online: string;
    /** A marker's tooltip. */
    label: (marker: Marker) => string;
  };
  help: {
    title: string;
    close: string;
    lectureKeys: string;
    keys: Record<ShortcutId, string>;
  };
  code: {
    title: string;
    file: string;
    listRunning: (line: number | null) => string;
    listIdle: string;
    nextLine: string;
    locals: string;
    localsLast: (t: string) => string;
    localsNone: string;
    /** "Outside startBgsaveForReplication:" — the function name is shown as code around it. */
    outsideBefore: string;
    outsideAfter: string;
  };
  explanation: { title: string };
  log: { title: string; empty: string };
  replicas: {
    region: string;
    title: string;
    heading: (id: string) => string;
    connection: (n: number) => string;
    capa: (capa: string[]) => string;
    wire: string;
    nothingYet: string;
    outputBuffer: string;
    empty: string;
    neverDelivered: string;
    earlier: string;
    dropped: (reason: string) => string;
    connectionClosed: string;
    neverSent: string;
    notConnectedAt: (t: string) => string;
    ownLog: string;
    statechart: string;
    /** Read before a line that is new in this step (screen readers only). */
    fresh: string;
    keepAlive: string;
    replstate: (n: number) => string;
    replstateLeft: (n: number) => string;
    subs: Record<StateSub, string>;
    notConnected: string;
    /** Many replicas, one line each: messages on the wire and queued in the buffer. */
    counts: (wire: number, queued: number) => string;
    many: (n: number) => string;
    /** A long wire or buffer: the messages left out between its start and its end. */
    hidden: (n: number) => string;
  };
  chart: {
    caption: (id: string) => string;
    lastTransition: string;
    on: string;
    noTransition: string;
    notConnected: string;
    /** One line per machine state path ("ONLINE.waitingForAck"); unknown paths show the machine's own words. */
    states: Record<string, string>;
    edge: (from: string, to: string, event: string) => string;
  };
  diagram: {
    region: string;
    legend: string;
    legendControl: string;
    legendDisk: string;
    legendSocket: string;
    legendError: string;
    scrollHint: string;
    title: string;
    desc: (child: string, rdbExists: boolean, replicas: string) => string;
    childDesc: (pid: number, kind: string, reaped: boolean) => string;
    noChild: string;
    fork: string;
    writes: string;
    primary: string;
    primaryReplica: string;
    pid: (pid: number) => string;
    backlog: (yes: boolean) => string;
    unixtime: string;
    upstream: (state: "linked" | "cached" | "lost") => string;
    scriptCache: (n: number, flushes: number, now: boolean) => string;
    decision: string;
    decisionWhen: { live: string; last: string; never: string };
    branchDisk: string;
    branchSocket: string;
    branchError: string;
    childTitle: string;
    childNone: string;
    childKind: { "rdb-disk": string; "rdb-socket": string; aof: string };
    childUser: string;
    childStatus: { reapedKilled: string; reaped: string; killed: string; exited: string; running: string };
    rdbOnDisk: (size: string) => string;
    rdbMissing: string;
    rdbWriting: string;
    rdbWrittenBy: (pid: number | null) => string;
    replicaNotConnected: string;
    conn: (n: number) => string;
    receivedNothing: string;
    errQueued: string;
    /** Many replicas: one box per state (view/replicaGroups.ts). */
    grouped: (n: number) => string;
    groupCount: (n: number) => string;
    groupMore: (n: number) => string;
    groupWaitingAck: (n: number) => string;
    groupErrQueued: (n: number) => string;
  };
  /** What made a frame happen, in words (English: the model's causeLabel, as the CLI prints it). */
  cause: (c: Cause) => string;
  /** The header's button; the rest of lecture mode's words load with it (lecture.*.ts). */
  lecture: {
    button: string;
    buttonTitle: string;
  };
}
