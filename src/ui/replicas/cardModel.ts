/**
 * What one replica card shows at a frame, reduced to values that can be compared: a card whose
 * model equals the previous step's is not rendered again. Views are shared between frames while a
 * connection is unchanged (model/sim.ts), so most comparisons are by identity.
 */
import { ioOf, type AgentView, type Frame, type ReplicaIo, type ReplicaView, type Trace } from "../../model/trace";
import type { ReplicaRow } from "../view/replicaRows";

export interface CardModel {
  id: string;
  current: ReplicaView | null;
  history: ReplicaView[];
  /** How many earlier connections there were in all (history holds the last few). */
  historyCount: number;
  agent: AgentView | undefined;
  /** The current connection's wire and buffer extents now (zeros when not connected). */
  io: ReplicaIo;
  /** How much of the wire and the buffer existed before this step: the rest is marked new. */
  wireBefore: number;
  replyBefore: number;
  /** How many of the replica's own log lines existed before this step. */
  logBefore: number;
  /** Earlier connections' buffers (what was never sent), as extents at this frame. */
  historyIo: ReplicaIo[];
  /** The frame's time, for "not connected at t = …" (0 once connected, so it does not differ). */
  time: number;
}

const NO_IO: ReplicaIo = { wireLen: 0, replyStart: 0, replyEnd: 0 };

/** Each replica's own log length at a frame, by id: built once per frame, not searched per card. */
const LOG_LENS = new WeakMap<Frame, Map<string, number>>();
function logLenAt(frame: Frame, id: string): number {
  let byId = LOG_LENS.get(frame);
  if (!byId) {
    byId = new Map(frame.agents.map((a) => [a.id, a.logLen]));
    LOG_LENS.set(frame, byId);
  }
  return byId.get(id) ?? 0;
}

export function cardModel(trace: Trace, row: ReplicaRow, frame: Frame, baseline: Frame | undefined): CardModel {
  const r = row.current;
  // The connection's extents at the baseline (zero if it did not exist yet).
  const beforeIo = r && baseline ? ioOf(trace, baseline, r) : undefined;
  return {
    id: row.id,
    current: r,
    history: row.history,
    historyCount: row.historyCount,
    agent: row.agent,
    io: r ? ioOf(trace, frame, r) : NO_IO,
    wireBefore: beforeIo?.wireLen ?? 0,
    replyBefore: beforeIo?.replyEnd ?? 0,
    logBefore: baseline ? logLenAt(baseline, row.id) : 0,
    historyIo: row.history.map((h) => ioOf(trace, frame, h)),
    time: r ? 0 : frame.t,
  };
}

const sameIo = (a: ReplicaIo, b: ReplicaIo) => a.wireLen === b.wireLen && a.replyStart === b.replyStart && a.replyEnd === b.replyEnd;

function sameList<T>(a: T[], b: T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i] as T));
}

export function sameCard(a: CardModel, b: CardModel): boolean {
  return (
    a.id === b.id &&
    a.current === b.current &&
    a.agent === b.agent &&
    a.historyCount === b.historyCount &&
    a.time === b.time &&
    a.wireBefore === b.wireBefore &&
    a.replyBefore === b.replyBefore &&
    a.logBefore === b.logBefore &&
    sameIo(a.io, b.io) &&
    sameList(a.history, b.history, (x, y) => x === y) &&
    sameList(a.historyIo, b.historyIo, sameIo)
  );
}
