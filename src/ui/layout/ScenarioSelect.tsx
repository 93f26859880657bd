import { CATALOGUE, findScenario } from "../../scenarios/catalogue";
import type { Scenario } from "../../scenarios/schema";
import { useId } from "react";
import { useLab } from "../../store/labStore";
import { catalogueReasons, started, type UnfinishedReason } from "../../store/progress";
import { useWords, type Dict } from "../i18n";
import { useNames } from "../i18n/a11yNames";

const GROUPS: (NonNullable<Scenario["group"]> | "other")[] = ["happy", "batching", "failures", "other"];
const CUSTOM = "(custom)";

/**
 * Why a begun scenario is unfinished, in a word or two: a skipped question first (the one reason
 * a learner may not know of), then the end not reached, then questions passed by unanswered.
 */
function unfinishedNote(reasons: UnfinishedReason[], t: Dict["panels"]["picker"]["unfinished"]): string | null {
  const of = <K extends UnfinishedReason["kind"]>(kind: K) => reasons.find((r): r is Extract<UnfinishedReason, { kind: K }> => r.kind === kind);
  const skipped = of("skipped");
  if (skipped) return t.skipped(skipped.questions.length);
  if (of("notAtEnd")) return t.notAtEnd;
  const unanswered = of("unanswered");
  return unanswered ? t.unanswered(unanswered.questions.length) : null;
}

/**
 * The catalogue, grouped, in one native select: every scenario is two clicks away (open, pick).
 * Finished scenarios carry a ✓; the count of finished ones sits beside it. A scenario begun in
 * this session but not finished says why after its title ("(1 skipped)").
 */
export function ScenarioSelect() {
  const base = useLab((s) => s.baseScenario);
  const finished = useLab((s) => s.finished);
  const guesses = useLab((s) => s.guesses);
  const skipped = useLab((s) => s.skipped);
  const furthest = useLab((s) => s.furthest);
  const session = { guesses, skipped, furthest };
  const loadScenario = useLab((s) => s.loadScenario);
  const { dict, lang } = useWords();
  const names = useNames();
  const selectId = useId();
  const t = dict.panels.picker;
  const custom = findScenario(base.id) !== base;
  const done = CATALOGUE.filter((s) => finished.includes(s.id)).length;
  const label = (s: Scenario) => {
    const title = s.title[lang];
    if (finished.includes(s.id)) return `✓ ${title}`;
    const note = started(session, s.id) ? unfinishedNote(catalogueReasons(session, s), t.unfinished) : null;
    return note ? t.withNote(title, note) : title;
  };
  return (
    // The label and the finished count stack beside the select, so the header stays one row.
    <div className="grid min-w-0 grid-cols-[auto_minmax(0,auto)] items-center gap-x-2 leading-tight">
      <label htmlFor={selectId} className="col-start-1 row-start-1 text-sm text-slate-700 dark:text-slate-200">
        {dict.page.picker.label}
      </label>
      <span className="col-start-1 row-start-2 text-[11px] whitespace-nowrap text-slate-600 dark:text-slate-300">{t.finishedCount(done, CATALOGUE.length)}</span>
      <select
        id={selectId}
        aria-label={names.scenario}
        className="col-start-2 row-span-2 row-start-1 h-8 max-w-[16rem] min-w-0 rounded-md border border-slate-300 bg-white px-1 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
        value={custom ? CUSTOM : base.id}
        onChange={(e) => e.target.value !== CUSTOM && loadScenario(e.target.value)}
      >
        {custom && (
          <option value={CUSTOM} disabled>
            {t.customScenario}: {base.title[lang]}
          </option>
        )}
        {GROUPS.map((g) => {
          const items = CATALOGUE.filter((s) => (s.group ?? "other") === g);
          if (!items.length) return null;
          return (
            <optgroup key={g} label={t.groups[g]}>
              {items.map((s) => (
                <option key={s.id} value={s.id}>
                  {label(s)}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
    </div>
  );
}
