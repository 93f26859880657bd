/** English words of sharing (share.types.ts). */
import type { ShareDict } from "./share.types";

const kib = (n: number) => `${Math.round(n / 1024)} KiB`;

export const shareEn: ShareDict = {
  copyLink: "Copy link",
  copyLinkTitle: "Copy a link to this moment: scenario, sandbox edits, frame, step size, language and open panels",
  linkCopied: "Link copied: it opens this scenario at this step, with your edits.",
  copyByHand: "The browser did not let the page copy. Select the link below and copy it yourself.",
  copyDialogTitle: "Copy this link",
  close: "Close",
  linkTooLong: (chars, limit) =>
    `This link is ${chars} characters long, more than a link can carry (${limit}). Use "Save scenario" and share the file instead.`,
  badLink: (reason) => `This link could not be opened: ${reason}. The default scenario is shown instead.`,
  framePastEnd: (frame, count) =>
    `The link asks for frame ${frame}, but this scenario has only ${count} frames; the last one is shown.`,
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
  },

  openFile: "Open scenario file",
  openFileTitle: "Open a scenario JSON file (or drop one onto the page)",
  saveFile: "Save scenario",
  saveFileTitle: "Download this scenario, with your sandbox edits, as a JSON file",
  dropHere: "Drop a scenario file (.json) to open it",
  fileErrorsTitle: (name) => `"${name}" cannot be opened`,
  fileErrorsIntro: "Nothing was changed: the current scenario stays open. What is wrong:",
  fileTooBig: (bytes, limit) => `The file is ${kib(bytes)}; a scenario file can be at most ${kib(limit)}.`,
  fileUnreadable: "The file could not be read as UTF-8 text.",
  fileMarkup: (path) => `${path}: looks like HTML or script; scenario texts are plain text (code goes in backticks).`,
  oneFileOnly: "Drop one scenario file at a time; the first one was used.",
  opened: (title, name) => `Opened "${title}" from ${name}. The link now carries the whole scenario.`,
  saved: (name) => `Saved ${name}.`,
};
