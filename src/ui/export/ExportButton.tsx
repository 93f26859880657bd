import { lazy, Suspense, useCallback, useRef, useState } from "react";
import { useLab } from "../../store/labStore";
import { useWords } from "../i18n";
import { SHARE_BUTTON } from "../share/styles";

// The menu and the exporters load on first use: they are not part of the first screen's budget.
const ExportMenu = lazy(() => import("./ExportMenu"));

const MENU_ID = "export-menu";

/** The header's Export menu: the diagram as SVG or PNG, the trace as JSON, the walkthrough as Markdown. */
export function ExportButton() {
  const words = useWords().dict.page.publish;
  // The explanations as shown now (the walkthrough uses them; the menu's chunk then needs no i18n import).
  const { dict, lang } = useWords();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);
  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        className={SHARE_BUTTON}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? MENU_ID : undefined}
        title={words.exportTitle}
        onClick={() => {
          if (!open) useLab.getState().pause();
          setOpen(!open);
        }}
      >
        {words.export}
        <span aria-hidden="true" className="text-[10px]">
          ▾
        </span>
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExportMenu id={MENU_ID} anchor={button} onClose={close} dict={dict} lang={lang} />
        </Suspense>
      )}
    </div>
  );
}
