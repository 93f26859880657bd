import { useEffect, useRef, type ReactNode } from "react";
import { useWords } from "../i18n";
import { ModalFrame } from "../forms/ModalFrame";
import { useShareUi } from "./shareUi";

function Dialog({ titleId, title, onClose, children }: { titleId: string; title: string; onClose: () => void; children: ReactNode }) {
  const { dict } = useWords();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => before?.focus();
  }, []);
  return (
    <ModalFrame titleId={titleId} onClose={onClose} className="max-h-[85dvh] max-w-xl p-5">
      <h2 id={titleId} className="mb-2 text-lg font-semibold break-words">
        {title}
      </h2>
      {children}
      <button
        ref={closeRef}
        type="button"
        onClick={onClose}
        className="mt-4 self-start rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
      >
        {dict.share.close}
      </button>
    </ModalFrame>
  );
}

/** What is wrong with a scenario file, one line per problem, each naming its field or line and column. */
function FileErrorsDialog() {
  const { dict } = useWords();
  const fileErrors = useShareUi((s) => s.fileErrors);
  const close = useShareUi((s) => s.close);
  if (!fileErrors) return null;
  return (
    <Dialog titleId="file-errors-title" title={dict.share.fileErrorsTitle(fileErrors.fileName)} onClose={close}>
      <p className="text-sm">{dict.share.fileErrorsIntro}</p>
      <ul aria-label={dict.share.fileErrorsTitle(fileErrors.fileName)} className="mt-2 min-h-0 list-disc overflow-auto pl-5 font-mono text-sm">
        {fileErrors.errors.map((error, i) => (
          <li key={i} className="py-0.5 break-words">
            {error}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}

/** The clipboard refused: the link, selected, to copy by hand. */
function CopyByHandDialog() {
  const { dict } = useWords();
  const link = useShareUi((s) => s.linkToCopy);
  const close = useShareUi((s) => s.close);
  if (!link) return null;
  return (
    <Dialog titleId="copy-link-title" title={dict.share.copyDialogTitle} onClose={close}>
      <p className="text-sm">{dict.share.copyByHand}</p>
      <textarea
        readOnly
        value={link}
        aria-labelledby="copy-link-title"
        className="mt-2 h-32 w-full rounded border border-slate-300 p-1 font-mono text-xs break-all dark:border-slate-600 dark:bg-slate-900"
        onFocus={(e) => e.currentTarget.select()}
      />
    </Dialog>
  );
}

export default function ShareDialogs() {
  return (
    <>
      <FileErrorsDialog />
      <CopyByHandDialog />
    </>
  );
}
