/** The Export menu's items (loaded the first time the menu opens, with the exporters). */
import { notifyFrom } from "../share/notify";
import { useEffect, useRef, type KeyboardEvent, type RefObject } from "react";
import { useLab } from "../../store/labStore";
import type { Dict } from "../i18n";
import type { Lang } from "../../store/types";
import { useWords } from "../i18n";
import { runExport, type ExportKind } from "./exporters";

const KINDS: ExportKind[] = ["svg", "png", "json", "markdown"];

export default function ExportMenu({
  id,
  anchor,
  onClose,
  dict,
  lang,
}: {
  id: string;
  anchor: RefObject<HTMLElement | null>;
  onClose: (refocus: boolean) => void;
  /** The explanations' dictionary and language as shown. */
  dict: Dict;
  lang: Lang;
}) {
  const words = useWords("publish").dict;
  const menu = useRef<HTMLUListElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    items()[0]?.focus();
    // A click anywhere else closes the menu.
    const onPointer = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!menu.current?.contains(t) && !anchor.current?.contains(t)) onClose(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [anchor, onClose]);

  const choose = (kind: ExportKind) => {
    onClose(true);
    runExport(kind, words, dict, lang).catch((e: unknown) => {
      const what = e instanceof Error ? e.message : String(e);
      notifyFrom("publish", (w) => w.export.failed(what));
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // The lab's shortcuts wait while the menu is open.
    e.stopPropagation();
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => {
      e.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (e.key === "ArrowDown") move(at + 1);
    else if (e.key === "ArrowUp") move(at - 1);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(list.length - 1);
    else if (e.key === "Escape") {
      e.preventDefault();
      onClose(true);
    } else if (e.key === "Tab") onClose(false);
  };

  const label: Record<ExportKind, string> = { svg: words.export.svg, png: words.export.png, json: words.export.json, markdown: words.export.markdown };
  return (
    <ul
      ref={menu}
      id={id}
      role="menu"
      aria-label={words.export.menu}
      onKeyDown={onKeyDown}
      className="absolute top-full right-0 z-40 mt-1 min-w-52 rounded-md border border-slate-300 bg-white py-1 text-sm shadow-lg dark:border-slate-600 dark:bg-slate-800"
    >
      {KINDS.map((kind) => (
        <li key={kind} role="none">
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={() => choose(kind)}
            className="block w-full px-3 py-1.5 text-left whitespace-nowrap text-slate-900 hover:bg-indigo-50 focus:bg-indigo-100 focus:outline-none dark:text-slate-100 dark:hover:bg-slate-700 dark:focus:bg-slate-600"
          >
            {label[kind]}
          </button>
        </li>
      ))}
    </ul>
  );
}
