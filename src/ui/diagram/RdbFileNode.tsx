import type { ServerView } from "../../model";
import { bytes } from "../i18n/format";
import { useWords } from "../i18n";
import type { Box } from "./layout";

/** dump.rdb on disk, drawn as a page with a folded corner. */
export function RdbFileNode({ box: { x, y, w, h }, file, writing }: { box: Box; file: ServerView["rdbFile"]; writing: boolean }) {
  const fold = 12;
  const t = useWords().dict.page.diagram;
  const d = `M${x} ${y}h${w - fold}l${fold} ${fold}V${y + h}H${x}Z`;
  return (
    <g>
      <path
        data-box=""
        d={d}
        className={`lit ${file.exists ? "fill-amber-50 stroke-amber-700 dark:fill-amber-950 dark:stroke-amber-300" : "fill-transparent stroke-slate-400 dark:stroke-slate-500"}`}
        strokeWidth={writing ? 2.2 : 1.4}
        strokeDasharray={file.exists ? undefined : "4 3"}
      />
      <path d={`M${x + w - fold} ${y}v${fold}h${fold}`} className="fill-none stroke-slate-400 dark:stroke-slate-500" />
      <text x={x + 8} y={y + 17} className="diagram-title fill-slate-900 font-mono dark:fill-slate-50">
        dump.rdb
      </text>
      <text x={x + 8} y={y + 34} className="diagram-small fill-slate-800 dark:fill-slate-100">
        {file.exists ? t.rdbOnDisk(bytes(file.size)) : t.rdbMissing}
        {writing ? t.rdbWriting : ""}
      </text>
      {file.exists && (
        <text x={x + 8} y={y + 50} className="diagram-small fill-slate-700 dark:fill-slate-200">
          {t.rdbWrittenBy(file.writtenBy || null)}
        </text>
      )}
    </g>
  );
}
