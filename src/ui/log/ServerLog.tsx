import { memo, useEffect, useRef } from "react";
import type { LogEntry } from "../../model/types";
import { formatLogLine } from "../../model/format";
import type { RedisVersion } from "../../model/versions/names";
import { stepStart } from "../../store/derive";
import { useWords } from "../i18n";
import { useStep } from "../hooks/useStep";
import { useNames } from "../i18n/a11yNames";
import { useLinked } from "../link/useLinked";
import { LINKED_ROW } from "../link/styles";

/** The primary's log up to this frame; the lines this step added are marked. */
export function ServerLog() {
  const { trace, derived, cursor, stepSize, frame } = useStep();
  const from = stepStart(derived, cursor, stepSize);
  const newFrom = trace.frames[from]?.logStart ?? 0;
  const logLen = frame.logLen;
  const box = useRef<HTMLDivElement>(null);
  const t = useWords().dict.page;
  const names = useNames();
  // Code ↔ picture (src/ui/link): the lines that belong to what the reader points at.
  const linked = useLinked().linked?.log ?? null;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const firstNew = el.querySelector<HTMLElement>("[data-new]");
    el.scrollTop = firstNew ? Math.max(0, firstNew.offsetTop - 8) : el.scrollHeight;
  }, [cursor, trace]);

  return (
    <section aria-label={names.serverLog} className="panel flex h-full min-h-0 flex-col">
      <h2 className="panel-title">{t.log.title}</h2>
      <div ref={box} tabIndex={0} className="scroll-box relative min-h-0 flex-1 overflow-auto px-2 py-1">
        {logLen === 0 ? (
          <p className="text-xs text-slate-600 italic dark:text-slate-300">{t.log.empty}</p>
        ) : (
          <ol className="font-mono text-[11px] leading-snug">
            {chunkStarts(logLen).map((start) => (
              <LogChunk
                key={start}
                log={trace.log}
                start={start}
                end={Math.min(logLen, start + CHUNK)}
                freshFrom={Math.min(CHUNK, Math.max(0, newFrom - start))}
                firstNew={newFrom >= start && newFrom < start + CHUNK ? newFrom - start : -1}
                freshLabel={t.replicas.fresh}
                linked={linked}
                redis={trace.redis}
              />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

/**
 * The log in chunks of lines: the log only grows and its entries never change, so a step renders
 * again only the chunks whose length or "new in this step" mark changed — a long log costs a step
 * a few comparisons, not a list of every line.
 */
const CHUNK = 64;

function chunkStarts(n: number): number[] {
  const out: number[] = [];
  for (let s = 0; s < n; s += CHUNK) out.push(s);
  return out;
}

const LogChunk = memo(function LogChunk({
  log,
  start,
  end,
  freshFrom,
  firstNew,
  freshLabel,
  linked,
  redis,
}: {
  /** The version whose log this is: its timestamps (docs/versions.md §13). */
  redis: RedisVersion;
  log: LogEntry[];
  start: number;
  end: number;
  /** Lines at or after start + freshFrom are new in this step (CHUNK: none of them). */
  freshFrom: number;
  /** The step's first new line (the log scrolls to it), relative to start; -1 if not here. */
  firstNew: number;
  freshLabel: string;
  linked: ReadonlySet<number> | null;
}) {
  const out = [];
  for (let i = start; i < end; i++) {
    const fresh = i - start >= freshFrom;
    out.push(<LogLine key={i} redis={redis} line={log[i] as LogEntry} fresh={fresh} first={i - start === firstNew} freshLabel={freshLabel} linked={!!linked?.has(i)} />);
  }
  return <>{out}</>;
});

/** One line of the log. */
const LogLine = memo(function LogLine({ line, fresh, first, freshLabel, linked, redis }: { line: LogEntry; fresh: boolean; first: boolean; freshLabel: string; linked: boolean; redis: RedisVersion }) {
  return (
    <li
      data-new={first ? "" : undefined}
      data-linked={linked ? "" : undefined}
      className={`break-words ${linked ? LINKED_ROW : ""} ${fresh ? "border-l-4 border-yellow-500 bg-yellow-100 pl-1 text-slate-950 dark:bg-yellow-900/60 dark:text-yellow-50" : "pl-2"} ${
        line.level === "warning" ? "text-rose-900 dark:text-rose-200" : "text-slate-800 dark:text-slate-200"
      }`}
    >
      {fresh && <span className="sr-only">{freshLabel}</span>}
      {formatLogLine(line, redis)}
    </li>
  );
});
