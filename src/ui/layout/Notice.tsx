import { Suspense } from "react";
import type { NoticeMessage } from "../../store/labStore";
import { useLab } from "../../store/labStore";
import { useWords, type Dict } from "../i18n";

type Worded = Extract<NoticeMessage, { key: "worded" }>;

/** A store message in words (text worded at its source is shown as it is). */
function noticeText(dict: Dict, notice: string | NoticeMessage): string {
  if (typeof notice === "string") return notice;
  if (notice.key === "worded") return notice.section === "main" ? (notice.word as (d: Dict) => string)(dict) : "";
  const word = dict.page.notices[notice.key] as (m: NoticeMessage) => string;
  return word(notice);
}

/** Words of a section that loads later, in the reader's language now. */
function SectionText({ notice }: { notice: Worded }) {
  const { dict } = useWords(notice.section as "lecture");
  return <>{(notice.word as (d: unknown) => string)(dict)}</>;
}

/** A non-blocking message (a bad link, a copied link), in the language shown now. */
export function Notice() {
  const notice = useLab((s) => s.notice);
  const dismiss = useLab((s) => s.dismissNotice);
  const { dict } = useWords();
  const t = dict.page.notice;
  if (notice === null) return <div role="status" aria-live="polite" />;
  const later = typeof notice === "object" && notice.key === "worded" && notice.section !== "main" ? notice : null;
  const text = later ? null : noticeText(dict, notice);
  return (
    <div role="status" aria-live="polite">
      {(later || text) && (
        <div className="flex items-start gap-2 border-b border-amber-300 bg-amber-50 px-3 py-1 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p className="min-w-0 flex-1 break-words">
            {later ? (
              <Suspense fallback={null}>
                <SectionText notice={later} />
              </Suspense>
            ) : (
              text
            )}
          </p>
          <button type="button" onClick={dismiss} className="rounded px-1 underline" aria-label={t.dismissLabel}>
            {t.dismiss}
          </button>
        </div>
      )}
    </div>
  );
}
