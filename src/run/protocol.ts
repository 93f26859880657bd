/** The messages between the page and the simulation worker (plain data, structured-cloned). */
import type { Scenario } from "../scenarios/schema";
import type { LoadedTrace, RunProgress } from "./runner";

export interface RunRequestMessage {
  id: number;
  scenario: Scenario;
}

export type RunReplyMessage =
  | { id: number; kind: "progress"; progress: RunProgress }
  | { id: number; kind: "done"; result: LoadedTrace }
  | { id: number; kind: "error"; message: string };
