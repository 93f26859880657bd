/** What each item of the Export menu makes, from the store and the page as they are now. */
import { loadListing } from "../code/seed";
import { formatSeconds } from "../../model/format";
import { useLab } from "../../store/labStore";
import { frameNumber } from "../../store/numbering";
import type { Dict } from "../i18n";
import type { Lang } from "../../store/types";
import type { PublishDict } from "../i18n";
import { download, fileSafe } from "./download";
import { walkthroughMarkdown } from "./markdown";
import { exportCaption } from "./caption";
import { findDiagram, serializeDiagram, svgToPng } from "./svg";
import { traceJson } from "./traceJson";

export type ExportKind = "svg" | "png" | "json" | "markdown";

function baseName(): string {
  return `fullresync-${fileSafe(useLab.getState().scenario.id)}`;
}

/** The picture with its caption (scenario, moment, legend) in the page's language. */
function diagram(words: PublishDict, dict: Dict, lang: Lang) {
  const svg = findDiagram();
  if (!svg) throw new Error(words.export.noDiagram);
  return serializeDiagram(svg, exportCaption(dict, lang, true));
}

/** `dict` and `lang` are the explanations as shown (English while Chinese is still loading). */
export async function runExport(kind: ExportKind, words: PublishDict, dict: Dict, lang: Lang): Promise<void> {
  const s = useLab.getState();
  const at = `frame${frameNumber(s.cursor)}-t${formatSeconds(s.trace.frames[s.cursor]?.t ?? 0)}s`;
  switch (kind) {
    case "svg": {
      const svg = diagram(words, dict, lang);
      return download(new Blob([svg.text], { type: "image/svg+xml" }), `${baseName()}-${at}.svg`);
    }
    case "png": {
      const png = await svgToPng(diagram(words, dict, lang), 2);
      return download(png, `${baseName()}-${at}.png`);
    }
    case "json":
      return download(new Blob([traceJson(s.baseScenario, s.edits, s.trace)], { type: "application/json" }), `${baseName()}-trace.json`);
    case "markdown": {
      // The code lines are the trace's version's text.
      const codeLines = (await loadListing(s.trace.redis)).lines;
      const text = walkthroughMarkdown({ scenario: s.scenario, edits: s.edits, trace: s.trace, derived: s.derived, lang, dict, words: words.walkthrough, codeLines });
      return download(new Blob([text], { type: "text/markdown;charset=utf-8" }), `${baseName()}-walkthrough-${lang}.md`);
    }
  }
}
