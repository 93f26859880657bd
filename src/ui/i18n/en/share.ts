/**
 * Words of sharing: Copy link, links that cannot be opened, scenario files (open, save, errors).
 * This English object is the type (`ShareDict`); zh/share.ts satisfies it key for key.
 */
import type { QuestionProblem } from "../../../lesson/questions";
import type { LinkProblemCode } from "../../../share/payload";

const kib = (n: number) => `${Math.round(n / 1024)} KiB`;

const sec = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

export const shareEn = {
  /** A question of an opened scenario says something its trace contradicts (the scenario stays open). */
  questionsFalse: (problems: QuestionProblem[]) =>
    `The scenario is open, but ${problems.length === 1 ? "one of its questions is" : "some of its questions are"} false: ` +
    problems
      .map((p) =>
        p.kind === "unanchored"
          ? `steps[${p.step}]: the step's anchor matches no frame`
          : p.kind === "premise"
            ? `steps[${p.step}]: the premise does not hold at the frame where it is asked (frame ${p.frame + 1}, t = ${sec(p.t)})`
            : p.kind === "answer"
              ? `steps[${p.step}]: the right answer's claim does not hold at the reveal (frame ${p.frame + 1}, t = ${sec(p.t)})`
              : `steps[${p.step}]: choice ${p.choice} is marked wrong but its claim holds at the reveal (frame ${p.frame + 1}, t = ${sec(p.t)})`,
      )
      .join("; ") +
    ".",
  copyLink: "Copy link",
  copyLinkTitle: "Copy a link to this moment: scenario, sandbox edits, frame, step size, language and open panels",
  /** Notice after copying; must start with the words a test looks for ("Link copied"). */
  linkCopied: "Link copied: it opens this scenario at this step, with your edits.",
  /** The clipboard refused: a dialog shows the link to copy by hand. */
  copyByHand: "The browser did not let the page copy. Select the link below and copy it yourself.",
  copyDialogTitle: "Copy this link",
  close: "Close",
  /** The state does not fit in a link a browser will open again. */
  linkTooLong: (chars: number, limit: number) =>
    `This link is ${chars} characters long, more than a link can carry (${limit}). Use "Save scenario" and share the file instead.`,
  /** "This link could not be opened: <reason>. The default scenario is shown instead." */
  badLink: (reason: string) => `This link could not be opened: ${reason}. The default scenario is shown instead.`,
  noScenario: "This link names no scenario, so the lab opened its first one.",
  framePastEnd: (frame: number, count: number) =>
    `The link asks for frame ${frame}, but this scenario has only ${count} frames; the last one is shown.`,
  /** One reason per decoding problem; `detail` is the field, value or validator message. */
  problems: {
    "too-long": (d) => `it is too long (${d} characters; at most ${64 * 1024} are read)`,
    "not-base64": () => "it contains characters a lab link never has (it may have been changed or cut)",
    damaged: () => "its data is damaged or cut short (was the whole link copied?)",
    "too-big": (d) => `it unpacks to more than ${kib(Number(d))} of data`,
    "not-json": (d) => `its data is not valid JSON${d ? ` (${d})` : ""}`,
    "forbidden-key": (d) => `it contains the forbidden key "${d}"`,
    markup: (d) => `the text at ${d} looks like HTML or script, which a scenario never contains`,
    "not-a-link": () => "its data is not a lab link",
    "newer-version": (d) => `it was made by a newer version of the lab (link version ${d})`,
    "unknown-version": (d) => `its link version ${d} is unknown`,
    shape: (d) => `a field is wrong: ${d}`,
    "unknown-scenario": (d) => `there is no scenario "${d}" in the catalogue`,
    scenario: (d) => `the scenario it carries is not valid: ${d}`,
    edits: (d) => `its sandbox edits do not apply: ${d}`,
    version: (d) => `it asks for a Redis version this scenario cannot run on: ${d}`,
    "not-kept": (d): string =>
      d === "damaged"
        ? "its scenario was too large for a link, and the copy this browser kept is damaged; open the scenario file again"
        : "its scenario was too large for a link, so it was kept only in the browser that made the link; ask for the scenario file (Save scenario) instead",
  } satisfies Record<LinkProblemCode, (detail: string) => string>,

  openFile: "Open scenario file",
  openFileTitle: "Open a scenario JSON file (or drop one onto the page)",
  saveFile: "Save scenario",
  saveFileTitle: "Download this scenario, with your sandbox edits, as a JSON file",
  dropHere: "Drop a scenario file (.json) to open it",
  /** Heading of the dialog listing what is wrong with a file. */
  fileErrorsTitle: (name: string) => `"${name}" cannot be opened`,
  fileErrorsIntro: "Nothing was changed: the current scenario stays open. What is wrong:",
  fileTooBig: (bytes: number, limit: number) => `The file is ${kib(bytes)}; a scenario file can be at most ${kib(limit)}.`,
  fileUnreadable: "The file could not be read as UTF-8 text.",
  fileMarkup: (path: string) => `${path}: looks like HTML or script; scenario texts are plain text (code goes in backticks).`,
  oneFileOnly: "Drop one scenario file at a time; the first one was used.",
  opened: (title: string, name: string) => `Opened "${title}" from ${name}. The link now carries the whole scenario.`,
  /** A file too large for a link: kept in this browser under its content hash (stored: it survives a reload). */
  openedKept: (title: string, name: string, stored: boolean) =>
    stored
      ? `Opened "${title}" from ${name}. It is too large for a link, so this browser keeps it: a reload brings it back, but the link works only in this browser. To share it, use "Save scenario" and send the file.`
      : `Opened "${title}" from ${name}. It is too large for a link, and this browser's storage is full, so a reload will not bring it back. Use "Save scenario" to keep it.`,
  /** Copy link for a scenario kept in this browser only; must start with the words a test looks for ("Link copied"). */
  linkCopiedHere: "Link copied. This scenario is too large for a link and is kept in this browser, so the link opens it only here; to share it, use \"Save scenario\" and send the file.",
  saved: (name: string) => `Saved ${name}.`,
};

export type ShareDict = typeof shareEn;
