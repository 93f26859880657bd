/**
 * "Export messages as SVG": the sequence diagram as a standalone file for slides, made the way the
 * picture's export is (src/ui/export/svg.ts): presentation attributes, sized to what it draws, and
 * the same caption — scenario, time, step — under it (its legend is part of the drawing).
 */
import type { Lang } from "../../store/types";
import { exportCaption } from "../export/caption";
import { download, fileSafe } from "../export/download";
import { serializeDiagram } from "../export/svg";
import type { Dict } from "../i18n";

export function exportSequenceSvg(svg: SVGSVGElement, scenarioId: string, dict: Dict, lang: Lang): void {
  const file = serializeDiagram(svg, exportCaption(dict, lang, false));
  download(new Blob([file.text], { type: "image/svg+xml" }), `fullresync-${fileSafe(scenarioId)}-messages.svg`);
}
