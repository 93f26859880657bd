import { useLab } from "../../store/labStore";
import { QUIET_BUTTON } from "../forms/fields";
import { useWords } from "../i18n";
import { describeEditAt } from "./describeEdit";

/** The edits made so far, in words, with undo. */
export function EditList() {
  const edits = useLab((s) => s.edits);
  const undoEdit = useLab((s) => s.undoEdit);
  const setEdits = useLab((s) => s.setEdits);
  const t = useWords("tools").dict.sandbox;
  return (
    <div className="flex flex-col gap-1.5">
      {edits.length ? (
        <ol className="list-decimal space-y-0.5 pl-5 text-[13px] text-slate-900 dark:text-slate-100">
          {edits.map((e, i) => (
            <li key={i}>{describeEditAt(t.edit, e)}</li>
          ))}
        </ol>
      ) : (
        <p className="text-[13px] text-slate-600 italic dark:text-slate-300">{t.noEdits}</p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" className={QUIET_BUTTON} onClick={undoEdit} disabled={!edits.length} title={t.actions.undoTitle}>
          <span aria-hidden="true">↶</span> {t.actions.undo}
        </button>
        <button type="button" className={QUIET_BUTTON} onClick={() => setEdits([])} disabled={!edits.length}>
          {t.actions.discard}
        </button>
      </div>
    </div>
  );
}
