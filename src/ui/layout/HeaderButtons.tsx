import { useLab, type Lang } from "../../store/labStore";
import { useAppliedTheme } from "../hooks/useTheme";
import { useWords } from "../i18n";

const SMALL_BUTTON =
  "inline-flex h-8 items-center gap-1 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700";

export function ThemeToggle() {
  const { dark, toggle } = useAppliedTheme();
  const t = useWords().dict.page.header;
  return (
    // Below 2xl only the sun/moon shows (the header is crowded); the name is always "Dark theme".
    <button type="button" className={SMALL_BUTTON} aria-pressed={dark} onClick={toggle} title={`${t.darkTheme} — ${t.themeTitle}`}>
      <span aria-hidden="true">{dark ? "☾" : "☀"}</span>
      <span className="sr-only 2xl:not-sr-only">{t.darkTheme}</span>
    </button>
  );
}

/** The language of the whole page. Each option names itself in its own language, so it can always be found. */
export function LanguageSelect() {
  const lang = useLab((s) => s.lang);
  const setLang = useLab((s) => s.setLang);
  const t = useWords().dict.page.header;
  return (
    <label className="flex items-center gap-1 text-sm text-slate-700 dark:text-slate-200">
      <span className="sr-only">{t.language}</span>
      <select
        className="h-8 rounded-md border border-slate-300 bg-white px-1 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
        value={lang}
        onChange={(e) => setLang(e.target.value as Lang)}
      >
        <option value="en" lang="en">
          English
        </option>
        <option value="zh" lang="zh-Hans">
          简体中文
        </option>
      </select>
    </label>
  );
}

/** Copy link lives with the rest of sharing (src/ui/share); the keyboard shortcuts are in the More menu (MoreButton.tsx). */
export { CopyLinkButton } from "../share/CopyLinkButton";
