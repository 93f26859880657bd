/**
 * Words of lecture mode's menu, its black screen and the speaker window. They load with those
 * pieces, not with the first screen; the header's button itself is in page.ts. This English
 * object is the type (`LectureDict`); zh/lecture.ts satisfies it key for key.
 */

export const lectureEn = {
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
    /** Read on the black screen (screen readers only). */
    blanked: "The screen is blanked. Press B or . (period) to show it again.",
  },
  speaker: {
    title: "Speaker notes",
    position: (s: number, n: number, t: string) => `Frame ${s} of ${n} · t = ${t} s`,
    now: "Now",
    narration: "Narration",
    narrationEarlier: (f: number) => `(said at frame ${f})`,
    predict: "Ask the class",
    answer: "Answer",
    next: "Next",
    nextAt: (f: number, t: string) => `frame ${f}, t = ${t} s`,
    atEnd: "This is the last frame of the scenario.",
    nextNarration: (f: number) => `Next narration (frame ${f})`,
    nothingMore: "No more narration in this scenario.",
    blankAudience: "Blank the audience screen",
    keys: "← → or Page Up / Page Down step; B blanks the audience screen.",
  },
};

export type LectureDict = typeof lectureEn;
