/**
 * Whether the scenario's narration speaks at this frame (as the Narration component shows it: not
 * while the scenario has sandbox edits), and whether the model's details are open. The panels fold
 * their generated bullets under a disclosure when it does, so a step is not told twice; the
 * disclosure's open/closed choice holds for every step until the page is reloaded.
 */
import { useState, useSyncExternalStore } from "react";
import type { Trace } from "../../model";
import { stepsFor, type ResolvedStep } from "../../lesson/steps";
import { narrationVersion, subscribeNarration } from "../../scenarios/narration";
import type { Scenario } from "../../scenarios/schema";
import { useLab } from "../../store/labStore";

const frameSets = new WeakMap<ResolvedStep[], Set<number>>();

/** The frames a narration step is said at (stepsFor keeps the steps once per trace and narration). */
function narratedFrames(scenario: Scenario, trace: Trace): Set<number> {
  const steps = stepsFor(scenario, trace);
  let frames = frameSets.get(steps);
  if (!frames) frameSets.set(steps, (frames = new Set(steps.map((s) => s.frame))));
  return frames;
}

export function useNarrated(scenario: Scenario, trace: Trace, cursor: number): boolean {
  // Re-render when the narration arrives (it loads after the first render).
  useSyncExternalStore(subscribeNarration, narrationVersion);
  const edited = useLab((s) => s.edits.length > 0);
  return !edited && narratedFrames(scenario, trace).has(cursor);
}

let detailsOpen = false;

/** The details' open state, shared by every step (and kept when the panel remounts). */
export function useDetailsOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(detailsOpen);
  return [
    open,
    (next: boolean) => {
      detailsOpen = next;
      setOpen(next);
    },
  ];
}
