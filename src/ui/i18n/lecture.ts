/**
 * Lecture mode's and the speaker window's words. English comes with those pieces' own chunks;
 * Simplified Chinese loads on first use, like the explanations (index.ts).
 */
import { lazyDict } from "./lazyDict";
import { lectureEn } from "./lecture.en";
import type { LectureDict } from "./lecture.types";

const lecture = lazyDict<LectureDict>(lectureEn, () => import("./lecture.zh").then((m) => m.lectureZh));

/** Lecture mode's words in the chosen language (English until the other one has loaded). */
export function useLectureWords(): LectureDict {
  return lecture.use().dict;
}
