import { useState } from "react";
import { nextReplicaId } from "../../scenarios/edits";
import { BUTTON, Checkbox, SelectField, TextField } from "../forms/fields";
import { useSandbox } from "./useSandbox";
import { checkReplicaId } from "./validate";

/** A new replica that connects at this moment (its id is suggested, and may be changed). */
export function AddReplicaForm({ onDone }: { onDone: () => void }) {
  const { baseScenario, scenario, edits, at, t, addEdit } = useSandbox();
  const suggested = nextReplicaId(baseScenario, edits);
  const [id, setId] = useState<string | null>(null);
  const [eof, setEof] = useState(true);
  const [psync2, setPsync2] = useState(true);
  const [command, setCommand] = useState<"PSYNC" | "SYNC">("PSYNC");
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    const checked = checkReplicaId(t.errors, t.fields.id, id ?? suggested, new Set(scenario.replicas.map((r) => r.id)));
    if (!checked.ok) return setError(checked.message);
    setError(null);
    // A SYNC client (pre-2.8 replica, redis-cli --slave) never sends REPLCONF capa.
    const capa = command === "SYNC" ? [] : ([eof && "eof", psync2 && "psync2"].filter(Boolean) as ("eof" | "psync2")[]);
    if (addEdit({ kind: "add-replica", at, replica: { id: checked.value, capa, command } })) {
      setId(null);
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
          {t.actions.add}
        </button>
      </fieldset>
    </form>
  );
}
