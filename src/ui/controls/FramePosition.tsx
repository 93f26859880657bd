import { formatSeconds } from "../../model/format";
import { useLab } from "../../store/labStore";
import { positionOf } from "../../store/numbering";
import { useWords } from "../i18n";

/** "t=5.000s · step 3 of 9" in Event mode, "· frame 26 of 42" in Line mode (src/store/numbering.ts). */
export function FramePosition() {
  const page = useWords().dict.page;
  const where = useLab((s) => page.controls.position(positionOf(s.derived, s.trace.frames.length, s.cursor, s.stepSize)));
  const t = useLab((s) => s.trace.frames[s.cursor]?.t ?? 0);
  return (
    <p className="font-mono text-xs whitespace-nowrap text-slate-700 tabular-nums dark:text-slate-200">
      t={formatSeconds(t)}s · {where}
    </p>
  );
}
