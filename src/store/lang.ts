import type { Lang } from "./types";

/**
 * The language a first visit opens in: Simplified Chinese when the browser's first language is
 * Chinese (zh, zh-CN, zh-Hans, zh-TW…: the lab has no Traditional Chinese, and a Chinese reader
 * is better served by it than by English), else English. A remembered choice or a link's `l`
 * comes first (labStore's merge, store/url.ts).
 */
export function browserLang(languages: readonly string[] | undefined = typeof navigator === "undefined" ? undefined : navigator.languages): Lang {
  const first = languages?.find((l) => typeof l === "string" && l.trim() !== "");
  return first && /^zh(?:[-_]|$)/i.test(first.trim()) ? "zh" : "en";
}
