/**
 * The `//` comments in Chinese that came with the seed document (src/model/seed): annotations of the
 * taught text, not part of Redis' source. The listing keeps them verbatim (the line numbers of every
 * trace are the file's) and marks them; their English renderings and the flags on the two that are
 * wrong are words of the "annotations" i18n section, which loads after the first screen.
 */
export const ANNOTATION_LINES = [29, 46, 66] as const;
export type AnnotationLine = (typeof ANNOTATION_LINES)[number];

/** The annotations that say something the code does not do (docs/behaviour.md §4, §6, §8). */
export const WRONG_ANNOTATIONS = [46, 66] as const satisfies readonly AnnotationLine[];
export type WrongAnnotationLine = (typeof WRONG_ANNOTATIONS)[number];

export const isAnnotationLine = (n: number): n is AnnotationLine => (ANNOTATION_LINES as readonly number[]).includes(n);
export const isWrongAnnotation = (n: number): n is WrongAnnotationLine => (WRONG_ANNOTATIONS as readonly number[]).includes(n);
