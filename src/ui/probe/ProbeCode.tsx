import { SeedListing } from "../code/SeedListing";
import { useWords } from "../i18n";

/** The seed function with the probe's current line (aria-current="step") and the next one. */
export function ProbeCode({ label, listLabel, current, next }: { label: string; listLabel: string; current: number | null; next: number | null }) {
  const { dict, lang } = useWords();
  const { nextLine, annotation } = dict.page.code;
  return (
    <section aria-label={label} className="flex min-h-0 flex-col">
      <SeedListing current={current} next={next} listLabel={listLabel} nextLabel={nextLine} annotationLabel={annotation} reserveNotes={lang === "en"} boxClassName="rounded border border-slate-200 dark:border-slate-700" />
    </section>
  );
}
