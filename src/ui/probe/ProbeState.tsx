import type { ReplicaSnapshot, ServerSnapshot } from "../../model";
import { useWords } from "../i18n";

function Messages({ items, empty, tone }: { items: string[]; empty: string; tone: "plain" | "error" }) {
  if (!items.length) return <p className="text-[11px] text-slate-600 italic dark:text-slate-300">{empty}</p>;
  return (
    <ol className="space-y-px font-mono text-[11px] leading-snug">
      {items.map((m, i) => (
        <li
          key={i}
          className={`rounded px-1 break-all ${m.startsWith("-ERR") || tone === "error" ? "bg-rose-100 text-rose-950 dark:bg-rose-950 dark:text-rose-100" : "text-slate-800 dark:text-slate-200"}`}
        >
          {m === "\n" ? "\\n" : m}
        </li>
      ))}
    </ol>
  );
}

function ReplicaAtLine({ r, changed }: { r: ReplicaSnapshot; changed: boolean }) {
  const t = useWords("tools").dict.probe;
  return (
    <div
      role="group"
      aria-label={t.replicaAtLine(r.id)}
      className={`rounded border px-1.5 py-1 ${changed ? "border-yellow-500 bg-yellow-50 dark:border-yellow-400 dark:bg-yellow-900/40" : "border-slate-200 dark:border-slate-700"}`}
    >
      <p className="flex flex-wrap items-baseline gap-x-2 text-[12px]">
        <strong>{r.id}</strong>
        <span className="font-mono">{r.replstate}</span>
        <span className="text-slate-600 dark:text-slate-300">{t.inSlaves(r.inSlaves)}</span>
        {r.psyncInitialOffset >= 0 && <span className="font-mono text-slate-600 dark:text-slate-300">{t.offset(r.psyncInitialOffset)}</span>}
      </p>
      <p className="mt-0.5 flex flex-wrap gap-1">
        {r.flags.map((f) => (
          <span key={f} className="rounded border border-slate-400 px-1 font-mono text-[10px] dark:border-slate-500">
            {f}
          </span>
        ))}
      </p>
      <p className="mt-0.5 text-[11px] font-semibold">{t.wire}</p>
      <Messages items={r.wire} empty={t.empty} tone="plain" />
      <p className="mt-0.5 text-[11px] font-semibold">{t.outputBuffer}</p>
      <Messages items={r.outputBuffer} empty={t.empty} tone="plain" />
    </div>
  );
}

/** The server log so far and every replica's state at the line looked at. */
export function ProbeState({ snapshot, previous }: { snapshot: ServerSnapshot; previous: ServerSnapshot | null }) {
  const t = useWords("tools").dict.probe;
  const before = new Map(previous?.replicas.map((r) => [r.id, JSON.stringify(r)]));
  return (
    <div className="flex flex-col gap-2">
      <section aria-label={t.log}>
        <h4 className="text-[12px] font-semibold">{t.log}</h4>
        {snapshot.log.length ? (
          <ol className="font-mono text-[11px] leading-snug">
            {snapshot.log.map((l, i) => (
              <li key={i} className={`break-words ${l.level === "warning" ? "text-rose-900 dark:text-rose-200" : ""} ${previous && i >= previous.log.length ? "bg-yellow-100 dark:bg-yellow-900/60" : ""}`}>
                {l.level === "warning" ? "#" : "*"} {l.text}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-[11px] text-slate-600 italic dark:text-slate-300">{t.logEmpty}</p>
        )}
      </section>
      <section aria-label={t.replicasNow} className="flex flex-col gap-1">
        <h4 className="text-[12px] font-semibold">{t.replicasNow}</h4>
        {snapshot.replicas.map((r) => (
          <ReplicaAtLine key={r.id} r={r} changed={!!previous && before.get(r.id) !== JSON.stringify(r)} />
        ))}
      </section>
    </div>
  );
}
