/**
 * The scenario on screen, from the frame on screen, run on both versions of a pair and shown side
 * by side (the "What changed" view): the page's own run for the version it is on, and a run on the
 * other version computed off the page's thread for this view.
 */
import { useEffect, useMemo, useState } from "react";
import { formatSeconds } from "../../model/format";
import type { Trace } from "../../model/trace";
import { MODELLED_VERSIONS, versionProblem } from "../../model/versions/modelled";
import type { RedisVersion } from "../../model/versions/names";
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
  // The page's own run for the version it is on; the view runs the other one.
  const runnable = MODELLED_VERSIONS.includes(from) && MODELLED_VERSIONS.includes(to);
  const problem = useMemo(() => (runnable ? (versionProblem(scenario, from) ?? versionProblem(scenario, to)) : null), [runnable, scenario, from, to]);
  const older = useRunOn(from, runnable && !problem);
  const newer = useRunOn(to, runnable && !problem);

  const olderHappenings = useMemo(() => (older.status === "ready" ? happeningsFrom(older.trace, at, SHOWN) : null), [older, at]);
  const newerHappenings = useMemo(() => (newer.status === "ready" ? happeningsFrom(newer.trace, at, SHOWN) : null), [newer, at]);
  const seconds = formatSeconds(at);
  const waiting = (version: RedisVersion, run: Run) => (
    <p role={run.status === "failed" ? "alert" : "status"} className="text-sm">
      {run.status === "failed" ? t.failed(run.why) : t.computing(version)}
    </p>
  );
  return (
    <section aria-label={t.title(seconds)} className="border-b border-slate-300 p-3 dark:border-slate-600">
      <h3 className="text-sm font-semibold">{t.title(seconds)}</h3>
      {!runnable && <p className="mt-1 text-sm">{t.notModelled(MODELLED_VERSIONS.includes(from) ? to : from)}</p>}
      {runnable && problem && (
        <p className="mt-1 text-sm">
          {scenario.events.some((e) => e.type === "evalsha") ? t.scripts(versionProblem(scenario, to) ? to : from) : t.maxReplicas(versionProblem(scenario, from) ? from : to)}
        </p>
      )}
      {runnable && !problem && (
        <>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-200">{t.intro}</p>
          <div className="mt-2 grid gap-3 md:grid-cols-2">
            {olderHappenings ? <Column version={from} happenings={olderHappenings} /> : waiting(from, older)}
            {newerHappenings ? <Column version={to} happenings={newerHappenings} /> : waiting(to, newer)}
          </div>
        </>
      )}
    </section>
  );
}

/** The scenario on screen run on `version`: the page's own trace when the page runs that version, else a run of this view's own. */
function useRunOn(version: RedisVersion, wanted: boolean): Run {
  const scenario = useLab((s) => s.scenario);
  const trace = useLab((s) => s.trace);
  const own = trace.redis === version;
  const [run, setRun] = useState<Run>({ status: "computing" });
  useEffect(() => {
    if (!wanted || own) return;
    const runner = pageRunner();
    setRun({ status: "computing" });
    const cancel = runner.run(
      scenario,
      { onDone: (r) => setRun({ status: "ready", trace: r.trace }), onError: (why) => setRun({ status: "failed", why }) },
      { redis: version },
    );
    return () => {
      cancel();
      runner.dispose?.();
    };
  }, [scenario, version, wanted, own]);
  return own ? { status: "ready", trace } : run;
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
