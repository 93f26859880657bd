/**
 * "Export messages as SVG": the sequence diagram as a standalone file for slides, with the
 * computed styles written onto each element the way the picture's export does (src/ui/export/svg.ts).
 */
import { download, fileSafe } from "../export/download";
import { serializeDiagram } from "../export/svg";

export function exportSequenceSvg(svg: SVGSVGElement, scenarioId: string): void {
  const file = serializeDiagram(svg);
  download(new Blob([file.text], { type: "image/svg+xml" }), `fullresync-${fileSafe(scenarioId)}-messages.svg`);
}
