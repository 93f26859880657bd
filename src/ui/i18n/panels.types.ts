/**
 * Words of the page's own tools — the scenario picker, the sandbox and the "what if" probe —
 * kept apart from the explanations so each language file stays readable. Every language has
 * every key (the type says so; a test checks the objects too). The sandbox's and the probe's
 * words are a separate dictionary that loads with those panels.
 */

export type Capa = ("eof" | "psync2")[];

export interface PickerText {
  groups: { happy: string; batching: string; failures: string; other: string };
  /** "3/16 finished" */
  finishedCount: (done: number, total: number) => string;
  /** "2 sandbox edits" badge next to the picker. */
  editedBadge: (n: number) => string;
  editedTitle: string;
  customScenario: string;
}

/** One field's problem, in words that name the field. */
export interface FieldErrors {
  required: (field: string) => string;
  integer: (field: string, min: number, max: number) => string;
  number: (field: string, min: number, max: number) => string;
  id: (field: string) => string;
  idTaken: (field: string, id: string) => string;
  /** Adding several: the id must end in a number to count on from. */
  idNumbered: (field: string) => string;
  sha: (field: string) => string;
}

/** What an edit does, in words (the sandbox's list of edits). */
export interface EditWords {
  addReplica: (id: string, capa: Capa, command: string) => string;
  addReplicas: (first: string, last: string, count: number, capa: Capa, command: string) => string;
  connect: (id: string) => string;
  disconnect: (id: string) => string;
  replicaSet: (id: string, capa: Capa | undefined, command: string | undefined) => string;
  configSet: (diskless: boolean | undefined, delay: number | undefined) => string;
  forkFails: (errno: string) => string;
  killChild: (mode: "sigkill" | "exit-error") => string;
  aofRewrite: (seconds: number | undefined) => string;
  bgsave: string;
  upstreamLost: (cached: boolean) => string;
  write: (count: number) => string;
  evalsha: (sha: string) => string;
  at: (seconds: string) => string;
}

export interface SandboxText {
  title: string;
  close: string;
  intro: string;
  /** "At frame 4 (t = 0.250 s); changes take effect at t = 0.251 s." */
  where: (frame: number, t: string, effective: string) => string;
  pastEnd: (until: string) => string;
  added: string;
  sections: { add: string; replicas: string; config: string; faults: string; edits: string };
  fields: {
    id: string;
    capa: string;
    eof: string;
    psync2: string;
    command: string;
    replica: string;
    diskless: string;
    delay: string;
    fault: string;
    errno: string;
    mode: string;
    duration: string;
    cached: string;
    count: string;
    /** How many replicas the add form adds at once. */
    howMany: string;
    sha: string;
  };
  commandOptions: { PSYNC: string; SYNC: string };
  modeOptions: { sigkill: string; "exit-error": string };
  faults: {
    "fork-fails": string;
    "kill-child": string;
    "aof-rewrite": string;
    "upstream-lost": string;
    disconnect: string;
    write: string;
    evalsha: string;
  };
  hints: {
    noChild: string;
    childRunning: (kind: string) => string;
    upstreamOnlyReplica: string;
    upstreamDown: string;
    notConnected: (id: string) => string;
    nextConnection: string;
    noReplicas: string;
    faultWhat: Record<"fork-fails" | "kill-child" | "aof-rewrite" | "upstream-lost" | "disconnect" | "write" | "evalsha", string>;
  };
  state: (id: string, state: string) => string;
  actions: { add: (count: number) => string; disconnect: string; applyNext: string; configSet: string; inject: string; undo: string; undoTitle: string; discard: string };
  noEdits: string;
  errors: FieldErrors;
  edit: EditWords;
}

export interface ProbeText {
  title: string;
  close: string;
  intro: string;
  inputs: string;
  sections: { config: string; role: string; replicas: string; faults: string; mincapa: string; run: string };
  fields: {
    diskless: string;
    delay: string;
    role: string;
    master: string;
    replica: string;
    backlog: string;
    upstream: string;
    offset: string;
    forkFails: string;
    child: string;
    replstate: string;
    eof: string;
    psync2: string;
    oldSync: string;
    override: string;
  };
  upstreamOptions: { linked: string; cached: string; none: string };
  childOptions: { none: string; "rdb-disk": string; "rdb-socket": string; aof: string };
  unreachable: string;
  rsi: (available: boolean) => string;
  mincapaComputed: (value: number, bits: string) => string;
  mincapaNoneWaiting: string;
  addReplica: string;
  removeReplica: (id: string) => string;
  replicaLegend: (id: string) => string;
  replicaAtLine: (id: string) => string;
  run: string;
  rerunHint: string;
  stale: string;
  result: (retval: number) => string;
  /** "Line 3 of 17" */
  position: (step: number, total: number) => string;
  before: string;
  prev: string;
  next: string;
  first: string;
  last: string;
  codeRegion: string;
  lineJustRun: (line: number) => string;
  notRun: string;
  log: string;
  logEmpty: string;
  replicasNow: string;
  inSlaves: (yes: boolean) => string;
  wire: string;
  outputBuffer: string;
  empty: string;
  offset: (n: number) => string;
  errors: FieldErrors;
}

/** In the first screen's bundle: the picker and the buttons that open the tools. */
export interface PanelsDict {
  picker: PickerText;
  buttons: { sandbox: string; probe: string };
}

/** Loaded with the tool panels themselves (tools.*.ts), so the first screen does not carry them. */
export interface ToolsDict {
  sandbox: SandboxText;
  probe: ProbeText;
}
