import { BUTTON, Checkbox, Hint, QUIET_BUTTON, SelectField } from "../forms/fields";
import { useWords } from "../i18n";
import { replicaRows, stateInfo, stateLabel } from "../view/replicaRows";
import { replicaConfigAt } from "../../scenarios/replicaConfig";
import { useSandbox } from "./useSandbox";
import { useDraft } from "./useDraft";

/** Disconnect a replica now, or change what its next connection announces. */
export function ReplicaForm({ onDone }: { onDone: () => void }) {
  const { scenario, trace, frame, at, t, addEvent } = useSandbox();
  const ids = scenario.replicas.map((r) => r.id);
  const [picked, setPicked] = useDraft<string | null>("ReplicaForm.picked", null);
  const id = picked && ids.includes(picked) ? picked : (ids[0] ?? "");
  const next = replicaConfigAt(scenario, id, at);
  const notConnected = useWords().dict.page.replicas.notConnected;
  const [draft, setDraft] = useDraft<{ id: string; eof: boolean; psync2: boolean; command: "PSYNC" | "SYNC" } | null>("ReplicaForm.draft", null);
  // The form shows the replica's present next-connection settings until the learner changes one.
  const form = draft && draft.id === id ? draft : { id, eof: next.capa.includes("eof"), psync2: next.capa.includes("psync2"), command: next.command };

  if (!ids.length) return <Hint>{t.hints.noReplicas}</Hint>;
  const row = replicaRows(trace, frame).find((r) => r.id === id);
  const info = stateInfo(row?.current ?? null);
  const connected = !!row?.current && !row.current.closed;

  const done = (ok: boolean) => {
    if (ok) {
      setDraft(null);
      onDone();
    }
  };
  const change = (patch: Partial<typeof form>) => setDraft({ ...form, ...patch });

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex flex-wrap items-end gap-2">
        <SelectField label={t.fields.replica} value={id} onChange={setPicked} options={ids.map((r) => ({ value: r, label: r }))} className="w-24" />
        <p className="pb-1 font-mono text-[12px] text-slate-800 dark:text-slate-100">{t.state(id, stateLabel(info.kind, notConnected))}</p>
        <button type="button" className={`${QUIET_BUTTON} ml-auto`} onClick={() => done(addEvent({ at, type: "disconnect", replica: id }))}>
          {t.actions.disconnect}
        </button>
      </div>
      {!connected && <Hint>{t.hints.notConnected(id)}</Hint>}
      <fieldset className="flex flex-col gap-1 rounded border border-slate-200 p-1.5 dark:border-slate-700">
        <legend className="px-1 text-[12px] text-slate-700 dark:text-slate-200">{t.hints.nextConnection}</legend>
        <div className="flex flex-wrap items-end gap-2">
          <SelectField
            label={t.fields.command}
            value={form.command}
            onChange={(command) => change({ command })}
            options={[
              { value: "PSYNC", label: "PSYNC" },
              { value: "SYNC", label: "SYNC" },
            ]}
            className="w-24"
          />
          <Checkbox label={t.fields.eof} checked={form.command === "PSYNC" && form.eof} disabled={form.command === "SYNC"} onChange={(eof) => change({ eof })} />
          <Checkbox label={t.fields.psync2} checked={form.command === "PSYNC" && form.psync2} disabled={form.command === "SYNC"} onChange={(psync2) => change({ psync2 })} />
        </div>
        <button
          type="button"
          className={`${BUTTON} self-end`}
          onClick={() => {
            const capa = form.command === "SYNC" ? [] : ([form.eof && "eof", form.psync2 && "psync2"].filter(Boolean) as ("eof" | "psync2")[]);
            done(addEvent({ at, type: "replica-set", replica: id, capa, command: form.command }));
          }}
        >
          {t.actions.applyNext}
        </button>
      </fieldset>
    </div>
  );
}
