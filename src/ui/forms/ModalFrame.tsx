/**
 * A modal dialog's frame: the dimmed backdrop (a click on it closes), the dialog itself named by
 * its title, Escape to close, and the lab's shortcuts held back while it is open. What the dialog
 * shows, and where the focus goes, are its own.
 */
import type { ReactNode } from "react";

export function ModalFrame({ titleId, onClose, className, children }: { titleId: string; onClose: () => void; className: string; children: ReactNode }) {
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-950/50 p-2 sm:p-4" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className={`flex w-full flex-col rounded-lg bg-white text-slate-900 shadow-xl dark:bg-slate-800 dark:text-slate-100 ${className}`}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          // The lab's shortcuts wait while a dialog is open.
          e.stopPropagation();
          if (e.key === "Escape") onClose();
        }}
      >
        {children}
      </div>
    </div>
  );
}
