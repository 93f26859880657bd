/** The shape every language dictionary has; keys follow the model's note keys. */
import type { Frame, Note, NoteKey, NoteOf } from "../../model";
import type { PageDict } from "./page.types";
import type { PanelsDict } from "./panels.types";
import type { ShareDict } from "./share.types";

export type { NoteKey };

export const NOTE_KEYS = [
  "sync.accepted",
  "sync.backlogCreated",
  "sync.delay",
  "sync.startNow",
  "sync.aofActive",
  "sync.socketInFlight",
  "sync.attach",
  "sync.cantAttach",
  "sync.nomasterlink",
  "sync.pendingOutput",
  "port.target",
  "rsi.master",
  "rsi.linked",
  "rsi.cached",
  "rsi.null",
  "port.noRsi",
  "rdb.childActive",
  "rdb.forkFailed",
  "rdb.diskChild",
  "rdb.socketChild",
  "port.failed",
  "port.dropped",
  "setup.fullresync",
  "setup.oldSync",
  "port.scriptCacheFlush",
  "child.workDone",
  "child.killed",
  "child.failed",
  "child.reaped",
  "socket.closing",
  "update.streamDone",
  "update.childError",
  "update.noFile",
  "update.sendBulk",
  "update.startNext",
  "bulk.preamble",
  "online",
  "ack.first",
  "cron.check",
  "cron.timedout",
  "cron.scriptCacheFlush",
  "evalsha",
  "aof.started",
  "aof.scheduled",
  "aof.alreadyRunning",
  "aof.done",
  "aof.forkFailed",
  "replica.timeout",
  "replica.reconnect",
  "replica.tryLater",
  "replica.gaveUp",
  "replica.bulkCountEof",
  "event.forkFails",
  "event.write",
  "event.disconnect",
  "event.noChild",
  "event.bgsaveRefused",
  "event.noUpstream",
  "event.upstreamLost",
  "event.configSet",
  "event.replicaSet",
  "event.alreadyConnected",
  "event.notConnected",
 ] as const satisfies readonly NoteKey[];


export interface NoteContext {
  /** The frame the note belongs to (for values the note does not carry, e.g. the config). */
  frame: Frame;
}

/** Text for one note. Backticks mark code: `+FULLRESYNC`. */
export type NoteText<K extends NoteKey = NoteKey> = (note: NoteOf<K>, ctx: NoteContext) => string;

/** One wording per note key, each typed by the note it words. */
export type NoteTexts = { [K in NoteKey]: NoteText<K> };

export interface Dict {
  /** Plain-words explanation of what the model did, one per note key. */
  notes: NoteTexts;
  /** One line per note key, for the code panel when the frame is outside the function. */
  briefs: NoteTexts;
  /** What each executed seed line does (line stepping). */
  lines: Record<number, string>;
  /** Fallback for a note key this dictionary does not know yet. */
  unknownNote: (note: Note) => string;
  /** Headings and short phrases of the explanation panel. */
  ui: {
    atTime: (seconds: string) => string;
    line: (n: number) => string;
    scenarioStart: string;
    nothingNew: string;
    /** The value a condition line evaluated to. */
    condition: (value: boolean) => string;
  };
  /** The picker, the sandbox and the "what if" probe (panels.*.ts). */
  panels: PanelsDict;
  /** Copy link, bad links, scenario files (share.*.ts). */
  share: ShareDict;
  /** Header, controls, panels, diagram, notices, lecture mode, speaker window (page.*.ts). */
  page: PageDict;
}

// Helpers shared by the dictionaries -----------------------------------------------------------

export const str = (v: unknown): string => (v === undefined || v === null ? "?" : String(v));
export const num = (v: unknown): number => (typeof v === "number" ? v : Number(v ?? 0));

/** "eof psync2" for a capability bitmask (SLAVE_CAPA_EOF = 1, SLAVE_CAPA_PSYNC2 = 2). */
export function capaNames(capa: unknown): string {
  const c = num(capa);
  const names = [c & 1 ? "eof" : "", c & 2 ? "psync2" : ""].filter(Boolean);
  return names.length ? names.join(" ") : "none";
}

export function bytes(n: unknown): string {
  const v = num(n);
  if (v >= 1024 * 1024) return `${(v / (1024 * 1024)).toFixed(v % (1024 * 1024) ? 1 : 0)} MiB`;
  if (v >= 1024) return `${(v / 1024).toFixed(v % 1024 ? 1 : 0)} KiB`;
  return `${v} B`;
}
