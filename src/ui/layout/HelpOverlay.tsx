import { useEffect, useRef } from "react";
import { useLab } from "../../store/labStore";
import { SHORTCUTS } from "../controls/shortcuts";
import { TimelineLegend } from "../controls/Timeline";
import { useWords } from "../i18n";
import type { Shortcut } from "../controls/shortcuts";

function ShortcutRows({ list, describe }: { list: Shortcut[]; describe: (s: Shortcut) => string }) {
  return (
    <>
      {list.map((s) => (
        <tr key={s.id} className="border-t border-slate-200 dark:border-slate-700">
          <td className="w-32 py-1.5 pr-4">
            <kbd className="rounded border border-slate-400 px-1.5 py-0.5 font-mono text-xs whitespace-nowrap dark:border-slate-500">{s.label}</kbd>
          </td>
          <td className="py-1.5">{describe(s)}</td>
        </tr>
      ))}
    </>
  );
}

export function HelpOverlay() {
  const open = useLab((s) => s.panels.help);
  const setPanel = useLab((s) => s.setPanel);
  const close = () => setPanel("help", false);
  const closeRef = useRef<HTMLButtonElement>(null);
  const page = useWords().dict.page;
  const orient = useWords("orient").dict;
  const t = page.help;
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => before?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-950/50 p-4" onClick={close}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        className="max-h-full w-full max-w-md overflow-auto rounded-lg bg-white p-5 text-slate-900 shadow-xl dark:bg-slate-800 dark:text-slate-100"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          // Keep focus among the dialog's buttons while it is open.
          if (e.key !== "Tab") return;
          e.preventDefault();
          const buttons = [...e.currentTarget.querySelectorAll("button")];
          const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
          buttons[(at + (e.shiftKey ? buttons.length - 1 : 1)) % buttons.length]?.focus();
        }}
      >
        <h2 id="help-title" className="mb-3 text-lg font-semibold">
          {t.title}
        </h2>
        <table className="w-full text-sm">
          <tbody>
            <ShortcutRows list={SHORTCUTS.filter((s) => !s.lecture)} describe={(s) => t.keys[s.id]} />
          </tbody>
        </table>
        <h3 className="mt-4 mb-1 text-sm font-semibold">{t.lectureKeys}</h3>
        <table className="w-full text-sm">
          <tbody>
            <ShortcutRows list={SHORTCUTS.filter((s) => s.lecture)} describe={(s) => t.keys[s.id]} />
          </tbody>
        </table>
        <h3 className="mt-4 mb-1 text-sm font-semibold">{page.markers.legendTitle}</h3>
        <TimelineLegend />
        <div className="mt-4 flex flex-wrap items-center gap-2">
          <button
            ref={closeRef}
            type="button"
            onClick={close}
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
          >
            {t.close}
          </button>
          <button
            type="button"
            onClick={() => {
              close();
              useLab.getState().setStartHere(true);
            }}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-700"
          >
            {orient.show}
          </button>
        </div>
      </div>
    </div>
  );
}
