import { useLab } from "../../store/labStore";

/** A non-blocking message (a bad link, a copied link). */
export function Notice() {
  const notice = useLab((s) => s.notice);
  const dismiss = useLab((s) => s.dismissNotice);
  return (
    <div role="status" aria-live="polite">
      {notice && (
        <div className="flex items-start gap-2 border-b border-amber-300 bg-amber-50 px-3 py-1 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p className="min-w-0 flex-1 break-words">{notice}</p>
          <button type="button" onClick={dismiss} className="rounded px-1 underline" aria-label="Dismiss message">
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
