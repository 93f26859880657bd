import type { ReactNode } from "react";
import { formatSeconds, logTimestamp } from "../../model/format";
import { ioOf, outputBufferAt, wireAt, type Frame, type ReplicaView, type Trace } from "../../model";
import { useDict } from "../i18n";
import { SPEC_NAMES } from "../i18n/a11yNames";
import type { PageDict } from "../i18n/page.types";
import { ReplicaStatechart } from "../statechart/ReplicaStatechart";
import type { ReplicaRow } from "../view/replicaRows";
import { StateBadge } from "./StateBadge";
import { collapseWire, WireList } from "./WireList";

type Words = PageDict["replicas"];

function Heading({ children }: { children: ReactNode }) {
  return <h4 className="mt-1.5 text-[11px] font-semibold text-slate-700 dark:text-slate-200">{children}</h4>;
}

function OutputBuffer({ trace, frame, r, baselineEnd, t }: { trace: Trace; frame: Frame; r: ReplicaView; baselineEnd: number; t: Words }) {
  const queued = outputBufferAt(trace, frame, r);
  const hasErr = queued.some((m) => m.startsWith("-ERR"));
  const freshFrom = Math.max(0, baselineEnd - ioOf(frame, r).replyStart);
  return (
    <>
      <Heading>{t.outputBuffer}</Heading>
      <WireList items={collapseWire(queued, freshFrom)} empty={t.empty} tone={hasErr ? "error" : "plain"} />
      {hasErr && <p className="mt-0.5 text-[11px] text-rose-900 dark:text-rose-200">{t.neverDelivered}</p>}
    </>
  );
}

function History({ trace, frame, history, t }: { trace: Trace; frame: Frame; history: ReplicaView[]; t: Words }) {
  if (!history.length) return null;
  return (
    <>
      <Heading>{t.earlier}</Heading>
      <ul className="text-[11px] text-slate-700 dark:text-slate-200">
        {history.map((h) => (
          <li key={h.key}>
            #{h.conn}: {h.machine === "dropped" ? t.dropped(h.dropReason ? t.subs[h.dropReason] : "?") : h.machine}
            {h.closed ? `, ${t.connectionClosed}` : ""}
            {outputBufferAt(trace, frame, h).length > 0 && (
              <span className="text-rose-900 dark:text-rose-200">
                {" "}— {t.neverSent} <span className="font-mono">{outputBufferAt(trace, frame, h).join(" · ")}</span>
              </span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ReplicaCard({ trace, row, frame, baseline }: { trace: Trace; row: ReplicaRow; frame: Frame; baseline: Frame | undefined }) {
  const t = useDict().dict.page.replicas;
  const r = row.current;
  const before = r ? baseline?.replicas.find((b) => b.key === r.key) : undefined;
  const wire = r ? wireAt(trace, frame, r) : [];
  const beforeIo = before && baseline ? ioOf(baseline, before) : undefined;
  const logs = trace.replicaLogs[row.id]?.slice(0, row.agent?.logLen ?? 0) ?? [];
  const beforeLog = baseline?.agents.find((a) => a.id === row.id)?.logLen ?? 0;
  return (
    <article className="border-b border-slate-200 px-2 py-2 last:border-b-0 dark:border-slate-700">
      {/* The group's name stays "Replica <id>" in every language (SPEC §6; i18n/a11yNames.ts). */}
      <div role="group" aria-label={SPEC_NAMES.replica(row.id)}>
        <h3 className="flex flex-wrap items-baseline gap-x-2 text-sm font-semibold">
          {t.heading(row.id)}
          {r && (
            <span className="text-[11px] font-normal text-slate-700 dark:text-slate-200">
              {r.name} · {r.command} · {t.capa(r.capa)}
              {r.conn > 1 ? ` · ${t.connection(r.conn)}` : ""}
            </span>
          )}
        </h3>
        <div className="mt-1 flex flex-wrap items-center gap-1">
          <StateBadge replica={r} />
          {r?.flags.map((f) => (
            <span key={f} className="rounded border border-slate-400 px-1 font-mono text-[10px] text-slate-800 dark:border-slate-500 dark:text-slate-100">
              {f}
            </span>
          ))}
        </div>
        {r ? (
          <>
            <Heading>{t.wire}</Heading>
            <WireList items={collapseWire(wire, beforeIo?.wireLen ?? 0)} empty={t.nothingYet} />
            <OutputBuffer trace={trace} frame={frame} r={r} baselineEnd={beforeIo?.replyEnd ?? 0} t={t} />
          </>
        ) : (
          <p className="mt-1 text-[11px] text-slate-700 dark:text-slate-200">{t.notConnectedAt(formatSeconds(frame.t))}</p>
        )}
        {logs.length > 0 && (
          <>
            <Heading>{t.ownLog}</Heading>
            <ol className="font-mono text-[10.5px] leading-snug text-slate-800 dark:text-slate-200">
              {logs.map((l, i) => (
                <li key={i} className={`break-words ${i >= beforeLog ? "bg-yellow-100 dark:bg-yellow-900/60" : ""}`}>
                  {i >= beforeLog && <span className="sr-only">{t.fresh}</span>}
                  {logTimestamp(l.t).slice(7)} {l.level === "warning" ? "#" : "*"} {l.text}
                </li>
              ))}
            </ol>
          </>
        )}
        <History trace={trace} frame={frame} history={row.history} t={t} />
      </div>
      <details className="mt-1.5" open>
        <summary className="cursor-pointer text-[11px] font-semibold text-slate-700 dark:text-slate-200">{t.statechart}</summary>
        <ReplicaStatechart replica={r} id={row.id} />
      </details>
    </article>
  );
}
