import type { RedisVersion } from "../../model/versions/names";
import { SeedListing } from "../code/SeedListing";
import { useListingText } from "../code/seed";
import { useWords } from "../i18n";

/** The function of the version the probe runs, with its current line (aria-current="step") and the next one. */
export function ProbeCode({ label, listLabel, current, next, redis }: { label: string; listLabel: string; current: number | null; next: number | null; redis: RedisVersion }) {
  const { dict, lang } = useWords();
  const { nextLine, annotation, loadingText } = dict.page.code;
  const text = useListingText(redis);
  return (
    <section aria-label={label} className="flex min-h-0 flex-col">
      {text ? (
        <SeedListing key={redis} text={text} current={current} next={next} listLabel={listLabel} nextLabel={nextLine} annotationLabel={annotation} reserveNotes={lang === "en" && text.annotated} boxClassName="rounded border border-slate-200 dark:border-slate-700" />
      ) : (
        <p className="flex-1 p-2 text-xs text-slate-600 italic dark:text-slate-300">{loadingText(redis)}</p>
      )}
    </section>
  );
}
