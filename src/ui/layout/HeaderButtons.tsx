import { useLab, type Lang } from "../../store/labStore";
import { useAppliedTheme } from "../hooks/useTheme";

const SMALL_BUTTON =
  "inline-flex h-8 items-center gap-1 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700";

export function ThemeToggle() {
  const { dark, toggle } = useAppliedTheme();
  return (
    <button type="button" className={SMALL_BUTTON} aria-pressed={dark} onClick={toggle} title="Switch between light and dark">
      <span aria-hidden="true">{dark ? "☾" : "☀"}</span>
      Dark theme
    </button>
  );
}

export function LanguageSelect() {
  const lang = useLab((s) => s.lang);
  const setLang = useLab((s) => s.setLang);
  return (
    <label className="flex items-center gap-1 text-sm text-slate-700 dark:text-slate-200">
      <span className="sr-only">Language of the explanations</span>
      <select
        className="h-8 rounded-md border border-slate-300 bg-white px-1 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
        value={lang}
        onChange={(e) => setLang(e.target.value as Lang)}
      >
        <option value="en">English</option>
        <option value="zh" lang="zh-Hans">
          简体中文
        </option>
      </select>
    </label>
  );
}

/** Copy link lives with the rest of sharing (src/ui/share). */
export { CopyLinkButton } from "../share/CopyLinkButton";

export function HelpButton() {
  const toggleHelp = useLab((s) => s.toggleHelp);
  return (
    <button type="button" className={SMALL_BUTTON} onClick={toggleHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
      <span aria-hidden="true">?</span>
    </button>
  );
}
