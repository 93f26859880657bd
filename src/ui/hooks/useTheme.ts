import { useEffect } from "react";
import { useLab } from "../../store/labStore";
import type { ThemePref as Theme } from "../../store/types";
import { systemDarkNow, useSystemDark } from "./useSystemDark";

function isDark(theme: Theme, systemDark: boolean): boolean {
  return theme === "system" ? systemDark : theme === "dark";
}

/**
 * `.dark` on <html> (index.css sets color-scheme from it). Changed only when it differs: a class
 * change on the root restyles the whole page.
 */
function applyDark(dark: boolean): void {
  const root = document.documentElement;
  if (root.classList.contains("dark") !== dark) root.classList.toggle("dark", dark);
}

/** Before the first render, so the first paint is in the right theme and is not restyled after. */
export function applyThemeNow(theme: Theme): void {
  applyDark(isDark(theme, systemDarkNow()));
}

/** The theme shown now (the system's until the user toggles), applied as `.dark` on <html>. */
export function useAppliedTheme(): { dark: boolean; toggle: () => void } {
  const theme = useLab((s) => s.theme);
  const toggleTheme = useLab((s) => s.toggleTheme);
  const systemDark = useSystemDark();
  const dark = isDark(theme, systemDark);

  useEffect(() => applyDark(dark), [dark]);

  return { dark, toggle: () => toggleTheme(systemDark) };
}
