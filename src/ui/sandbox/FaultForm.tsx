import { useState } from "react";
import type { ScenarioEvent } from "../../scenarios/schema";
import { BUTTON, Checkbox, Hint, SelectField, TextField } from "../forms/fields";
import { useSandbox } from "./useSandbox";
import { useDraft } from "./useDraft";
import { checkInteger, checkNumber, checkSha } from "./validate";

type FaultKind = "fork-fails" | "kill-child" | "aof-rewrite" | "upstream-lost" | "disconnect" | "write" | "evalsha";

const DEFAULT_SHA = "977fbd4a4958e03b169e1ee1daad5f92589cd641";

/** Inject one fault of docs/architecture.md §3 at this moment. */
export function FaultForm({ onDone }: { onDone: () => void }) {
  const { scenario, frame, at, t, addEvent } = useSandbox();
  const chained = scenario.primary.role === "replica";
  const kinds: FaultKind[] = ["fork-fails", "kill-child", "aof-rewrite", ...(chained ? (["upstream-lost"] as const) : []), "disconnect", "write", "evalsha"];
  const [picked, setKind] = useDraft<FaultKind>("FaultForm.picked", "fork-fails");
  const kind = kinds.includes(picked) ? picked : "fork-fails";
  const [errno, setErrno] = useDraft<"EAGAIN" | "ENOMEM">("FaultForm.errno", "EAGAIN");
  const [mode, setMode] = useDraft<"sigkill" | "exit-error">("FaultForm.mode", "sigkill");
  const [duration, setDuration] = useDraft("FaultForm.duration", "3");
  const [cached, setCached] = useDraft("FaultForm.cached", false);
  const ids = scenario.replicas.map((r) => r.id);
  const [replica, setReplica] = useDraft<string | null>("FaultForm.replica", null);
  const target = replica && ids.includes(replica) ? replica : (ids[0] ?? "");
  const [count, setCount] = useDraft("FaultForm.count", "1");
  const [sha, setSha] = useDraft("FaultForm.sha", DEFAULT_SHA);
  const [errors, setErrors] = useState<Partial<Record<"duration" | "count" | "sha", string>>>({});

  const child = frame.server.child && !frame.server.child.exited ? frame.server.child : null;

  const build = (): ScenarioEvent | null => {
    switch (kind) {
      case "fork-fails":
        return { at, type: "fork-fails", errno };
      case "kill-child":
        return { at, type: "kill-child", mode };
      case "aof-rewrite": {
        const d = checkNumber(t.errors, t.fields.duration, duration, 0.001, 86400);
        if (!d.ok) return setErrors({ duration: d.message }), null;
        return { at, type: "aof-rewrite", duration: d.value };
      }
      case "upstream-lost":
        return { at, type: "upstream-lost", cached };
      case "disconnect":
        return target ? { at, type: "disconnect", replica: target } : null;
      case "write": {
        const c = checkInteger(t.errors, t.fields.count, count, 1, 1000);
        if (!c.ok) return setErrors({ count: c.message }), null;
        return { at, type: "write", count: c.value };
      }
      case "evalsha": {
        const s = checkSha(t.errors, t.fields.sha, sha);
        if (!s.ok) return setErrors({ sha: s.message }), null;
        return { at, type: "evalsha", sha: s.value };
      }
    }
  };

  const submit = () => {
    setErrors({});
    const event = build();
    if (event && addEvent(event)) onDone();
  };

  return (
    <form
      className="flex flex-col gap-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <SelectField
        label={t.fields.fault}
        value={kind}
        onChange={(k) => {
          setKind(k);
          setErrors({});
        }}
        options={kinds.map((k) => ({ value: k, label: t.faults[k] }))}
      />
      <Hint>{t.hints.faultWhat[kind]}</Hint>
      <div className="flex flex-wrap items-end gap-2">
        {kind === "fork-fails" && (
          <SelectField
            label={t.fields.errno}
            value={errno}
            onChange={setErrno}
            options={[
              { value: "EAGAIN", label: "EAGAIN" },
              { value: "ENOMEM", label: "ENOMEM" },
            ]}
            className="w-32"
          />
        )}
        {kind === "kill-child" && (
          <SelectField
            label={t.fields.mode}
            value={mode}
            onChange={setMode}
            options={[
              { value: "sigkill", label: t.modeOptions.sigkill },
              { value: "exit-error", label: t.modeOptions["exit-error"] },
            ]}
            className="min-w-0 flex-1"
          />
        )}
        {kind === "aof-rewrite" && (
          <TextField label={t.fields.duration} value={duration} onChange={setDuration} error={errors.duration} inputMode="decimal" className="w-44" mono />
        )}
        {kind === "upstream-lost" && (
          <div className="pb-1">
            <Checkbox label={t.fields.cached} checked={cached} onChange={setCached} />
          </div>
        )}
        {kind === "disconnect" && (
          <SelectField label={t.fields.replica} value={target} onChange={setReplica} options={ids.map((r) => ({ value: r, label: r }))} className="w-24" />
        )}
        {kind === "write" && <TextField label={t.fields.count} value={count} onChange={setCount} error={errors.count} inputMode="numeric" className="w-32" mono />}
        {kind === "evalsha" && <TextField label={t.fields.sha} value={sha} onChange={setSha} error={errors.sha} className="min-w-0 flex-1" mono />}
        <button type="submit" className={`${BUTTON} ml-auto`} disabled={kind === "disconnect" && !target}>
          {t.actions.inject}
        </button>
      </div>
      {kind === "kill-child" && <Hint>{child ? t.hints.childRunning(child.kind) : t.hints.noChild}</Hint>}
      {kind === "upstream-lost" && !frame.server.upstreamConnected && <Hint>{t.hints.upstreamDown}</Hint>}
      {kind === "disconnect" && !ids.length && <Hint>{t.hints.noReplicas}</Hint>}
      {!chained && <Hint>{t.hints.upstreamOnlyReplica}</Hint>}
    </form>
  );
}
