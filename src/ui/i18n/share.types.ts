/**
 * Words of sharing: Copy link, links that cannot be opened, scenario files (open, save, errors).
 * Every language has every key (the type says so; share.test.ts checks the objects too).
 */
import type { LinkProblemCode } from "../../share/payload";

export interface ShareDict {
  copyLink: string;
  copyLinkTitle: string;
  /** Notice after copying; must start with the words a test looks for ("Link copied"). */
  linkCopied: string;
  /** The clipboard refused: a dialog shows the link to copy by hand. */
  copyByHand: string;
  copyDialogTitle: string;
  close: string;
  /** The state does not fit in a link a browser will open again. */
  linkTooLong: (chars: number, limit: number) => string;
  /** "This link could not be opened: <reason>. The default scenario is shown instead." */
  badLink: (reason: string) => string;
  framePastEnd: (frame: number, count: number) => string;
  /** One reason per decoding problem; `detail` is the field, value or validator message. */
  problems: Record<LinkProblemCode, (detail: string) => string>;

  openFile: string;
  openFileTitle: string;
  saveFile: string;
  saveFileTitle: string;
  dropHere: string;
  /** Heading of the dialog listing what is wrong with a file. */
  fileErrorsTitle: (fileName: string) => string;
  fileErrorsIntro: string;
  fileTooBig: (bytes: number, limit: number) => string;
  fileUnreadable: string;
  fileMarkup: (path: string) => string;
  oneFileOnly: string;
  opened: (title: string, fileName: string) => string;
  saved: (fileName: string) => string;
}
