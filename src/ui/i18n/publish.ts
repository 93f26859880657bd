/**
 * The words of embedding and export. English ships with the header's buttons; Simplified Chinese
 * loads on first use, like the explanations (index.ts).
 */
import { lazyDict } from "./lazyDict";
import { publishEn } from "./publish.en";
import type { PublishDict } from "./publish.types";

const publish = lazyDict<PublishDict>(publishEn, () => import("./publish.zh").then((m) => m.publishZh));

/** The words in the chosen language (English until the other one has loaded). */
export function usePublish(): PublishDict {
  return publish.use().dict;
}

export type { PublishDict } from "./publish.types";
