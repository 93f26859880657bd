import { expect } from "vitest";
import type { Frame, ReplicaView, Trace } from "../index";
import { CATALOGUE } from "../../scenarios/catalogue";
import { outputBufferAt, runScenario, wireAt } from "../index";

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

export function wireOf(trace: Trace, frame: Frame, key: string): string[] {
  return wireAt(trace, frame, conn(frame, key));
}

export function bufferOf(trace: Trace, frame: Frame, key: string): string[] {
  return outputBufferAt(trace, frame, conn(frame, key));
}

/** First event frame whose notes include `key` (and match `params`). */
export function frameWithNote(trace: Trace, key: string, params: Record<string, unknown> = {}): Frame {
  const f = trace.frames.find(
    (fr) => fr.kind === "event" && fr.notes.some((n) => n.key === key && Object.entries(params).every(([k, v]) => n[k] === v)),
  );
  if (!f) throw new Error(`no frame with note ${key} ${JSON.stringify(params)}`);
  return f;
}
