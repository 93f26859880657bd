import { useId } from "react";
import { BUTTON, Checkbox, Hint, QUIET_BUTTON, SelectField, TextField, ToolSection } from "../forms/fields";
import { useWords } from "../i18n";
import { callersMincapa, nextProbeId, PROBE_REPLSTATES, rsiAvailable, type ProbeInputs, type ProbeReplica } from "./probeModel";

const MAX_REPLICAS = 8;

export type ProbeErrors = Partial<Record<"delay" | "offset", string>>;

const bitsText = (m: number) => [m & 1 ? "EOF" : "", m & 2 ? "PSYNC2" : ""].filter(Boolean).join("|") || "0";

function ReplicaInputs({ r, onChange, onRemove }: { r: ProbeReplica; onChange: (r: ProbeReplica) => void; onRemove: () => void }) {
  const t = useWords("tools").dict.probe;
  return (
    <fieldset className="flex flex-wrap items-end gap-x-2 gap-y-1 rounded border border-slate-200 px-1.5 pt-0.5 pb-1.5 dark:border-slate-700">
      <legend className="px-1 font-mono text-[12px] font-semibold">{t.replicaLegend(r.id)}</legend>
      <SelectField
        label={t.fields.replstate}
        value={r.replstate}
        onChange={(replstate) => onChange({ ...r, replstate })}
        options={PROBE_REPLSTATES.map((s) => ({ value: s, label: s }))}
        className="w-44"
      />
      <button type="button" className={`${QUIET_BUTTON} ml-auto`} onClick={onRemove} aria-label={t.removeReplica(r.id)}>
        <span aria-hidden="true">✕</span>
      </button>
      <div className="flex w-full flex-wrap gap-x-3">
        <Checkbox label={t.fields.eof} checked={!r.oldSync && r.eof} disabled={r.oldSync} onChange={(eof) => onChange({ ...r, eof })} />
        <Checkbox label={t.fields.psync2} checked={!r.oldSync && r.psync2} disabled={r.oldSync} onChange={(psync2) => onChange({ ...r, psync2 })} />
        {/* A SYNC client (CLIENT_PRE_PSYNC) never sent REPLCONF capa: its capabilities are none. */}
        <Checkbox label={t.fields.oldSync} checked={r.oldSync} onChange={(oldSync) => onChange({ ...r, oldSync, ...(oldSync ? { eof: false, psync2: false } : {}) })} />
      </div>
    </fieldset>
  );
}

/** Every input of the one call: the primary's config and role, its replicas, faults and mincapa. */
export function ProbeInputsForm({ inputs, onChange, errors, onRun }: { inputs: ProbeInputs; onChange: (i: ProbeInputs) => void; errors: ProbeErrors; onRun: () => void }) {
  const t = useWords("tools").dict.probe;
  const childHint = useId();
  const set = (patch: Partial<ProbeInputs>) => onChange({ ...inputs, ...patch });
  const computed = callersMincapa(inputs.replicas);
  const rsi = rsiAvailable(inputs);

  return (
    <form
      aria-label={t.inputs}
      className="flex flex-col"
      onSubmit={(e) => {
        e.preventDefault();
        onRun();
      }}
    >
      <ToolSection title={t.sections.config}>
        <div className="flex flex-wrap items-end gap-2">
          <div className="pb-1">
            <Checkbox label={<span className="font-mono">{t.fields.diskless}</span>} checked={inputs.diskless} onChange={(diskless) => set({ diskless })} />
          </div>
          <TextField label={t.fields.delay} value={inputs.delay} onChange={(delay) => set({ delay })} error={errors.delay} inputMode="numeric" className="w-44" mono />
        </div>
      </ToolSection>
      <ToolSection title={t.sections.role}>
        <div className="flex flex-wrap items-end gap-2">
          <SelectField
            label={t.fields.role}
            value={inputs.role}
            onChange={(role) => set({ role })}
            options={[
              { value: "master", label: t.fields.master },
              { value: "replica", label: t.fields.replica },
            ]}
            className="min-w-0 flex-1"
          />
          {inputs.role === "master" ? (
            <div className="pb-1">
              <Checkbox label={t.fields.backlog} checked={inputs.backlog} onChange={(backlog) => set({ backlog })} />
            </div>
          ) : (
            <SelectField
              label={t.fields.upstream}
              value={inputs.upstream}
              onChange={(upstream) => set({ upstream })}
              options={(["linked", "cached", "none"] as const).map((u) => ({ value: u, label: t.upstreamOptions[u] }))}
              className="min-w-0 flex-1"
            />
          )}
        </div>
        <TextField label={t.fields.offset} value={inputs.offset} onChange={(offset) => set({ offset })} error={errors.offset} inputMode="numeric" className="w-44" mono />
        <Hint>
          <span className={rsi ? "" : "font-semibold text-rose-800 dark:text-rose-200"}>{t.rsi(rsi)}</span>
        </Hint>
      </ToolSection>
      <ToolSection title={t.sections.replicas}>
        {inputs.replicas.map((r, i) => (
          <ReplicaInputs
            key={r.id}
            r={r}
            onChange={(next) => set({ replicas: inputs.replicas.map((x, j) => (j === i ? next : x)) })}
            onRemove={() => set({ replicas: inputs.replicas.filter((_, j) => j !== i) })}
          />
        ))}
        <button
          type="button"
          className={`${QUIET_BUTTON} self-start`}
          disabled={inputs.replicas.length >= MAX_REPLICAS}
          onClick={() =>
            set({ replicas: [...inputs.replicas, { id: nextProbeId(inputs.replicas), replstate: "WAIT_BGSAVE_START", eof: true, psync2: true, oldSync: false }] })
          }
        >
          + {t.addReplica}
        </button>
      </ToolSection>
      <ToolSection title={t.sections.faults}>
        <Checkbox label={t.fields.forkFails} checked={inputs.forkFails} onChange={(forkFails) => set({ forkFails })} />
        <label className="flex flex-col gap-0.5 text-[12px] text-slate-700 dark:text-slate-200">
          <span>{t.fields.child}</span>
          <select
            value={inputs.child}
            aria-describedby={childHint}
            onChange={(e) => set({ child: e.target.value as ProbeInputs["child"] })}
            className="h-7 rounded border border-slate-400 bg-white px-1.5 text-[13px] text-slate-900 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100"
          >
            {(["none", "rdb-disk", "rdb-socket", "aof"] as const).map((c) => (
              <option key={c} value={c}>
                {t.childOptions[c]}
              </option>
            ))}
          </select>
          <span
            id={childHint}
            className={inputs.child === "none" ? "text-slate-600 dark:text-slate-300" : "rounded bg-amber-100 px-1 font-semibold text-amber-950 dark:bg-amber-950 dark:text-amber-100"}
          >
            {t.unreachable}
          </span>
        </label>
      </ToolSection>
      <ToolSection title={t.sections.mincapa}>
        <Hint>{computed === null ? t.mincapaNoneWaiting : t.mincapaComputed(computed, bitsText(computed))}</Hint>
        <div className="flex flex-wrap gap-x-3">
          <Checkbox
            label={t.fields.override}
            checked={inputs.mincapaOverride !== null}
            onChange={(on) => set({ mincapaOverride: on ? { eof: computed === null || !!(computed & 1), psync2: computed === null || !!(computed & 2) } : null })}
          />
          {inputs.mincapaOverride && (
            <>
              <Checkbox label={t.fields.eof} checked={inputs.mincapaOverride.eof} onChange={(eof) => set({ mincapaOverride: { ...inputs.mincapaOverride!, eof } })} />
              <Checkbox label={t.fields.psync2} checked={inputs.mincapaOverride.psync2} onChange={(psync2) => set({ mincapaOverride: { ...inputs.mincapaOverride!, psync2 } })} />
            </>
          )}
        </div>
      </ToolSection>
      <div className="sticky bottom-0 border-t border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900">
        <button type="submit" className={`${BUTTON} w-full`}>
          {t.run}
        </button>
      </div>
    </form>
  );
}
