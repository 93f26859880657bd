import { CATALOGUE } from "../../scenarios/catalogue";
import type { Scenario } from "../../scenarios/schema";
import { useLab } from "../../store/labStore";

const GROUPS: { id: NonNullable<Scenario["group"]> | "other"; label: string }[] = [
  { id: "happy", label: "Happy paths" },
  { id: "batching", label: "Batching and waiting" },
  { id: "failures", label: "Failures" },
  { id: "other", label: "Other" },
];

export function ScenarioSelect() {
  const id = useLab((s) => s.scenario.id);
  const loadScenario = useLab((s) => s.loadScenario);
  return (
    <label className="flex min-w-0 items-center gap-2 text-sm text-slate-700 dark:text-slate-200">
      <span className="shrink-0">Scenario</span>
      <select
        className="h-8 max-w-[20rem] min-w-0 rounded-md border border-slate-300 bg-white px-1 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
        value={id}
        onChange={(e) => loadScenario(e.target.value)}
      >
        {GROUPS.map((g) => {
          const items = CATALOGUE.filter((s) => (s.group ?? "other") === g.id);
          if (!items.length) return null;
          return (
            <optgroup key={g.id} label={g.label}>
              {items.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title.en}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
    </label>
  );
}
