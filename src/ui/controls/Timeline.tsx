import { memo } from "react";
import { formatSeconds } from "../../model/format";
import type { Marker } from "../../model";
import { useLab } from "../../store/labStore";
import { frameNumber, positionOf } from "../../store/numbering";
import { useWords } from "../i18n";
import { useNames } from "../i18n/a11yNames";
import { markerMarks } from "./markerBuckets";

const MARKER_STYLE: Record<Marker["kind"], { shape: string; colour: string }> = {
  "bgsave-start": { shape: "▲", colour: "text-sky-700 dark:text-sky-300" },
  failure: { shape: "✕", colour: "text-rose-700 dark:text-rose-300" },
  online: { shape: "●", colour: "text-emerald-700 dark:text-emerald-300" },
};

/** The scrubber: one position per frame, with markers for BGSAVE start, failure and ONLINE. */
export function Timeline() {
  const cursor = useLab((s) => s.cursor);
  const trace = useLab((s) => s.trace);
  const markers = useLab((s) => s.derived.markers);
  const derived = useLab((s) => s.derived);
  const stepSize = useLab((s) => s.stepSize);
  const seek = useLab((s) => s.seek);
  const page = useWords().dict.page;
  const names = useNames();
  const last = trace.frames.length - 1;
  const frame = trace.frames[cursor];

  return (
    <div className="flex min-w-0 flex-1 flex-col">
      <input
        type="range"
        aria-label={names.timeline}
        min={0}
        max={last}
        step={1}
        value={cursor}
        aria-valuetext={page.controls.timelineValue(positionOf(derived, last + 1, cursor, stepSize), frameNumber(cursor), last + 1, formatSeconds(frame?.t ?? 0))}
        onChange={(e) => seek(Number(e.target.value))}
        className="h-5 w-full cursor-pointer accent-indigo-600 dark:accent-indigo-400"
      />
      <MarkerTrack markers={markers} last={last} />
    </div>
  );
}

/** The markers change only with the trace, not with the cursor: drawn once per trace, at most one mark per slot (markerBuckets.ts). */
const MarkerTrack = memo(function MarkerTrack({ markers, last }: { markers: Marker[]; last: number }) {
  const page = useWords().dict.page;
  const pct = (i: number) => (last > 0 ? (i / last) * 100 : 0);
  return (
    // Markers sit under the thumb track; the thumb is ~16 px wide, hence the inset.
    <div aria-hidden="true" className="relative mx-2 h-4 text-[10px] leading-none">
      {markerMarks(markers, last).map(({ first: m, count, lastT }) => (
        <span
          key={`${m.kind}-${m.frame}-${m.target}`}
          title={
            count > 1
              ? `${page.markers.label(m)} — t = ${formatSeconds(m.t)} s ${page.markers.more(count - 1, formatSeconds(lastT))}`
              : `${page.markers.label(m)} — t = ${formatSeconds(m.t)} s`
          }
          className={`absolute top-0 -translate-x-1/2 ${MARKER_STYLE[m.kind].colour}`}
          style={{ left: `${pct(m.frame)}%` }}
        >
          {MARKER_STYLE[m.kind].shape}
        </span>
      ))}
    </div>
  );
});

export function TimelineLegend() {
  const t = useWords().dict.page.markers;
  return (
    <ul className="flex gap-3 text-sm text-slate-800 dark:text-slate-100">
      <li>
        <span aria-hidden="true" className={MARKER_STYLE["bgsave-start"].colour}>▲</span> {t.bgsaveStart}
      </li>
      <li>
        <span aria-hidden="true" className={MARKER_STYLE.failure.colour}>✕</span> {t.failure}
      </li>
      <li>
        <span aria-hidden="true" className={MARKER_STYLE.online.colour}>●</span> {t.online}
      </li>
    </ul>
  );
}
