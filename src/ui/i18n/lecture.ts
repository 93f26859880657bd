/**
 * Lecture mode's and the speaker window's words. English comes with those pieces' own chunks;
 * Simplified Chinese loads on first use, like the explanations (index.ts).
 */
import { useSyncExternalStore } from "react";
import { useLab, type Lang } from "../../store/labStore";
import { lectureEn } from "./lecture.en";
import type { LectureDict } from "./lecture.types";

const loaded: Partial<Record<Lang, LectureDict>> = { en: lectureEn };
const listeners = new Set<() => void>();
let zhRequested = false;

function request(lang: Lang): void {
  if (lang !== "zh" || zhRequested) return;
  zhRequested = true;
  void import("./lecture.zh").then(
    (m) => {
      loaded.zh = m.lectureZh;
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

/** Lecture mode's words in the chosen language (English until the other one has loaded). */
export function useLectureWords(): LectureDict {
  const lang = useLab((s) => s.lang);
  request(lang);
  return useSyncExternalStore(subscribe, () => loaded[lang] ?? lectureEn);
}
