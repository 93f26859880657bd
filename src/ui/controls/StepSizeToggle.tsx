import { useLab, type StepSize } from "../../store/labStore";

const OPTIONS: { value: StepSize; label: string; hint: string }[] = [
  { value: "event", label: "Event", hint: "one happening at a time" },
  { value: "line", label: "Line", hint: "every executed line of the function" },
];

export function StepSizeToggle() {
  const stepSize = useLab((s) => s.stepSize);
  const setStepSize = useLab((s) => s.setStepSize);
  return (
    <fieldset className="flex items-center gap-1 text-sm">
      <legend className="sr-only">Step size</legend>
      <span aria-hidden="true" className="mr-1 text-xs text-slate-600 dark:text-slate-300">
        Step
      </span>
      <div className="flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-600">
        {OPTIONS.map((o) => (
          <label
            key={o.value}
            title={o.hint}
            className="relative cursor-pointer px-2 py-1 text-slate-700 has-checked:bg-slate-800 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-indigo-500 dark:text-slate-200 dark:has-checked:bg-slate-200 dark:has-checked:text-slate-900"
          >
            <input
              type="radio"
              name="step-size"
              value={o.value}
              checked={stepSize === o.value}
              onChange={() => setStepSize(o.value)}
              className="absolute inset-0 cursor-pointer appearance-none opacity-0"
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
