/**
 * The words of embedding and export. English ships with the header's buttons; Simplified Chinese
 * loads on first use, like the explanations (index.ts).
 */
import { useSyncExternalStore } from "react";
import { useLab, type Lang } from "../../store/labStore";
import { publishEn } from "./publish.en";
import type { PublishDict } from "./publish.types";

const loaded: Partial<Record<Lang, PublishDict>> = { en: publishEn };
const listeners = new Set<() => void>();
let zhRequested = false;

function request(lang: Lang): void {
  if (lang !== "zh" || zhRequested) return;
  zhRequested = true;
  void import("./publish.zh").then(
    (m) => {
      loaded.zh = m.publishZh;
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

/** The words in the chosen language (English until the other one has loaded). */
export function usePublish(): PublishDict {
  const lang = useLab((s) => s.lang);
  request(lang);
  return useSyncExternalStore(subscribe, () => loaded[lang] ?? publishEn);
}

export type { PublishDict } from "./publish.types";
