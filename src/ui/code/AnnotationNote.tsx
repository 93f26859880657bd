import { RichText } from "../explain/RichText";
import { useWords } from "../i18n";
import { isWrongAnnotation, type AnnotationLine } from "./annotations";

/**
 * Beneath an annotation of the taught text: its English rendering (for readers of a language the
 * comment is not in) and, if it is wrong, a flag saying why. Its words load after the first screen,
 * so it sits under a Suspense boundary (CodeLine).
 */
export function AnnotationNote({ line }: { line: AnnotationLine }) {
  const { dict: t, lang } = useWords("annotations");
  const rendering = t.renderings?.[line] ?? null;
  const flag = isWrongAnnotation(line) ? t.flags[line] : null;
  // A label ending in a full-width colon ("有误：") carries its own space.
  const gap = (label: string) => (label.endsWith("：") ? "" : " ");
  return (
    <div lang={lang === "zh" ? "zh-Hans" : "en"} className="col-start-3 mb-0.5 pr-2 font-sans">
      <span className="sr-only">{t.about} </span>
      {rendering && (
        <p className="text-violet-900 dark:text-violet-200">
          <span className="font-semibold">{t.rendering}</span>
          {gap(t.rendering)}
          {rendering}
        </p>
      )}
      {flag && (
        <p className="mt-0.5 rounded-sm border-l-2 border-red-700 bg-red-50 px-1.5 py-0.5 text-red-900 dark:border-red-400 dark:bg-red-950/60 dark:text-red-100">
          <span aria-hidden="true">⚠ </span>
          <strong>{t.wrong}</strong>
          {gap(t.wrong)}
          <RichText text={flag} />
        </p>
      )}
    </div>
  );
}
