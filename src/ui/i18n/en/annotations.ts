/**
 * Words about the annotations of the taught text (src/ui/code/annotations.ts): an English rendering
 * of each Chinese comment, and, where a comment is wrong, why. They load after the first screen.
 * This English object is the type (`AnnotationsDict`); zh/annotations.ts satisfies it.
 * Facts: docs/behaviour.md §4 (the function), §6 (rdbSaveToSlavesSockets), §8 (the error reply).
 */
import type { AnnotationLine, WrongAnnotationLine } from "../../code/annotations";

export const annotationsEn = {
  /** Read before the note (screen readers only). */
  about: "This comment came with the document; it is not part of Redis' source.",
  /** Before the rendering. */
  rendering: "In English:",
  /** A rendering of each comment, or null where the reader reads the comment's own language. */
  renderings: {
    29: "get the RDB info",
    46: "if generating the RDB file fails, remove the slaves waiting for a full sync, notify them, and close the connection",
    66: "if socket, and rdbSaveToSlavesSockets has already started; otherwise use the disk",
  } as Readonly<Record<AnnotationLine, string>> | null,
  /** Before the flag. */
  wrong: "Wrong:",
  flags: {
    46: "in 4.0.14 the replicas are removed but neither notified nor disconnected. The `-ERR` reply stays queued and is never written, since `replstate` is left at 6 (fixed in 5.0.5), and `CLIENT_CLOSE_AFTER_REPLY` waits for that write: the replica hears nothing until its own `repl-timeout`.",
    66: "it misparaphrases the English comment above. Nothing picks the disk here (line 21 chose the target): for a socket target `rdbSaveToSlavesSockets()` already set the waiting replicas up for the full resync (`+FULLRESYNC`) before its fork; for a disk target the loop below does it now.",
  } satisfies Record<WrongAnnotationLine, string>,
};

export type AnnotationsDict = typeof annotationsEn;
