import { useLab, type StepSize } from "../../store/labStore";
import { useWords } from "../i18n";

const SIZES: StepSize[] = ["event", "line"];

export function StepSizeToggle() {
  const stepSize = useLab((s) => s.stepSize);
  const setStepSize = useLab((s) => s.setStepSize);
  const t = useWords().dict.page.controls;
  const words = { event: { label: t.event, hint: t.eventHint }, line: { label: t.line, hint: t.lineHint } };
  return (
    <fieldset className="flex items-center gap-1 text-sm">
      <legend className="sr-only">{t.stepSize}</legend>
      <span aria-hidden="true" className="mr-1 text-xs text-slate-600 dark:text-slate-300">
        {t.step}
      </span>
      <div className="flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-600">
        {SIZES.map((value) => (
          <label
            key={value}
            title={words[value].hint}
            className="relative cursor-pointer px-2 py-1 text-slate-700 has-checked:bg-slate-800 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-indigo-500 dark:text-slate-200 dark:has-checked:bg-slate-200 dark:has-checked:text-slate-900"
          >
            <input
              type="radio"
              name="step-size"
              value={value}
              checked={stepSize === value}
              onChange={() => setStepSize(value)}
              className="absolute inset-0 cursor-pointer appearance-none opacity-0"
            />
            {words[value].label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
