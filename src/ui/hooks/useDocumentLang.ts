import { useEffect } from "react";
import type { Lang } from "../../store/types";

/** <html lang> for a language; set only when it differs (an attribute change on the root restyles). */
export function applyDocumentLang(lang: Lang): void {
  const value = lang === "zh" ? "zh-Hans" : "en";
  if (document.documentElement.lang !== value) document.documentElement.lang = value;
}

/** <html lang> follows the language shown, so screen readers and fonts pick the right one. */
export function useDocumentLang(lang: Lang): void {
  useEffect(() => applyDocumentLang(lang), [lang]);
}
