import { useEffect, useRef, useState } from "react";
import { formatSeconds } from "../../model/format";
import { useLab } from "../../store/labStore";
import { frameNumber } from "../../store/numbering";
import { QUIET_BUTTON, ToolSection } from "../forms/fields";
import { AddReplicaForm } from "./AddReplicaForm";
import { ConfigForm } from "./ConfigForm";
import { EditList } from "./EditList";
import { FaultForm } from "./FaultForm";
import { ReplicaForm } from "./ReplicaForm";
import { useSandbox } from "./useSandbox";

/**
 * The sandbox drawer: change one thing at the frame looked at. Each change is an edit at
 * editTime(frame.t); the store recomputes the future and keeps the cursor where it is.
 * Not modal: the controls stay usable, so the learner can step on and watch the branch.
 */
export function SandboxPanel() {
  const { frame, at, scenario, t } = useSandbox();
  const cursor = useLab((s) => s.cursor);
  const setPanel = useLab((s) => s.setPanel);
  const [done, setDone] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // Focus moves into the drawer when it opens, and back where it was (the Sandbox button) when it closes.
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    heading.current?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);
  // Escape closes the drawer from anywhere on the page (unless a dialog above it takes the key).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = useLab.getState();
      if (e.key === "Escape" && !s.panels.help && !s.panels.probe) setPanel("sandbox", false);
    };
    // Capture phase: runs before the page's shortcuts, which close the help on the same key.
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [setPanel]);
  useEffect(() => setDone(false), [cursor]);
  const onDone = () => setDone(true);
  const until = scenario.until;

  return (
    <aside
      aria-labelledby="sandbox-title"
      className="fixed inset-0 z-40 flex flex-col overflow-hidden bg-white text-slate-900 shadow-2xl lg:absolute lg:inset-y-2 lg:right-2 lg:left-auto lg:w-[25rem] lg:rounded-lg lg:border lg:border-indigo-300 dark:bg-slate-900 dark:text-slate-100 lg:dark:border-indigo-700"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          setPanel("sandbox", false);
        }
      }}
    >
      <div className="flex items-center gap-2 border-b border-slate-200 bg-indigo-50 px-3 py-1.5 dark:border-slate-700 dark:bg-indigo-950">
        <h2 id="sandbox-title" ref={heading} tabIndex={-1} className="text-sm font-semibold outline-none">
          {t.title}
        </h2>
        <button type="button" className={`${QUIET_BUTTON} ml-auto`} onClick={() => setPanel("sandbox", false)} aria-label={t.close}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-auto pb-2">
        <div className="px-3 py-1.5 text-[13px]">
          <p>{t.intro}</p>
          <p className="mt-0.5 font-medium">{t.where(frameNumber(frame.i), formatSeconds(frame.t), formatSeconds(Math.round(at * 1000)))}</p>
          {until !== undefined && at > until && <p className="text-amber-800 dark:text-amber-200">{t.pastEnd(String(until))}</p>}
          <p role="status" className="text-emerald-800 dark:text-emerald-200">
            {done ? t.added : ""}
          </p>
        </div>
        <ToolSection title={t.sections.edits}>
          <EditList />
        </ToolSection>
        <ToolSection title={t.sections.config}>
          <ConfigForm onDone={onDone} />
        </ToolSection>
        <ToolSection title={t.sections.faults}>
          <FaultForm onDone={onDone} />
        </ToolSection>
        <ToolSection title={t.sections.add}>
          <AddReplicaForm onDone={onDone} />
        </ToolSection>
        <ToolSection title={t.sections.replicas}>
          <ReplicaForm onDone={onDone} />
        </ToolSection>
      </div>
    </aside>
  );
}

export default SandboxPanel;
