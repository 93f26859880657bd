/** English words of lecture mode and the speaker window (lecture.types.ts). */
import type { LectureDict } from "./lecture.types";

export const lectureEn: LectureDict = {
  menu: {
    menuLabel: "Lecture",
    mode: "Lecture mode",
    modeHint: "Large type and high contrast for a projector; secondary panels are hidden.",
    fullscreen: "Full screen",
    blank: "Blank the screen",
    blankHint: "B or . (period) — press again to show it",
    speaker: "Open speaker window",
    speakerHint: "Notes for each step in a second window, kept in step with this one.",
    speakerBlocked: "The browser blocked the speaker window. Allow pop-ups for this page and try again.",
    keysHint: "Clickers: Page Down / Page Up step, B or . blanks the screen, F toggles full screen.",
    blanked: "The screen is blanked. Press B or . (period) to show it again.",
  },
  speaker: {
    title: "Speaker notes",
    position: (s, n, t) => `Frame ${s} of ${n} · t = ${t} s`,
    now: "Now",
    narration: "Narration",
    narrationEarlier: (f) => `(said at frame ${f})`,
    predict: "Ask the class",
    answer: "Answer",
    next: "Next",
    nextAt: (f, t) => `frame ${f}, t = ${t} s`,
    atEnd: "This is the last frame of the scenario.",
    nextNarration: (f) => `Next narration (frame ${f})`,
    nothingMore: "No more narration in this scenario.",
    blankAudience: "Blank the audience screen",
    keys: "← → or Page Up / Page Down step; B blanks the audience screen.",
  },
};
