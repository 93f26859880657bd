import { formatSeconds } from "../../model/format";
import { useLab } from "../../store/labStore";

export function FramePosition() {
  const cursor = useLab((s) => s.cursor);
  const count = useLab((s) => s.trace.frames.length);
  const t = useLab((s) => s.trace.frames[s.cursor]?.t ?? 0);
  return (
    <p className="font-mono text-xs whitespace-nowrap text-slate-700 tabular-nums dark:text-slate-200">
      t={formatSeconds(t)}s · {cursor + 1}/{count}
    </p>
  );
}
