import { notifyFrom } from "../share/notify";
import { useLab } from "../../store/labStore";
import { useWords } from "../i18n";
import { toggleFullscreen, useFullscreen } from "./fullscreen";
import { openSpeakerWindow } from "./speaker";

const ITEM =
  "flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm text-slate-900 hover:bg-slate-100 disabled:opacity-50 aria-pressed:font-semibold dark:text-slate-100 dark:hover:bg-slate-700";

/** Shape and words, not colour alone: ☑ on, ☐ off. */
function Check({ on }: { on: boolean }) {
  return (
    <span aria-hidden="true" className="w-4 shrink-0 text-center font-mono">
      {on ? "☑" : "☐"}
    </span>
  );
}

export default function LectureMenu({ id, onClose }: { id: string; onClose: () => void }) {
  const lecture = useLab((s) => s.panels.lecture);
  const blank = useLab((s) => s.blank);
  const setPanel = useLab((s) => s.setPanel);
  const setBlank = useLab((s) => s.setBlank);
  const fullscreen = useFullscreen();
  const t = useWords("lecture").dict.menu;
  return (
    <div
      id={id}
      role="group"
      aria-label={t.menuLabel}
      className="absolute top-full right-0 z-50 mt-1 w-80 rounded-lg border border-slate-300 bg-white p-1.5 text-slate-900 shadow-xl dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <button type="button" className={ITEM} aria-pressed={lecture} aria-describedby={`${id}-mode`} onClick={() => setPanel("lecture", !lecture)}>
        <Check on={lecture} />
        {t.mode}
      </button>
      <p id={`${id}-mode`} className="px-8 pb-1 text-xs text-slate-700 dark:text-slate-200">
        {t.modeHint}
      </p>
      <button type="button" className={ITEM} aria-pressed={fullscreen} onClick={toggleFullscreen}>
        <Check on={fullscreen} />
        {t.fullscreen}
        <kbd aria-hidden="true" className="ml-auto font-mono text-xs">F</kbd>
      </button>
      <button type="button" className={ITEM} aria-pressed={blank} aria-describedby={`${id}-blank`} disabled={!lecture} onClick={() => setBlank(!blank)}>
        <Check on={blank} />
        {t.blank}
      </button>
      <p id={`${id}-blank`} className="px-8 pb-1 text-xs text-slate-700 dark:text-slate-200">
        {t.blankHint}
      </p>
      <button
        type="button"
        className={ITEM}
        aria-describedby={`${id}-speaker`}
        onClick={() => {
          if (!openSpeakerWindow()) notifyFrom("lecture", (w) => w.menu.speakerBlocked);
          onClose();
        }}
      >
        <span aria-hidden="true" className="w-4 shrink-0 text-center">
          ⧉
        </span>
        {t.speaker}
      </button>
      <p id={`${id}-speaker`} className="px-8 pb-1 text-xs text-slate-700 dark:text-slate-200">
        {t.speakerHint}
      </p>
      <p className="mt-1 border-t border-slate-200 px-2 pt-1.5 text-xs text-slate-700 dark:border-slate-600 dark:text-slate-200">{t.keysHint}</p>
    </div>
  );
}
