import { useLab } from "../../store/labStore";
import { useWords } from "../i18n";
import { useNames } from "../i18n/a11yNames";

/**
 * "BGSAVE target": the running RDB child's type, else what the last startBgsaveForReplication
 * call chose, else none. The value (disk / socket / none) is a code word in every language.
 */
export function TargetStatus() {
  const running = useLab((s) => s.trace.frames[s.cursor]?.server.rdbChildType ?? "none");
  const last = useLab((s) => s.derived.lastTarget[s.cursor] ?? null);
  const inCall = useLab((s) => {
    const f = s.trace.frames[s.cursor];
    return !!f?.locals && f.line !== null;
  });
  const t = useWords().dict.page.controls;
  const names = useNames();
  const target = running !== "none" ? running : (last ?? "none");
  const d = t.targetDetail;
  const detail = running !== "none" ? d.running : last ? (inCall ? d.thisCall : d.lastCall) : d.noCall;
  const tone =
    target === "disk"
      ? "border-amber-600 text-amber-800 dark:border-amber-400 dark:text-amber-200"
      : target === "socket"
        ? "border-cyan-600 text-cyan-800 dark:border-cyan-400 dark:text-cyan-200"
        : "border-slate-400 text-slate-700 dark:border-slate-500 dark:text-slate-300";
  return (
    <div role="status" aria-label={names.target} className={`flex items-center gap-1 rounded-md border px-2 py-1 text-xs whitespace-nowrap ${tone}`}>
      <span className="text-slate-600 dark:text-slate-300">{t.target}</span>
      <strong className="font-mono">{target}</strong>
      <span className="text-slate-600 dark:text-slate-400">({detail})</span>
    </div>
  );
}
