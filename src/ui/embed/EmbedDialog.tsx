/** Writes the iframe snippet for the current scenario, edits and language and a range of frames. */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { formatSeconds } from "../../model/format";
import { linkHash } from "../../share/url";
import { useLab } from "../../store/labStore";
import { frameIndex, frameNumber } from "../../store/numbering";
import { linkStateOf } from "../../store/url";
import { useWords } from "../i18n";
import { embedSnippet, embedSrc } from "./embedParams";

const INPUT =
  "h-8 w-24 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";
const BUTTON = "rounded-md px-3 py-1.5 text-sm font-medium";

const wholeIn = (text: string, min: number, max: number): number | null => {
  if (!/^\d{1,7}$/.test(text.trim())) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
};

export default function EmbedDialog({ onClose }: { onClose: () => void }) {
  const t = useWords("publish").dict.embed;
  const ids = useId();
  const cursor = useLab((s) => s.cursor);
  const trace = useLab((s) => s.trace);
  const last = trace.frames.length - 1;
  const baseScenario = useLab((s) => s.baseScenario);
  const edits = useLab((s) => s.edits);
  const stepSize = useLab((s) => s.stepSize);
  const lang = useLab((s) => s.lang);
  const title = useLab((s) => s.scenario.title[s.lang]);
  // The fields take frame numbers as people read them, from 1 (src/store/numbering.ts).
  const [fromText, setFrom] = useState(String(frameNumber(cursor)));
  const [toText, setTo] = useState(String(frameNumber(last)));
  const [autoplay, setAutoplay] = useState(false);
  const [loop, setLoop] = useState(false);
  const [widthText, setWidth] = useState("800");
  const [heightText, setHeight] = useState("450");
  const [status, setStatus] = useState("");
  const area = useRef<HTMLTextAreaElement>(null);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    first.current?.focus();
    first.current?.select();
    return () => before?.focus();
  }, []);

  const fromNumber = wholeIn(fromText, 1, frameNumber(last));
  const toNumber = wholeIn(toText, 1, frameNumber(last));
  const from = fromNumber === null ? null : frameIndex(fromNumber);
  const to = toNumber === null ? null : frameIndex(toNumber);
  const width = wholeIn(widthText, 120, 4000) ?? 800;
  const height = wholeIn(heightText, 120, 4000) ?? 450;
  const rangeOk = from !== null && to !== null && from <= to;

  // The moment the embed carries: scenario, edits, step size, language; its frame is `from`.
  const hash = useMemo(
    () => (from === null ? "" : linkHash({ ...linkStateOf(useLab.getState()), frame: from, panels: [] })),
    [from, baseScenario, edits, stepSize, lang],
  );
  const base = `${window.location.origin}${window.location.pathname}`;
  const options = rangeOk ? { base, hash, from, to, autoplay, loop, width, height, title: t.iframeTitle(title) } : null;
  const snippet = options ? embedSnippet(options) : "";
  const src = options ? embedSrc(options) : "";

  const copy = async () => {
    if (!snippet) return;
    try {
      await navigator.clipboard.writeText(snippet);
      setStatus(t.copied);
    } catch {
      area.current?.focus();
      area.current?.select();
      setStatus(t.copyFailed);
    }
  };

  const frameHint = (n: number | null) => (n === null ? "" : t.frameAt(formatSeconds(trace.frames[n]?.t ?? 0)));
  const field = (id: string, label: string, value: string, set: (v: string) => void, hint: string, ref?: typeof first) => (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={`${ids}${id}`} className="text-xs font-medium text-slate-700 dark:text-slate-200">
        {label}
      </label>
      <input ref={ref} id={`${ids}${id}`} className={INPUT} inputMode="numeric" value={value} onChange={(e) => set(e.target.value)} aria-describedby={hint ? `${ids}${id}-hint` : undefined} />
      {hint && (
        <span id={`${ids}${id}-hint`} className="font-mono text-[11px] text-slate-600 dark:text-slate-300">
          {hint}
        </span>
      )}
    </div>
  );

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-950/50 p-4" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${ids}title`}
        className="flex max-h-[90dvh] w-full max-w-2xl flex-col gap-3 overflow-auto rounded-lg bg-white p-5 text-slate-900 shadow-xl dark:bg-slate-800 dark:text-slate-100"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          // The lab's shortcuts wait while a dialog is open.
          e.stopPropagation();
          if (e.key === "Escape") onClose();
        }}
      >
        <h2 id={`${ids}title`} className="text-lg font-semibold">
          {t.dialogTitle}
        </h2>
        <p className="text-sm">{t.intro}</p>
        <div className="flex flex-wrap items-start gap-4">
          {field("from", `${t.from} (1–${frameNumber(last)})`, fromText, setFrom, frameHint(from), first)}
          {field("to", `${t.to} (1–${frameNumber(last)})`, toText, setTo, frameHint(to))}
          {field("w", t.width, widthText, setWidth, "")}
          {field("h", t.height, heightText, setHeight, "")}
        </div>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-1.5">
            <input type="checkbox" checked={autoplay} onChange={(e) => setAutoplay(e.target.checked)} />
            {t.autoplay}
          </label>
          <label className="flex items-center gap-1.5">
            <input type="checkbox" checked={loop} onChange={(e) => setLoop(e.target.checked)} />
            {t.loop}
          </label>
        </div>
        {!rangeOk && (
          <p role="alert" className="text-sm text-rose-800 dark:text-rose-200">
            {t.badRange(frameNumber(last))}
          </p>
        )}
        <label htmlFor={`${ids}snippet`} className="text-xs font-medium text-slate-700 dark:text-slate-200">
          {t.snippet}
        </label>
        <textarea
          ref={area}
          id={`${ids}snippet`}
          readOnly
          value={snippet}
          className="h-28 w-full shrink-0 rounded border border-slate-300 p-1.5 font-mono text-xs break-all dark:border-slate-600 dark:bg-slate-900"
          onFocus={(e) => e.currentTarget.select()}
        />
        <p role="status" aria-live="polite" className="min-h-5 text-sm">
          {status}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" disabled={!snippet} onClick={() => void copy()} className={`${BUTTON} bg-indigo-600 text-white hover:bg-indigo-700 disabled:opacity-50`}>
            {t.copy}
          </button>
          {src && (
            <a href={src} target="_blank" rel="noopener" className={`${BUTTON} text-indigo-800 underline dark:text-indigo-200`}>
              {t.preview}
            </a>
          )}
          <button type="button" onClick={onClose} className={`${BUTTON} ml-auto border border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-700`}>
            {t.close}
          </button>
        </div>
      </div>
    </div>
  );
}
