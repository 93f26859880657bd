import { useLab } from "../../store/labStore";
import { useWords } from "../i18n";
import { useNames } from "../i18n/a11yNames";
import { Locals } from "./Locals";
import { OutsideSummary } from "./OutsideSummary";
import { SeedListing } from "./SeedListing";
import { useListingText } from "./seed";
import { VersionSwitch } from "./VersionSwitch";
import { useLinked } from "../link/useLinked";
import { lineLightsWords } from "../link/words";

const NO_LINES: ReadonlySet<number> = new Set();

export function CodePanel() {
  const frame = useLab((s) => s.trace.frames[s.cursor]);
  const nextFrame = useLab((s) => s.trace.frames[s.cursor + 1]);
  const lastCallIndex = useLab((s) => s.derived.lastCall[s.cursor] ?? -1);
  const lastCall = useLab((s) => (lastCallIndex >= 0 ? s.trace.frames[lastCallIndex] : undefined));
  const redis = useLab((s) => s.trace.redis);
  const text = useListingText(redis);
  const { dict, lang } = useWords();
  const names = useNames();
  const t = dict.page.code;

  // Inside the function: a line frame, or the event frame that closes a happening which ran it.
  const inside = !!frame?.locals && frame.line !== null;
  const current = inside ? (frame?.line ?? null) : null;
  const next = inside && nextFrame?.kind === "line" ? nextFrame.line : null;

  // Code ↔ picture (src/ui/link): the lines lit, and what the line pointed at lights, in words.
  const { link, linked } = useLinked();
  const setLink = useLab((s) => s.setLink);
  const source = link?.from === "code" ? link.line : null;
  const lineLink = {
    lines: linked?.lines ?? NO_LINES,
    source,
    describedBy: "code-link-desc",
    point: (line: number | null) => {
      // Leaving the code unlights only what the code lit.
      if (line !== null) setLink({ from: "code", line });
      else if (useLab.getState().link?.from === "code") setLink(null);
    },
  };

  return (
    <section aria-label={names.sourceCode} className="panel flex h-full min-h-0 flex-col">
      <h2 className="panel-title">
        {t.title} <span className="font-normal text-slate-600 dark:text-slate-300">— {t.file}</span>
        <VersionSwitch />
      </h2>
      <Locals locals={inside ? (frame?.locals ?? null) : (lastCall?.locals ?? null)} live={inside} lastCallT={lastCall ? lastCall.t : null} />
      {!inside && <OutsideSummary />}
      {text ? (
        <SeedListing key={redis} text={text} current={current} next={next} listLabel={inside ? t.listRunning(current) : t.listIdle} nextLabel={t.nextLine} annotationLabel={t.annotation} reserveNotes={lang === "en" && text.annotated} boxClassName="" link={lineLink} />
      ) : (
        <p className="flex-1 p-2 text-xs text-slate-600 italic dark:text-slate-300">{t.loadingText(redis)}</p>
      )}
      <p id="code-link-desc" hidden>
        {source !== null && linked ? lineLightsWords(linked, dict.page.link, lang === "zh" ? "、" : ", ") : ""}
      </p>
    </section>
  );
}
