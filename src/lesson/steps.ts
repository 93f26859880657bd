/**
 * Where each narration step of a scenario sits in its trace. A step names an anchor:
 *   - `note`: the first event frame whose happening made a note with this key (e.g. "port.failed"),
 *   - `event`: the frame of the scenario event with this index,
 *   - `at`: the first event frame at or after this virtual time (seconds),
 * combined when several are given (note at or after `at`, note within event `event`).
 * The predict question is asked on the frame before the anchor, the answer shown at the anchor.
 * A step not shown on the trace's Redis version (docs/scenario-format.md §7a) is left out; its
 * index stays its place in the document.
 */
import { happeningNotes, type Frame, type Trace } from "../model/trace";
import { narrationVersion, stepShownOn, stepsOf } from "../scenarios/narration";
import type { Scenario, ScenarioStep } from "../scenarios/schema";

export interface ResolvedStep {
  step: ScenarioStep;
  index: number;
  /** The frame the step explains (the reveal frame for a prediction). */
  frame: number;
  /** Where a prediction is asked: the last event frame before the anchor's happening began. */
  askFrame: number;
}

export function resolveSteps(scenario: Scenario, trace: Trace): ResolvedStep[] {
  const out: ResolvedStep[] = [];
  stepsOf(scenario).forEach((step, index) => {
    if (!stepShownOn(scenario, step, trace.redis)) return;
    const f = trace.frames.find((fr) => matches(trace, fr, step));
    if (f) out.push({ step, index, frame: f.i, askFrame: askFrameFor(trace, f.i) });
  });
  return out;
}

const cache = new WeakMap<Trace, { version: number; scenario: Scenario; steps: ResolvedStep[] }>();

/** resolveSteps, computed once per trace and narration (playback asks on every tick). */
export function stepsFor(scenario: Scenario, trace: Trace): ResolvedStep[] {
  const version = narrationVersion();
  let hit = cache.get(trace);
  if (!hit || hit.version !== version || hit.scenario !== scenario) {
    hit = { version, scenario, steps: resolveSteps(scenario, trace) };
    cache.set(trace, hit);
  }
  return hit.steps;
}

/** Steps shown on the trace's version whose anchor matches no frame (a broken scenario document). */
export function unresolvedSteps(scenario: Scenario, trace: Trace): number[] {
  const found = new Set(resolveSteps(scenario, trace).map((r) => r.index));
  return stepsOf(scenario)
    .map((step, i) => (stepShownOn(scenario, step, trace.redis) ? i : -1))
    .filter((i) => i >= 0 && !found.has(i));
}

function matches(trace: Trace, f: Frame, step: ScenarioStep): boolean {
  if (f.kind !== "event") return false;
  if (step.at !== undefined && f.t < Math.round(step.at * 1000)) return false;
  if (step.event !== undefined && !(f.cause.type === "event" && f.cause.index === step.event)) return false;
  if (step.note !== undefined && !happeningNotes(trace, f.i).some((n) => n.key === step.note)) return false;
  return step.at !== undefined || step.event !== undefined || step.note !== undefined;
}

/** The last event frame before the happening that produced frame `i` (its line frames included). */
function askFrameFor(trace: Trace, i: number): number {
  let j = i - 1;
  while (j > 0 && trace.frames[j]?.kind === "line") j--;
  return Math.max(0, j);
}
