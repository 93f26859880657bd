/**
 * The caption an exported picture carries (src/ui/export/svg.ts), in the page's language: the
 * scenario's title; the moment — its virtual time and the step or frame as the counter numbers it
 * (src/store/numbering.ts); the sandbox edits, if any; and, for the picture, the legend of its pipes.
 */
import { formatSeconds } from "../../model/format";
import { useLab } from "../../store/labStore";
import { positionOf } from "../../store/numbering";
import type { Lang } from "../../store/types";
import { EDGE_STYLE } from "../diagram/Edge";
import type { Dict } from "../i18n";
import type { Caption } from "./svg";

export function exportCaption(dict: Dict, lang: Lang, withLegend: boolean): Caption {
  const s = useLab.getState();
  const t = formatSeconds(s.trace.frames[s.cursor]?.t ?? 0);
  const where = dict.page.controls.position(positionOf(s.derived, s.trace.frames.length, s.cursor, s.stepSize));
  const d = dict.page.diagram;
  const swatch = (text: string, kind: "control" | "disk" | "socket" | "error") => ({ text, stroke: EDGE_STYLE[kind].stroke, dash: EDGE_STYLE[kind].dash });
  return {
    title: s.scenario.title[lang],
    lines: [[`t = ${t} s`, where, ...(s.edits.length ? [dict.panels.picker.editedBadge(s.edits.length)] : [])].join(" · ")],
    legend: withLegend ? [swatch(d.legendControl, "control"), swatch(d.legendDisk, "disk"), swatch(d.legendSocket, "socket"), swatch(d.legendError, "error")] : [],
  };
}
