import { useState } from "react";
import { BUTTON, Checkbox, TextField } from "../forms/fields";
import { useSandbox } from "./useSandbox";
import { useDraft } from "./useDraft";
import { checkInteger } from "./validate";

/** CONFIG SET repl-diskless-sync / repl-diskless-sync-delay at this moment (docs/behaviour.md §12). */
export function ConfigForm({ onDone }: { onDone: () => void }) {
  const { frame, at, t, addEvent } = useSandbox();
  const [diskless, setDiskless] = useDraft<boolean | null>("ConfigForm.diskless", null);
  const [delay, setDelay] = useDraft<string | null>("ConfigForm.delay", null);
  const [error, setError] = useState<string | null>(null);
  // Until the learner changes a field, it shows the value at the frame looked at.
  const shownDiskless = diskless ?? frame.server.replDisklessSync;
  const shownDelay = delay ?? String(frame.server.replDisklessSyncDelay);

  const submit = () => {
    const d = checkInteger(t.errors, t.fields.delay, shownDelay, 0, 3600);
    if (!d.ok) return setError(d.message);
    setError(null);
    if (addEvent({ at, type: "config-set", replDisklessSync: shownDiskless, replDisklessSyncDelay: d.value })) {
      setDiskless(null);
      setDelay(null);
      onDone();
    }
  };

  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="pb-1">
        <Checkbox label={<span className="font-mono">{t.fields.diskless}</span>} checked={shownDiskless} onChange={setDiskless} />
      </div>
      <TextField label={t.fields.delay} value={shownDelay} onChange={setDelay} error={error} inputMode="numeric" className="w-44" mono />
      <button type="submit" className={`${BUTTON} ml-auto`}>
        {t.actions.configSet}
      </button>
    </form>
  );
}
