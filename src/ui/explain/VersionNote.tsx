import type { RedisVersion } from "../../model/versions/names";
import { useSyncExternalStore } from "react";
import { narratedOn, narrationVersion, subscribeNarration, versionNotesOf } from "../../scenarios/narration";
import { writtenFor, type Scenario } from "../../scenarios/schema";
import { useWords } from "../i18n";
import { RichText } from "./RichText";

/**
 * What the run's version does differently in this scenario (its `versionNotes`), and, when its
 * narration is not written for that version, that the steps and questions are left out
 * (docs/scenario-format.md §7a). Shown with the summary.
 */
export function VersionNote({ scenario, redis, plain = false }: { scenario: Scenario; redis: RedisVersion; plain?: boolean }) {
  const { dict, lang } = useWords();
  const t = dict.page.explanation;
  // The catalogue's notes arrive with its narration, after the first render.
  useSyncExternalStore(subscribeNarration, narrationVersion);
  const note = versionNotesOf(scenario)?.[redis];
  const narrated = narratedOn(scenario, redis);
  if (!note && narrated) return null;
  const text = (s: string) => (plain ? s : <RichText text={s} />);
  return (
    <div data-version-note={redis} className="rounded border-l-4 border-sky-600 bg-sky-50 px-2 py-1 text-slate-900 dark:border-sky-400 dark:bg-sky-950/60 dark:text-slate-100">
      {note && (
        <p>
          <strong>{t.onVersion(redis)}</strong> {text(note[lang])}
        </p>
      )}
      {!narrated && <p>{t.notNarrated(redis, writtenFor(scenario).join(", "))}</p>}
    </div>
  );
}
