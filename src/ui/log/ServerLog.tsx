import { useEffect, useRef } from "react";
import { formatLogLine } from "../../model/format";
import { stepStart } from "../../store/derive";
import { useLab } from "../../store/labStore";
import { useDict } from "../i18n";
import { SPEC_NAMES } from "../i18n/a11yNames";

/** The primary's log up to this frame; the lines this step added are marked. */
export function ServerLog() {
  const trace = useLab((s) => s.trace);
  const derived = useLab((s) => s.derived);
  const cursor = useLab((s) => s.cursor);
  const stepSize = useLab((s) => s.stepSize);
  const frame = trace.frames[cursor];
  const from = stepStart(derived, cursor, stepSize);
  const newFrom = trace.frames[from]?.logStart ?? 0;
  const lines = trace.log.slice(0, frame?.logLen ?? 0);
  const box = useRef<HTMLDivElement>(null);
  const t = useDict().dict.page;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const firstNew = el.querySelector<HTMLElement>("[data-new]");
    el.scrollTop = firstNew ? Math.max(0, firstNew.offsetTop - 8) : el.scrollHeight;
  }, [cursor, trace]);

  return (
    <section aria-label={SPEC_NAMES.serverLog} className="panel flex h-full min-h-0 flex-col">
      <h2 className="panel-title">{t.log.title}</h2>
      <div ref={box} tabIndex={0} className="scroll-box relative min-h-0 flex-1 overflow-auto px-2 py-1">
        {lines.length === 0 ? (
          <p className="text-xs text-slate-600 italic dark:text-slate-300">{t.log.empty}</p>
        ) : (
          <ol className="font-mono text-[11px] leading-snug">
            {lines.map((l, i) => {
              const fresh = i >= newFrom;
              return (
                <li
                  key={i}
                  data-new={fresh && i === newFrom ? "" : undefined}
                  className={`break-words ${fresh ? "border-l-4 border-yellow-500 bg-yellow-100 pl-1 text-slate-950 dark:bg-yellow-900/60 dark:text-yellow-50" : "pl-2"} ${
                    l.level === "warning" ? "text-rose-900 dark:text-rose-200" : "text-slate-800 dark:text-slate-200"
                  }`}
                >
                  {fresh && <span className="sr-only">{t.replicas.fresh}</span>}
                  {formatLogLine(l)}
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </section>
  );
}
