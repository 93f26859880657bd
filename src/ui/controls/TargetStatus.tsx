import { useLab } from "../../store/labStore";

/**
 * "BGSAVE target": the running RDB child's type, else what the last startBgsaveForReplication
 * call chose, else none.
 */
export function TargetStatus() {
  const running = useLab((s) => s.trace.frames[s.cursor]?.server.rdbChildType ?? "none");
  const last = useLab((s) => s.derived.lastTarget[s.cursor] ?? null);
  const inCall = useLab((s) => {
    const f = s.trace.frames[s.cursor];
    return !!f?.locals && f.line !== null;
  });
  const target = running !== "none" ? running : (last ?? "none");
  const detail = running !== "none" ? "child running" : last ? (inCall ? "this call" : "last call") : "no call yet";
  const tone =
    target === "disk"
      ? "border-amber-600 text-amber-800 dark:border-amber-400 dark:text-amber-200"
      : target === "socket"
        ? "border-cyan-600 text-cyan-800 dark:border-cyan-400 dark:text-cyan-200"
        : "border-slate-400 text-slate-700 dark:border-slate-500 dark:text-slate-300";
  return (
    <div role="status" aria-label="BGSAVE target" className={`flex items-center gap-1 rounded-md border px-2 py-1 text-xs whitespace-nowrap ${tone}`}>
      <span className="text-slate-600 dark:text-slate-300">BGSAVE target:</span>
      <strong className="font-mono">{target}</strong>
      <span className="text-slate-600 dark:text-slate-400">({detail})</span>
    </div>
  );
}
