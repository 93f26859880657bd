import { SPEEDS, useLab, type Speed } from "../../store/labStore";
import { useWords } from "../i18n";

export function SpeedSelect() {
  const speed = useLab((s) => s.speed);
  const setSpeed = useLab((s) => s.setSpeed);
  const { dict } = useWords();
  return (
    <label className="lecture-hide flex items-center gap-1 text-xs text-slate-600 dark:text-slate-300">
      {dict.page.controls.speed}
      <select
        className="h-8 rounded-md border border-slate-300 bg-white px-1 text-sm text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
        value={speed}
        onChange={(e) => setSpeed(Number(e.target.value) as Speed)}
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
    </label>
  );
}
