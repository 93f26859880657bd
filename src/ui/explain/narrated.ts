/**
 * Whether the scenario's narration speaks at this frame (as the Narration component shows it: not
 * while the scenario has sandbox edits), and whether the model's details are open. The panels fold
 * their generated bullets under a disclosure when it does, so a step is not told twice; the
 * disclosure's open/closed choice holds for every step until the page is reloaded.
 */
import { useState, useSyncExternalStore } from "react";
import type { Trace } from "../../model";
import { resolveSteps } from "../../lesson/steps";
import { narrationVersion, subscribeNarration } from "../../scenarios/narration";
import type { Scenario } from "../../scenarios/schema";
import { useLab } from "../../store/labStore";

const cache = new WeakMap<Trace, { version: number; frames: Set<number> }>();

/** The frames a narration step is said at. */
export function narratedFrames(scenario: Scenario, trace: Trace, version: number): Set<number> {
  let hit = cache.get(trace);
  if (!hit || hit.version !== version) {
    hit = { version, frames: new Set(resolveSteps(scenario, trace).map((s) => s.frame)) };
    cache.set(trace, hit);
  }
  return hit.frames;
}

export function useNarrated(scenario: Scenario, trace: Trace, cursor: number): boolean {
  const version = useSyncExternalStore(subscribeNarration, narrationVersion);
  const edited = useLab((s) => s.edits.length > 0);
  return !edited && narratedFrames(scenario, trace, version).has(cursor);
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
