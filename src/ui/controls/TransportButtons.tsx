import { useLab } from "../../store/labStore";
import { useWords } from "../i18n";
import { useNames } from "../i18n/a11yNames";
import { Icon, type IconName } from "./Icon";

const SHAPE = "inline-flex h-9 min-w-9 items-center justify-center gap-1 rounded-md border px-2 text-sm font-medium disabled:cursor-not-allowed";
const BUTTON = `${SHAPE} border-slate-300 bg-white text-slate-800 hover:bg-slate-100 disabled:text-slate-400 disabled:hover:bg-white dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700 dark:disabled:text-slate-500 dark:disabled:hover:bg-slate-800`;
const PRIMARY = `${SHAPE} w-20 border-indigo-700 bg-indigo-700 text-white hover:bg-indigo-800 dark:border-indigo-300 dark:bg-indigo-300 dark:text-slate-950 dark:hover:bg-indigo-200`;

/** `name`: the accessible name in the page's language (docs/architecture.md §8); `text` with the key, the tooltip. */
function TransportButton({ name, text, icon, onClick, disabled, keyHint, mark }: { name: string; text: string; icon: IconName; onClick: () => void; disabled?: boolean; keyHint: string; mark?: boolean }) {
  return (
    // data-step-forward (mark): where the recap's "next scenario" puts the focus.
    <button type="button" className={BUTTON} aria-label={name} title={`${text} (${keyHint})`} onClick={onClick} disabled={disabled} data-step-forward={mark ? "" : undefined}>
      <Icon name={icon} />
    </button>
  );
}

export function TransportButtons() {
  const cursor = useLab((s) => s.cursor);
  const lastIndex = useLab((s) => s.trace.frames.length - 1);
  const playing = useLab((s) => s.playing);
  const t = useWords().dict.page.controls;
  const names = useNames();
  const { first, stepBack, togglePlay, stepForward, last } = useLab.getState();
  const atStart = cursor === 0;
  const atEnd = cursor >= lastIndex;
  const playText = playing ? t.pause : t.play;
  return (
    <div className="flex items-center gap-1">
      <TransportButton name={names.first} text={t.first} icon="first" onClick={first} disabled={atStart} keyHint="Home" />
      <TransportButton name={names.back} text={t.back} icon="back" onClick={stepBack} disabled={atStart} keyHint="←" />
      <button type="button" className={PRIMARY} aria-label={playing ? names.pause : names.play} title={`${playText} (Space)`} onClick={togglePlay}>
        <Icon name={playing ? "pause" : "play"} />
        <span aria-hidden="true">{playText}</span>
      </button>
      <TransportButton name={names.forward} text={t.forward} icon="forward" onClick={stepForward} disabled={atEnd} keyHint="→" mark />
      <TransportButton name={names.last} text={t.last} icon="last" onClick={last} disabled={atEnd} keyHint="End" />
    </div>
  );
}
