/** The messages between the page and the simulation worker (plain data, structured-cloned). */
import type { RedisVersion } from "../model/versions/names";
import type { Scenario } from "../scenarios/schema";
import type { TracePart, TraceRestPart } from "./parcel";
import type { RunProgress } from "./runner";

export interface RunRequestMessage {
  id: number;
  scenario: Scenario;
  /** The Redis version of the run (4.0.14 unless given). */
  redis?: RedisVersion;
}

export type RunReplyMessage =
  | { id: number; kind: "progress"; progress: RunProgress }
  /** A part of the finished trace (parcel.ts); the parts come in order, then "done" with the rest. */
  | { id: number; kind: "part"; part: TracePart }
  | { id: number; kind: "done"; rest: TraceRestPart }
  | { id: number; kind: "error"; message: string };
