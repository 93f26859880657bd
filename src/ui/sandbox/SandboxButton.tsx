import { useLab } from "../../store/labStore";
import { useWords } from "../i18n";

const TOOL_BUTTON =
  "inline-flex h-8 items-center gap-1 rounded-md border px-2 text-sm aria-expanded:border-indigo-600 aria-expanded:bg-indigo-600 aria-expanded:text-white border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700 dark:aria-expanded:bg-indigo-500";

export function SandboxButton() {
  const open = useLab((s) => s.panels.sandbox);
  const setPanel = useLab((s) => s.setPanel);
  const edits = useLab((s) => s.edits.length);
  const { dict } = useWords();
  // The count of edits is a badge (its words are the button's description, not its name).
  return (
    <button
      type="button"
      className={TOOL_BUTTON}
      aria-expanded={open}
      onClick={() => setPanel("sandbox", !open)}
      title={edits ? `${dict.panels.picker.editedBadge(edits)} — ${dict.panels.picker.editedTitle}` : undefined}
    >
      {dict.panels.buttons.sandbox}
      {edits > 0 && (
        <span aria-hidden="true" className="rounded-full bg-amber-400 px-1.5 text-xs font-semibold text-slate-950">
          {edits}
        </span>
      )}
    </button>
  );
}

export function ProbeButton() {
  const open = useLab((s) => s.panels.probe);
  const setPanel = useLab((s) => s.setPanel);
  const t = useWords().dict.panels.buttons;
  return (
    <button type="button" className={TOOL_BUTTON} aria-haspopup="dialog" aria-expanded={open} onClick={() => setPanel("probe", !open)}>
      {t.probe}
    </button>
  );
}
