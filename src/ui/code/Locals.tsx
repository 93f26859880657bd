import { formatSeconds } from "../../model/format";
import type { PortLocals } from "../../model";
import { useWords } from "../i18n";

const NAMES = ["socket_target", "mincapa", "rsiptr", "retval", "slave"] as const;

function show(name: (typeof NAMES)[number], locals: PortLocals | null): string {
  if (!locals) return "—";
  const v = locals[name];
  if (v === undefined) return "—";
  if (name === "retval") return v === 0 ? "C_OK (0)" : v === -1 ? "C_ERR (-1)" : String(v);
  if (name === "mincapa") {
    const c = v as number;
    const bits = [c & 1 ? "EOF" : "", c & 2 ? "PSYNC2" : ""].filter(Boolean).join("|");
    return `${c}${bits ? ` (${bits})` : ""}`;
  }
  return String(v);
}

/** The function's local variables: live inside the function, greyed from the last call otherwise. */
export function Locals({ locals, live, lastCallT }: { locals: PortLocals | null; live: boolean; lastCallT: number | null }) {
  const t = useWords().dict.page.code;
  return (
    <div className="border-b border-slate-200 px-2 py-1 dark:border-slate-700">
      <p className="text-[11px] text-slate-600 dark:text-slate-300">
        {live ? t.locals : lastCallT !== null ? t.localsLast(formatSeconds(lastCallT)) : t.localsNone}
      </p>
      <dl className={`grid grid-cols-[repeat(auto-fill,minmax(9.5rem,1fr))] gap-x-2 font-mono text-xs ${live ? "" : "code-idle"}`}>
        {NAMES.map((n) => (
          <div key={n} className="flex gap-1 whitespace-nowrap">
            <dt className="text-slate-600 dark:text-slate-400">{n}</dt>
            <dd className="font-semibold text-slate-900 dark:text-slate-50">{show(n, locals)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
