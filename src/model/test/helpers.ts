import { expect } from "vitest";
import type { Frame, Note, NoteKey, NoteOf, ReplicaView, Trace } from "../index";
import { CATALOGUE } from "../../scenarios/catalogue";
import { happeningNotes, outputBufferAt, runScenario, wireAt } from "../index";

export function scenario(id: string) {
  const s = CATALOGUE.find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}

export function run(id: string): Trace {
  return runScenario(scenario(id));
}

export function logTexts(trace: Trace): string[] {
  return trace.log.filter((l) => l.role !== "C").map((l) => l.text);
}

/** `expected` appears in `actual` in this order (other lines may come between). */
export function expectSubsequence(actual: string[], expected: string[]): void {
  let i = 0;
  for (const line of actual) if (i < expected.length && line === expected[i]) i++;
  expect(i, `missing in order: ${JSON.stringify(expected[i])}\nlog was:\n${actual.join("\n")}`).toBe(expected.length);
}

export function lastFrame(trace: Trace): Frame {
  return trace.frames[trace.frames.length - 1] as Frame;
}

export function conn(frame: Frame, key: string): ReplicaView {
  const r = frame.replicas.find((x) => x.key === key);
  if (!r) throw new Error(`no connection ${key} in frame ${frame.i}`);
  return r;
}

/** A connection as frame i knows it: live in the frame, or retired by then (its last view). */
export function connAt(trace: Trace, frame: Frame, key: string): ReplicaView {
  const r = frame.replicas.find((x) => x.key === key) ?? trace.retired.find((x) => x.view.key === key && x.frame <= frame.i)?.view;
  if (!r) throw new Error(`no connection ${key} by frame ${frame.i}`);
  return r;
}

export function wireOf(trace: Trace, frame: Frame, key: string): string[] {
  return wireAt(trace, frame, conn(frame, key));
}

export function bufferOf(trace: Trace, frame: Frame, key: string): string[] {
  return outputBufferAt(trace, frame, conn(frame, key));
}

/** First event frame whose happening made a note `key` (matching `params`). */
export function frameWithNote<K extends NoteKey>(trace: Trace, key: K, params: Partial<Omit<NoteOf<K>, "key">> = {}): Frame {
  const matches = (n: Note) => n.key === key && Object.entries(params).every(([k, v]) => (n as Record<string, unknown>)[k] === v);
  const f = trace.frames.find((fr) => fr.kind === "event" && happeningNotes(trace, fr.i).some(matches));
  if (!f) throw new Error(`no frame with note ${key} ${JSON.stringify(params)}`);
  return f;
}
