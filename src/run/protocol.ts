/** The messages between the page and the simulation worker (plain data, structured-cloned). */
import type { Scenario } from "../scenarios/schema";
import type { TracePart, TraceRestPart } from "./parcel";
import type { RunProgress } from "./runner";

export interface RunRequestMessage {
  id: number;
  scenario: Scenario;
}

export type RunReplyMessage =
  | { id: number; kind: "progress"; progress: RunProgress }
  /** A part of the finished trace (parcel.ts); the parts come in order, then "done" with the rest. */
  | { id: number; kind: "part"; part: TracePart }
  | { id: number; kind: "done"; rest: TraceRestPart }
  | { id: number; kind: "error"; message: string };
