/**
 * Non-blocking messages about sharing, worded in the reader's language. The Chinese dictionary is
 * a separate chunk, so a message may wait for it (a link opened in Chinese on a cold cache).
 */
import type { UrlReport } from "../../store/url";
import { useLab } from "../../store/labStore";
import { frameNumber } from "../../store/numbering";
import { withWords, type ShareDict } from "../i18n";

export function withShareDict(use: (dict: ShareDict) => void): void {
  withWords("main", useLab.getState().lang, (dict) => use(dict.share));
}

export function notify(text: (dict: ShareDict) => string): void {
  withShareDict((dict) => useLab.getState().showNotice(text(dict)));
}

/** Word a URL report (a link that could not be used, a frame past the end, a false question). */
export function reportUrl(report: UrlReport): void {
  notify((d) => {
    if (report.kind === "bad-link") return d.badLink(d.problems[report.problem.code](report.problem.detail ?? ""));
    if (report.kind === "questions-false") return d.questionsFalse(report.problems);
    return d.framePastEnd(frameNumber(report.frame), report.count);
  });
}
