/** The header's More menu (loaded the first time it opens, with the exporters). */
import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from "react";
import { notifyFrom } from "../share/notify";
import type { Dict } from "../i18n";
import type { Lang } from "../../store/types";
import { useWords } from "../i18n";
import { runExport, type ExportKind } from "../export/exporters";

const KINDS: ExportKind[] = ["svg", "png", "json", "markdown"];

/** What the items do that outlives the menu (the file picker and the Embed dialog stay mounted). */
export interface MoreActions {
  openFile: () => void;
  saveFile: () => void;
  embed: () => void;
  whatChanged: () => void;
  shortcuts: () => void;
}

const ITEM =
  "flex w-full items-center gap-3 px-3 py-1.5 text-left whitespace-nowrap text-slate-900 hover:bg-indigo-50 focus:bg-indigo-100 focus:outline-none dark:text-slate-100 dark:hover:bg-slate-700 dark:focus:bg-slate-600";

function Item({ onChoose, children, popup }: { onChoose: () => void; children: ReactNode; popup?: "dialog" }) {
  return (
    <button type="button" role="menuitem" tabIndex={-1} aria-haspopup={popup} onClick={onChoose} className={ITEM}>
      {children}
    </button>
  );
}

const Separator = () => <div role="separator" className="my-1 border-t border-slate-200 dark:border-slate-600" />;

export default function MoreMenu({
  id,
  anchor,
  focusAt,
  onClose,
  actions,
  dict,
  lang,
}: {
  id: string;
  anchor: RefObject<HTMLElement | null>;
  /** Which item takes the focus when the menu opens (↑ on the button opens it on the last). */
  focusAt: "first" | "last";
  onClose: (refocus: boolean) => void;
  actions: MoreActions;
  /** The page's dictionary and language as shown (the walkthrough uses its explanations). */
  dict: Dict;
  lang: Lang;
}) {
  const words = useWords("publish").dict;
  const menu = useRef<HTMLDivElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    const list = items();
    (focusAt === "last" ? list[list.length - 1] : list[0])?.focus();
    // A click anywhere else closes the menu (a click on the button closes it there).
    const onPointer = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!menu.current?.contains(t) && !anchor.current?.contains(t)) onClose(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
    // Once, when it opens: afterwards the focus stays where the reader moves it.
  }, []);

  /** Close first (the focus goes back to the button), then act: a dialog that opens keeps the button to return to. */
  const choose = (act: () => void) => () => {
    onClose(true);
    act();
  };
  const exportAs = (kind: ExportKind) => () => {
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
    else if (e.key === "Home" || e.key === "PageUp") move(0);
    else if (e.key === "End" || e.key === "PageDown") move(list.length - 1);
    else if (e.key === "Escape") {
      e.preventDefault();
      onClose(true);
    } else if (e.key === "Tab") onClose(false);
  };

  const header = dict.page.header;
  const exportLabel: Record<ExportKind, string> = { svg: words.export.svg, png: words.export.png, json: words.export.json, markdown: words.export.markdown };
  return (
    <div
      ref={menu}
      id={id}
      role="menu"
      aria-label={header.more}
      onKeyDown={onKeyDown}
      className="absolute top-full right-0 z-40 mt-1 max-w-[calc(100vw-1.5rem)] min-w-56 rounded-md border border-slate-300 bg-white py-1 text-sm shadow-lg dark:border-slate-600 dark:bg-slate-800"
    >
      <Item onChoose={choose(actions.openFile)}>{dict.share.openFile}</Item>
      <Item onChoose={choose(actions.saveFile)}>{dict.share.saveFile}</Item>
      <Separator />
      <Item onChoose={choose(actions.embed)} popup="dialog">
        {dict.page.publish.embed}
      </Item>
      <div role="group" aria-label={words.export.menu}>
        <div aria-hidden="true" className="px-3 pt-1.5 pb-0.5 text-[11px] font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
          {words.export.menu}
        </div>
        {KINDS.map((kind) => (
          <Item key={kind} onChoose={choose(exportAs(kind))}>
            {exportLabel[kind]}
          </Item>
        ))}
      </div>
      <Separator />
      <Item onChoose={choose(actions.whatChanged)} popup="dialog">
        {header.whatChanged}
      </Item>
      <Item onChoose={choose(actions.shortcuts)} popup="dialog">
        {header.shortcuts}
        <kbd aria-hidden="true" className="ml-auto font-mono text-xs text-slate-600 dark:text-slate-300">
          ?
        </kbd>
      </Item>
    </div>
  );
}
