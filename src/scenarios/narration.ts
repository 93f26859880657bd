/**
 * Narration steps of the catalogue, which the browser build loads after the page is up (they are
 * most of the catalogue's weight; see scripts/vite-catalogue-narration.ts). A document that
 * carries its own `steps` (Node, tests, a user's file) uses those.
 */
import type { RedisVersion } from "../model/versions/names";
import { writtenFor, type Scenario, type ScenarioStep } from "./schema";

const loaded = new Map<string, ScenarioStep[]>();
const loadedNotes = new Map<string, NonNullable<Scenario["versionNotes"]>>();
const listeners = new Set<() => void>();
let version = 0;

export function stepsOf(scenario: Scenario): ScenarioStep[] {
  return scenario.steps ?? loaded.get(scenario.id) ?? [];
}

/** The scenario's `versionNotes`: its own, or the catalogue's once they arrived (they load with the steps). */
export function versionNotesOf(scenario: Scenario): Scenario["versionNotes"] {
  return scenario.versionNotes ?? loadedNotes.get(scenario.id);
}

/**
 * Whether a step is shown on a run of `redis` (docs/scenario-format.md §7a): the narration is
 * written for that version, and the step is not kept to others.
 */
export function stepShownOn(scenario: Scenario, step: ScenarioStep, redis: RedisVersion): boolean {
  return narratedOn(scenario, redis) && (!step.redis || step.redis.includes(redis));
}

/** Whether the scenario's narration is written for runs of `redis`. */
export function narratedOn(scenario: Scenario, redis: RedisVersion): boolean {
  return writtenFor(scenario).includes(redis);
}

/**
 * The scenario as a document that carries its narration: in the browser build a catalogue
 * scenario's steps arrive separately, and a file or export written from it must still have them.
 */
export function withNarration(scenario: Scenario): Scenario {
  const notes = scenario.versionNotes ? undefined : loadedNotes.get(scenario.id);
  const withNotes = notes ? { ...scenario, versionNotes: notes } : scenario;
  if (withNotes.steps) return withNotes;
  const steps = loaded.get(scenario.id);
  return steps?.length ? { ...withNotes, steps } : withNotes;
}

/** Whether the scenario's narration is known (its own, or the catalogue's has arrived). */
export function narrationReady(scenario: Scenario): boolean {
  return scenario.steps !== undefined || loaded.has(scenario.id) || version > 0;
}

export function registerNarration(steps: Record<string, ScenarioStep[]>, notes: Record<string, NonNullable<Scenario["versionNotes"]>> = {}): void {
  for (const [id, list] of Object.entries(steps)) loaded.set(id, list);
  for (const [id, n] of Object.entries(notes)) loadedNotes.set(id, n);
  version++;
  for (const l of listeners) l();
}

export function subscribeNarration(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function narrationVersion(): number {
  return version;
}
