import { useState } from "react";
import { addedIds, MAX_SANDBOX_REPLICAS } from "../../scenarios/edits";
import { nextReplicaId } from "../../scenarios/freeReplicaId";
import { BUTTON, Checkbox, SelectField, TextField } from "../forms/fields";
import { useSandbox } from "./useSandbox";
import { useDraft } from "./useDraft";
import { checkInteger, checkReplicaId } from "./validate";

/**
 * New replicas that connect at this moment: one, or up to 200 alike at once (numbered on from the
 * id). The id is suggested, and may be changed.
 */
export function AddReplicaForm({ onDone }: { onDone: () => void }) {
  const { baseScenario, scenario, edits, at, t, addEdit } = useSandbox();
  const [howMany, setHowMany] = useDraft("AddReplicaForm.howMany", "1");
  const [countError, setCountError] = useState<string | null>(null);
  const typedCount = /^\d+$/.test(howMany.trim()) ? Number(howMany.trim()) : 1;
  const suggested = nextReplicaId(baseScenario, edits, Math.max(1, Math.min(typedCount, MAX_SANDBOX_REPLICAS)));
  const [id, setId] = useDraft<string | null>("AddReplicaForm.id", null);
  const [eof, setEof] = useDraft("AddReplicaForm.eof", true);
  const [psync2, setPsync2] = useDraft("AddReplicaForm.psync2", true);
  const [command, setCommand] = useDraft<"PSYNC" | "SYNC">("AddReplicaForm.command", "PSYNC");
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    const count = checkInteger(t.errors, t.fields.howMany, howMany, 1, Math.max(1, MAX_SANDBOX_REPLICAS - scenario.replicas.length));
    setCountError(count.ok ? null : count.message);
    const taken = new Set(scenario.replicas.map((r) => r.id));
    const checked = checkReplicaId(t.errors, t.fields.id, id ?? suggested, taken);
    if (!checked.ok) return setError(checked.message);
    if (!count.ok) return setError(null);
    // A SYNC client (pre-2.8 replica, redis-cli --slave) never sends REPLCONF capa.
    const capa = command === "SYNC" ? [] : ([eof && "eof", psync2 && "psync2"].filter(Boolean) as ("eof" | "psync2")[]);
    const edit = { kind: "add-replica" as const, at, replica: { id: checked.value, capa, command }, ...(count.value > 1 ? { count: count.value } : {}) };
    const ids = addedIds(edit);
    if (ids === null) return setError(t.errors.idNumbered(t.fields.id));
    const clash = ids.find((x) => taken.has(x));
    if (clash !== undefined) return setError(t.errors.idTaken(t.fields.id, clash));
    setError(null);
    if (addEdit(edit)) {
      setId(null);
      setHowMany("1");
      onDone();
    }
  };

  return (
    <form
      className="flex flex-col gap-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="flex flex-wrap items-end gap-2">
        <TextField label={t.fields.id} value={id ?? suggested} onChange={setId} error={error} className="w-24" mono />
        <TextField label={t.fields.howMany} value={howMany} onChange={setHowMany} error={countError} inputMode="numeric" className="w-20" mono />
        <SelectField
          label={t.fields.command}
          value={command}
          onChange={setCommand}
          options={[
            { value: "PSYNC", label: t.commandOptions.PSYNC },
            { value: "SYNC", label: t.commandOptions.SYNC },
          ]}
          className="min-w-0 flex-1"
        />
      </div>
      <fieldset className="flex flex-wrap items-center gap-3">
        <legend className="sr-only">{t.fields.capa}</legend>
        <Checkbox label={t.fields.eof} checked={command === "PSYNC" && eof} onChange={setEof} disabled={command === "SYNC"} />
        <Checkbox label={t.fields.psync2} checked={command === "PSYNC" && psync2} onChange={setPsync2} disabled={command === "SYNC"} />
        <button type="submit" className={`${BUTTON} ml-auto`}>
          {t.actions.add(typedCount)}
        </button>
      </fieldset>
    </form>
  );
}
