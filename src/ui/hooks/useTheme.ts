import { useEffect } from "react";
import { useLab } from "../../store/labStore";
import { useSystemDark } from "./useSystemDark";

/** The theme shown now (the system's until the user toggles), applied as `.dark` on <html>. */
export function useAppliedTheme(): { dark: boolean; toggle: () => void } {
  const theme = useLab((s) => s.theme);
  const toggleTheme = useLab((s) => s.toggleTheme);
  const systemDark = useSystemDark();
  const dark = theme === "system" ? systemDark : theme === "dark";

  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle("dark", dark);
    root.style.colorScheme = dark ? "dark" : "light";
  }, [dark]);

  return { dark, toggle: () => toggleTheme(systemDark) };
}
