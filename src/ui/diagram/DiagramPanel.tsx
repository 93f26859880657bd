import { lazy, Suspense, useState } from "react";
import { useLab } from "../../store/labStore";
import { useWords } from "../i18n";
import { Diagram } from "./Diagram";

// The Messages view (a sequence diagram of the whole sync) loads the first time it is chosen.
const SequencePanel = lazy(() => import("../sequence/SequencePanel"));

function ViewSwitch({ t, messages }: { t: { view: string; picture: string; messages: string }; messages: boolean }) {
  const setPanel = useLab((s) => s.setPanel);
  const item = (on: boolean) =>
    `px-2 py-0.5 text-xs ${on ? "bg-indigo-600 text-white dark:bg-indigo-400 dark:text-slate-950" : "bg-white text-slate-800 hover:bg-slate-100 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"}`;
  return (
    <div role="group" aria-label={t.view} className="inline-flex overflow-hidden rounded border border-slate-300 dark:border-slate-600">
      <button type="button" aria-pressed={!messages} className={item(!messages)} onClick={() => setPanel("messages", false)}>
        {t.picture}
      </button>
      <button type="button" aria-pressed={messages} className={item(messages)} onClick={() => setPanel("messages", true)}>
        {t.messages}
      </button>
    </div>
  );
}

function LegendItem({ swatch, text }: { swatch: string; text: string }) {
  return (
    <li className="flex items-center gap-1">
      <svg aria-hidden="true" viewBox="0 0 22 6" className="h-1.5 w-5">
        <path d="M1 3 H21" className={swatch} strokeWidth={2.5} strokeDasharray={swatch.includes("cyan") ? "5 2" : swatch.includes("rose") ? "2 2" : undefined} />
      </svg>
      {text}
    </li>
  );
}

export function DiagramPanel() {
  const t = useWords().dict.page.diagram;
  const messages = useLab((s) => s.panels.messages);
  // Where the Messages view puts its hint and its export button: this header's free end.
  const [tools, setTools] = useState<HTMLDivElement | null>(null);
  return (
    <section aria-label={t.region} className="panel flex h-full min-h-0 flex-col">
      <div className="flex flex-wrap items-center justify-between gap-x-3 border-b border-slate-200 px-2 py-1 dark:border-slate-700">
        <div className="flex items-center gap-2">
          <h2 className="text-xs font-semibold text-slate-800 dark:text-slate-100">{t.region}</h2>
          <ViewSwitch t={t} messages={messages} />
        </div>
        {/* The Messages view has its own legend, at the foot of its picture; lecture mode leaves the
            picture's out so the diagram keeps the room its 20-px text needs. */}
        {messages && <div ref={setTools} className="flex min-w-0 flex-1 items-center justify-end gap-2" />}
        {!messages && (
          <ul aria-label={t.legend} className="lecture-hide flex flex-wrap gap-x-3 text-[11px] text-slate-700 dark:text-slate-200">
            <LegendItem swatch="stroke-slate-500" text={t.legendControl} />
            <LegendItem swatch="stroke-amber-600" text={t.legendDisk} />
            <LegendItem swatch="stroke-cyan-600" text={t.legendSocket} />
            <LegendItem swatch="stroke-rose-600" text={t.legendError} />
          </ul>
        )}
      </div>
      {/* The sequence diagram is wider than a phone; the picture fits its panel. */}
      {messages && <p className="px-2 pt-1 text-[11px] text-slate-700 lg:hidden dark:text-slate-200">{t.scrollHint}</p>}
      {/* The picture stays mounted under the Messages view (its export reads it). */}
      <div className={messages ? "hidden" : "contents"}>
        <div tabIndex={0} className="scroll-box relative min-h-0 flex-1 overflow-auto p-1">
          <div className="diagram-box">
            <Diagram />
          </div>
        </div>
      </div>
      {messages && (
        <Suspense fallback={null}>
          <SequencePanel tools={tools} />
        </Suspense>
      )}
    </section>
  );
}
