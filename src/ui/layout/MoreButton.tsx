import { lazy, Suspense, useCallback, useId, useRef, useState, type KeyboardEvent } from "react";
import { useLab } from "../../store/labStore";
import { useWords } from "../i18n";
import { SHARE_BUTTON } from "../share/styles";
import { ScenarioFileInput, saveScenarioFile } from "../share/ScenarioFileButtons";
import type { MoreActions } from "./MoreMenu";

// The menu (with the exporters) and the Embed dialog load on first use: not part of the first screen.
const MoreMenu = lazy(() => import("./MoreMenu"));
const EmbedDialog = lazy(() => import("../embed/EmbedDialog"));
const VersionsDialog = lazy(() => import("../versions/VersionsDialog"));

/**
 * The header's "More" menu button (the WAI-ARIA menu button pattern): the tools a student reaches
 * for now and then — open or save a scenario file, embed, export, the keyboard shortcuts — so the
 * header stays one row at 1280 px (docs/architecture.md §8). Enter, Space or ↓ open it on the first
 * item, ↑ on the last; the menu itself handles the arrows, Escape, Tab and a click elsewhere.
 */
export function MoreButton() {
  const { dict, lang } = useWords();
  const t = dict.page.header;
  const menuId = useId();
  const [open, setOpen] = useState<null | "first" | "last">(null);
  const [embed, setEmbed] = useState(false);
  const [versions, setVersions] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const close = useCallback((refocus: boolean) => {
    setOpen(null);
    if (refocus) button.current?.focus();
  }, []);
  const show = (at: "first" | "last") => {
    useLab.getState().pause();
    setOpen(at);
  };

  const actions: MoreActions = {
    openFile: () => fileInput.current?.click(),
    saveFile: () => void saveScenarioFile(),
    embed: () => setEmbed(true),
    whatChanged: () => setVersions(true),
    shortcuts: () => useLab.getState().setPanel("help", true),
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      e.stopPropagation();
      show(e.key === "ArrowDown" ? "first" : "last");
    }
  };

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        className={SHARE_BUTTON}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? menuId : undefined}
        title={t.moreTitle}
        onKeyDown={onKeyDown}
        onClick={() => (open ? close(false) : show("first"))}
      >
        {t.more}
        <span aria-hidden="true" className="text-[10px]">
          ▾
        </span>
      </button>
      <ScenarioFileInput ref={fileInput} />
      {open && (
        <Suspense fallback={null}>
          <MoreMenu id={menuId} anchor={button} focusAt={open} onClose={close} actions={actions} dict={dict} lang={lang} />
        </Suspense>
      )}
      {embed && (
        <Suspense fallback={null}>
          <EmbedDialog onClose={() => setEmbed(false)} />
        </Suspense>
      )}
      {versions && (
        <Suspense fallback={null}>
          <VersionsDialog onClose={() => setVersions(false)} />
        </Suspense>
      )}
    </div>
  );
}
