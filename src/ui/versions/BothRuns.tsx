/**
 * The scenario on screen, from the frame on screen, run on both versions of a pair and shown side
 * by side (the "What changed" view): the page's own run for 4.0.14, and a run on the newer version
 * computed off the page's thread for this view.
 */
import { useEffect, useMemo, useState } from "react";
import { formatSeconds } from "../../model/format";
import type { Trace } from "../../model/trace";
import { MODELLED_VERSIONS, versionProblem } from "../../model/versions/modelled";
import { DEFAULT_VERSION, type RedisVersion } from "../../model/versions/names";
import { pageRunner } from "../../run/pageRunner";
import { useLab } from "../../store/labStore";
import { useWords } from "../i18n";
import { happeningsFrom, type Happening } from "./nextHappenings";

const SHOWN = 6;

type Run = { status: "computing" } | { status: "failed"; why: string } | { status: "ready"; trace: Trace };

export function BothRuns({ from, to }: { from: RedisVersion; to: RedisVersion }) {
  const t = useWords("versions").dict.compare;
  const scenario = useLab((s) => s.scenario);
  const trace = useLab((s) => s.trace);
  const cursor = useLab((s) => s.cursor);
  const at = trace.frames[cursor]?.t ?? 0;
  // The page runs the default version; the view runs the newer one.
  const runnable = from === DEFAULT_VERSION && MODELLED_VERSIONS.includes(to);
  const problem = useMemo(() => (runnable ? versionProblem(scenario, to) : null), [runnable, scenario, to]);
  const [run, setRun] = useState<Run>({ status: "computing" });

  useEffect(() => {
    if (!runnable || problem) return;
    const runner = pageRunner();
    setRun({ status: "computing" });
    const cancel = runner.run(
      scenario,
      { onDone: (r) => setRun({ status: "ready", trace: r.trace }), onError: (why) => setRun({ status: "failed", why }) },
      { redis: to },
    );
    return () => {
      cancel();
      runner.dispose?.();
    };
  }, [scenario, to, runnable, problem]);

  const older = useMemo(() => happeningsFrom(trace, at, SHOWN), [trace, at]);
  const newer = useMemo(() => (run.status === "ready" ? happeningsFrom(run.trace, at, SHOWN) : null), [run, at]);
  const seconds = formatSeconds(at);
  return (
    <section aria-label={t.title(seconds)} className="border-b border-slate-300 p-3 dark:border-slate-600">
      <h3 className="text-sm font-semibold">{t.title(seconds)}</h3>
      {!runnable && <p className="mt-1 text-sm">{t.notModelled(MODELLED_VERSIONS.includes(from) ? to : from)}</p>}
      {runnable && problem && <p className="mt-1 text-sm">{t.scripts(to)}</p>}
      {runnable && !problem && (
        <>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-200">{t.intro}</p>
          <div className="mt-2 grid gap-3 md:grid-cols-2">
            <Column version={from} happenings={older} />
            {newer ? (
              <Column version={to} happenings={newer} />
            ) : (
              <p role={run.status === "failed" ? "alert" : "status"} className="text-sm">
                {run.status === "failed" ? t.failed(run.why) : t.computing(to)}
              </p>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function Column({ version, happenings }: { version: RedisVersion; happenings: Happening[] }) {
  const t = useWords("versions").dict.compare;
  const cause = useWords().dict.page.cause;
  return (
    <section aria-label={t.run(version)} className="min-w-0 rounded border border-slate-200 p-2 dark:border-slate-700">
      <h4 className="text-xs font-semibold">{t.run(version)}</h4>
      {!happenings.length && <p className="text-sm">{t.nothing}</p>}
      <ol className="mt-1 space-y-1.5">
        {happenings.map((h) => (
          <li key={h.frame} className="text-sm">
            <p>
              <span className="font-mono text-[12px] text-slate-600 dark:text-slate-300">{t.at(formatSeconds(h.t))}</span> {cause(h.cause)}
            </p>
            <ul className="font-mono text-[11.5px] leading-4 break-words">
              {h.log.map((l, k) => (
                <li key={`l${k}`}>{l}</li>
              ))}
              {h.replicaLog.map((l, k) => (
                <li key={`r${k}`} className="text-slate-700 dark:text-slate-300">
                  [{l.id}] {l.text}
                </li>
              ))}
              {h.wire.map((w, k) => (
                <li key={`w${k}`} className="text-indigo-800 dark:text-indigo-300">
                  {t.wire(w.key)} {JSON.stringify(w.text).slice(1, -1)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
