/**
 * Non-blocking messages about sharing. A notice keeps what to say, not the words: the page words
 * it at every render (Notice.tsx), so it follows the reader's language when they switch.
 */
import type { Dict, LectureDict, PublishDict, ShareDict } from "../i18n";
import type { UrlReport } from "../../store/url";
import { useLab } from "../../store/labStore";
import { frameNumber } from "../../store/numbering";
import { withWords } from "../i18n";

export function withShareDict(use: (dict: ShareDict) => void): void {
  withWords("main", useLab.getState().lang, (dict) => use(dict.share));
}

/** Show a sharing notice; `fromLink`: it is about the address just opened. */
export function notify(text: (dict: ShareDict) => string, fromLink = false): void {
  const word = (d: Dict) => text(d.share);
  useLab.getState().showNotice({ key: "worded", section: "main", word: word as (words: never) => string, fromLink });
}

/** Show a notice worded from a section that loads later (lecture mode, export). */
export function notifyFrom<S extends "lecture" | "publish">(section: S, text: (words: S extends "lecture" ? LectureDict : PublishDict) => string): void {
  useLab.getState().showNotice({ key: "worded", section, word: text as (words: never) => string });
}

/** Word a URL report (a link that could not be used, a frame past the end, a false question). */
export function reportUrl(report: UrlReport): void {
  notify((d) => {
    if (report.kind === "bad-link") return d.badLink(d.problems[report.problem.code](report.problem.detail ?? ""));
    if (report.kind === "questions-false") return d.questionsFalse(report.problems);
    if (report.kind === "no-scenario") return d.noScenario;
    return d.framePastEnd(frameNumber(report.frame), report.count);
  }, true);
}
