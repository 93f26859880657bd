import { useEffect } from "react";
import type { Lang } from "../../store/types";

/** <html lang> follows the language shown, so screen readers and fonts pick the right one. */
export function useDocumentLang(lang: Lang): void {
  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-Hans" : "en";
  }, [lang]);
}
