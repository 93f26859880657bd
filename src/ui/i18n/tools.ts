/**
 * The sandbox's and the probe's words. English comes with the panels' own chunk; Simplified
 * Chinese loads on first use, like the explanations (index.ts).
 */
import { lazyDict } from "./lazyDict";
import type { ToolsDict } from "./panels.types";
import { toolsEn } from "./tools.en";

const tools = lazyDict<ToolsDict>(toolsEn, () => import("./tools.zh").then((m) => m.toolsZh));

/** The tools' words in the chosen language (English until the other one has loaded). */
export function useTools(): ToolsDict {
  return tools.use().dict;
}
