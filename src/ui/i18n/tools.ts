/**
 * The sandbox's and the probe's words. English comes with the panels' own chunk; Simplified
 * Chinese loads on first use, like the explanations (index.ts).
 */
import { useSyncExternalStore } from "react";
import { useLab, type Lang } from "../../store/labStore";
import type { ToolsDict } from "./panels.types";
import { toolsEn } from "./tools.en";

const loaded: Partial<Record<Lang, ToolsDict>> = { en: toolsEn };
const listeners = new Set<() => void>();
let zhRequested = false;

function request(lang: Lang): void {
  if (lang !== "zh" || zhRequested) return;
  zhRequested = true;
  void import("./tools.zh").then(
    (m) => {
      loaded.zh = m.toolsZh;
      for (const l of listeners) l();
    },
    () => {
      zhRequested = false; // offline or failed: English stays, a later switch retries
    },
  );
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The tools' words in the chosen language (English until the other one has loaded). */
export function useTools(): ToolsDict {
  const lang = useLab((s) => s.lang);
  request(lang);
  return useSyncExternalStore(subscribe, () => loaded[lang] ?? toolsEn);
}
