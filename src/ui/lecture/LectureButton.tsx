import { lazy, Suspense, useEffect, useId, useRef, useState } from "react";
import { useLab } from "../../store/labStore";
import { useWords } from "../i18n";

const LectureMenu = lazy(() => import("./LectureMenu"));

const BUTTON =
  "inline-flex h-8 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-800 hover:bg-slate-100 aria-expanded:border-indigo-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700 dark:aria-expanded:border-indigo-300";

/** "Lecture" in the header: a disclosure with lecture mode, full screen, blank screen and the speaker window. */
export function LectureButton() {
  const [open, setOpen] = useState(false);
  const lecture = useLab((s) => s.panels.lecture);
  const t = useWords().dict.page.lecture;
  const menuId = useId();
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // A click anywhere else closes the menu.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onDown);
    return () => document.removeEventListener("pointerdown", onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div ref={box} className="relative">
      <button ref={button} type="button" className={BUTTON} aria-expanded={open} aria-controls={open ? menuId : undefined} title={t.buttonTitle} onClick={() => setOpen(!open)}>
        {/* Lecture mode on: a filled dot (shape, not colour alone, and the menu says it in words). */}
        <span aria-hidden="true">{lecture ? "●" : "○"}</span>
        {t.button}
      </button>
      {open && (
        <Suspense fallback={null}>
          <LectureMenu id={menuId} onClose={close} />
        </Suspense>
      )}
    </div>
  );
}
