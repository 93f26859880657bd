/** A runner on the same thread: tests, the CLI, and a page whose browser cannot start the worker. */
import { computeTrace } from "./compute";
import type { TraceRunner } from "./runner";

export const localRunner: TraceRunner = {
  synchronous: true,
  run: (scenario, handlers, on) => {
    let result;
    try {
      result = computeTrace(scenario, handlers.onProgress, on);
    } catch (e) {
      handlers.onError(e instanceof Error ? e.message : String(e));
      return () => {};
    }
    handlers.onDone(result);
    return () => {};
  },
};
