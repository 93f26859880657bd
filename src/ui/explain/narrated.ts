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

/** What the narration says at this frame, and the predictions asked here (none while the scenario has sandbox edits). */
export function useNarration(scenario: Scenario, trace: Trace, cursor: number): { edited: boolean; here: ResolvedStep[]; asks: ResolvedStep[] } {
  // Re-render when the narration arrives (it loads after the first render).
  useSyncExternalStore(subscribeNarration, narrationVersion);
  const edited = useLab((s) => s.edits.length > 0);
  if (edited) return { edited, here: [], asks: [] };
  const steps = stepsFor(scenario, trace);
  return {
    edited,
    here: steps.filter((s) => s.frame === cursor),
    asks: steps.filter((s) => s.step.predict && s.askFrame === cursor && s.frame > cursor),
  };
}

/** Whether the scenario's narration speaks at this frame. */
export function useNarrated(scenario: Scenario, trace: Trace, cursor: number): boolean {
  return useNarration(scenario, trace, cursor).here.length > 0;
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
