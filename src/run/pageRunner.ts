/**
 * The page's runner: the simulation worker; where a browser cannot start one, the same thread
 * (loaded on first use, so the simulation is never part of the page's first load).
 */
import type { TraceRunner } from "./runner";
import { workerRunner } from "./workerRunner";

export function pageRunner(): TraceRunner {
  if (typeof Worker === "function") {
    try {
      return workerRunner();
    } catch {
      // fall through: no worker here
    }
  }
  return deferredLocalRunner();
}

/** The same-thread runner, imported when the first run is asked for. */
function deferredLocalRunner(): TraceRunner {
  return {
    synchronous: false,
    run: (scenario, handlers, on) => {
      let cancelled = false;
      void import("./localRunner").then(
        ({ localRunner }) => {
          if (!cancelled) localRunner.run(scenario, handlers, on);
        },
        (e: unknown) => {
          if (!cancelled) handlers.onError(e instanceof Error ? e.message : String(e));
        },
      );
      return () => {
        cancelled = true;
      };
    },
  };
}
