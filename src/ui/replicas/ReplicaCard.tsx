import { lazy, memo, Suspense, type ReactNode } from "react";
import { formatSeconds, logTimestamp } from "../../model/format";
import type { ReplicaIo, ReplicaView, Trace } from "../../model";
import { wireSlice } from "../../model/trace";
import { useWords } from "../i18n";
import { useNames } from "../i18n/a11yNames";
import type { PageDict } from "../i18n";
import { Terms } from "../orient/Term";
import { CHART_SIZE } from "../statechart/chartSize";
import { sameCard, type CardModel } from "./cardModel";
import { StateBadge } from "./StateBadge";
import { collapseWire, WireList } from "./WireList";
import { LINKED_ROW } from "../link/styles";

/**
 * The code ↔ picture link on a card (src/ui/link): whether its replica is lit, and which of its
 * wire entries and queued replies (indexes into trace.wires[key]).
 */
export interface CardLink {
  card: boolean;
  wire?: ReadonlySet<number>;
  reply?: ReadonlySet<number>;
}

// The statechart and the layout it computes from the machine load after the first screen; the
// card keeps their room meanwhile (chartSize.ts).
const ReplicaStatechart = lazy(() => import("../statechart/ReplicaStatechart").then((m) => ({ default: m.ReplicaStatechart })));

type Words = PageDict["replicas"];

function Heading({ children }: { children: ReactNode }) {
  return <h4 className="mt-1.5 text-[11px] font-semibold text-slate-700 dark:text-slate-200">{children}</h4>;
}

function OutputBuffer({ queued, freshFrom, t, linked, offset }: { queued: string[]; freshFrom: number; t: Words; linked?: ReadonlySet<number>; offset: number }) {
  const hasErr = queued.some((m) => m.startsWith("-ERR"));
  return (
    <>
      <Heading>{t.outputBuffer}</Heading>
      <WireList items={collapseWire(queued, freshFrom, linked, offset)} empty={t.empty} tone={hasErr ? "error" : "plain"} />
      {hasErr && <p className="mt-0.5 text-[11px] text-rose-900 dark:text-rose-200">{t.neverDelivered}</p>}
    </>
  );
}

function History({ trace, model, t }: { trace: Trace; model: CardModel; t: Words }) {
  if (!model.history.length) return null;
  return (
    <>
      <Heading>{t.earlier}</Heading>
      {model.historyCount > model.history.length && (
        <p className="text-[11px] text-slate-700 dark:text-slate-200">{t.earlierMore(model.historyCount - model.history.length)}</p>
      )}
      <ul className="text-[11px] text-slate-700 dark:text-slate-200">
        {model.history.map((h, k) => {
          const io = model.historyIo[k] as ReplicaIo;
          const unsent = trace.wires[h.key]?.reply.slice(io.replyStart, io.replyEnd) ?? [];
          return (
            <li key={h.key}>
              #{h.conn}: {h.machine === "dropped" ? t.dropped(h.dropReason ? t.subs[h.dropReason] : "?") : h.machine}
              {h.closed ? `, ${t.connectionClosed}` : ""}
              {unsent.length > 0 && (
                <span className="text-rose-900 dark:text-rose-200">
                  {" "}— {t.neverSent} <span className="font-mono">{unsent.join(" · ")}</span>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function Flags({ r }: { r: ReplicaView | null }) {
  return (
    <>
      {r?.flags.map((f) => (
        <span key={f} className="rounded border border-slate-400 px-1 font-mono text-[10px] text-slate-800 dark:border-slate-500 dark:text-slate-100">
          {f}
        </span>
      ))}
    </>
  );
}

function Connection({ r, t }: { r: ReplicaView; t: Words }) {
  return (
    <span className="text-[11px] font-normal text-slate-700 dark:text-slate-200">
      {r.name} · <Terms text={`${r.command} · ${t.capa(r.capa)}`} />
      {r.conn > 1 ? ` · ${t.connection(r.conn)}` : ""}
    </span>
  );
}

/** Wire, output buffer, own log and earlier connections. */
function CardBody({ trace, model, t, link }: { trace: Trace; model: CardModel; t: Words; link?: CardLink }) {
  const r = model.current;
  const log = r ? trace.wires[r.key] : undefined;
  const wire = log ? wireSlice(trace, log, 0, model.io.wireLen) : [];
  const queued = log?.reply.slice(model.io.replyStart, model.io.replyEnd) ?? [];
  const logs = trace.replicaLogs[model.id]?.slice(0, model.agent?.logLen ?? 0) ?? [];
  return (
    <>
      {r ? (
        <>
          <Heading>{t.wire}</Heading>
          <WireList items={collapseWire(wire, model.wireBefore, link?.wire)} empty={t.nothingYet} />
          <OutputBuffer queued={queued} freshFrom={Math.max(0, model.replyBefore - model.io.replyStart)} t={t} linked={link?.reply} offset={model.io.replyStart} />
        </>
      ) : (
        <p className="mt-1 text-[11px] text-slate-700 dark:text-slate-200">{t.notConnectedAt(formatSeconds(model.time))}</p>
      )}
      {logs.length > 0 && (
        <>
          <Heading>{t.ownLog}</Heading>
          <ol className="font-mono text-[10.5px] leading-snug text-slate-800 dark:text-slate-200">
            {logs.map((l, i) => (
              <li key={i} className={`break-words ${i >= model.logBefore ? "bg-yellow-100 dark:bg-yellow-900/60" : ""}`}>
                {i >= model.logBefore && <span className="sr-only">{t.fresh}</span>}
                {logTimestamp(l.t).slice(7)} {l.level === "warning" ? "#" : "*"} {l.text}
              </li>
            ))}
          </ol>
        </>
      )}
      <History trace={trace} model={model} t={t} />
    </>
  );
}

/**
 * Outside the replica's group: the chart names every state, and the group's text must name only
 * the state the replica is in (docs/architecture.md §8).
 */
function Statechart({ model, t }: { model: CardModel; t: Words }) {
  return (
    <details className="mt-1.5" open>
      <summary className="cursor-pointer text-[11px] font-semibold text-slate-700 dark:text-slate-200">{t.statechart}</summary>
      <Suspense fallback={<div aria-hidden="true" className="w-full max-w-[19rem]" style={{ aspectRatio: `${CHART_SIZE.width} / ${CHART_SIZE.height}` }} />}>
        <ReplicaStatechart replica={model.current} id={model.id} />
      </Suspense>
    </details>
  );
}

/**
 * One replica: its connection, state, wire, output buffer, own log, earlier connections and
 * statechart. Rendered again only when what it shows changed (cardModel.ts), so a step through a
 * scenario with many replicas renders just the replicas the step touched.
 */
export const ReplicaCard = memo(
  function ReplicaCard({ trace, model, link }: { trace: Trace; model: CardModel; link?: CardLink }) {
    const t = useWords().dict.page.replicas;
    const names = useNames();
    const r = model.current;
    return (
      <article data-linked={link?.card ? "" : undefined} className={`replica-card border-b border-slate-200 px-2 py-2 last:border-b-0 dark:border-slate-700 ${link?.card ? LINKED_ROW : ""}`}>
        {/* Named as its heading reads: "Replica <id>" in English (docs/architecture.md §8; i18n/a11yNames.ts). */}
        <div role="group" aria-label={names.replica(model.id)}>
          <h3 className="flex flex-wrap items-baseline gap-x-2 text-sm font-semibold">
            {t.heading(model.id)}
            {r && <Connection r={r} t={t} />}
          </h3>
          <div className="mt-1 flex flex-wrap items-center gap-1">
            <StateBadge replica={r} />
            <Flags r={r} />
          </div>
          <CardBody trace={trace} model={model} t={t} link={link} />
        </div>
        <Statechart model={model} t={t} />
      </article>
    );
  },
  (a, b) => a.trace === b.trace && sameLink(a.link, b.link) && sameCard(a.model, b.model),
);

/**
 * Many replicas: one line each (state, how much reached the socket, what is queued), opened on
 * demand into the whole card. A step re-renders only the lines whose replica changed.
 */
export const ReplicaLine = memo(
  function ReplicaLine({ trace, model, open, onToggle, link }: { trace: Trace; model: CardModel; open: boolean; onToggle: (id: string) => void; link?: CardLink }) {
    const t = useWords().dict.page.replicas;
    const names = useNames();
    const r = model.current;
    const bodyId = `replica-body-${model.id}`;
    const queued = model.io.replyEnd - model.io.replyStart;
    return (
      // content-visibility: lines scrolled out of view are not laid out or painted (hundreds of them).
      <article
        data-linked={link?.card ? "" : undefined}
        className={`border-b border-slate-200 px-2 py-1 [contain-intrinsic-size:auto_2rem] [content-visibility:auto] last:border-b-0 dark:border-slate-700 ${link?.card ? LINKED_ROW : ""}`}
      >
        <div role="group" aria-label={names.replica(model.id)}>
          <h3 className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm font-semibold">
            <button
              type="button"
              aria-expanded={open}
              aria-controls={open ? bodyId : undefined}
              onClick={() => onToggle(model.id)}
              className="inline-flex items-center gap-1 rounded px-0.5 hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              <span aria-hidden="true" className="inline-block w-3 text-slate-600 dark:text-slate-300">
                {open ? "▾" : "▸"}
              </span>
              {t.heading(model.id)}
            </button>
            <StateBadge replica={r} />
            {r && (
              <span className="font-mono text-[10.5px] font-normal text-slate-700 dark:text-slate-200">
                {t.counts(model.io.wireLen, queued)}
              </span>
            )}
          </h3>
          {open && (
            <div id={bodyId} className="pb-1 pl-4">
              {r && <Connection r={r} t={t} />}
              <div className="mt-1 flex flex-wrap items-center gap-1">
                <Flags r={r} />
              </div>
              <CardBody trace={trace} model={model} t={t} link={link} />
            </div>
          )}
        </div>
        {open && (
          <div className="pl-4">
            <Statechart model={model} t={t} />
          </div>
        )}
      </article>
    );
  },
  (a, b) => a.trace === b.trace && a.open === b.open && a.onToggle === b.onToggle && sameLink(a.link, b.link) && sameCard(a.model, b.model),
);

const sameLink = (a: CardLink | undefined, b: CardLink | undefined) => a === b || (!!a && !!b && a.card === b.card && a.wire === b.wire && a.reply === b.reply);
