/**
 * A dictionary whose English ships with its code and whose Simplified Chinese is a separate chunk
 * loaded on first use (it does not count against the first-load budget). Until it arrives, or if
 * loading fails (offline), English is shown; a later switch retries.
 */
import { useSyncExternalStore } from "react";
import { useLab, type Lang } from "../../store/labStore";

interface LazyDict<D> {
  /** The dictionary for the chosen language, and the language actually shown. */
  use: () => { dict: D; lang: Lang };
}

export function lazyDict<D>(en: D, loadZh: () => Promise<D>): LazyDict<D> {
  const loaded: Partial<Record<Lang, D>> = { en };
  const listeners = new Set<() => void>();
  let zhRequested = false;

  const request = (lang: Lang): void => {
    if (lang !== "zh" || zhRequested) return;
    zhRequested = true;
    void loadZh().then(
      (zh) => {
        loaded.zh = zh;
        for (const l of listeners) l();
      },
      () => {
        zhRequested = false;
      },
    );
  };
  const subscribe = (l: () => void): (() => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  };
  const get = (lang: Lang): D => loaded[lang] ?? en;

  return {
    use: () => {
      const lang = useLab((s) => s.lang);
      request(lang);
      const dict = useSyncExternalStore(subscribe, () => get(lang));
      return { dict, lang: dict === en ? "en" : lang };
    },
  };
}
