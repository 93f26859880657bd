/**
 * Words of lecture mode's menu, its black screen and the speaker window. They load with those
 * pieces (lecture.ts), not with the first screen; the header's button itself is in page.*.ts.
 * Every language has every key (the type says so; page.test.ts checks the objects too).
 */
export interface LectureDict {
  menu: {
    menuLabel: string;
    mode: string;
    modeHint: string;
    fullscreen: string;
    blank: string;
    blankHint: string;
    speaker: string;
    speakerHint: string;
    speakerBlocked: string;
    keysHint: string;
    /** Read on the black screen (screen readers only). */
    blanked: string;
  };
  speaker: {
    title: string;
    position: (step: number, count: number, t: string) => string;
    now: string;
    narration: string;
    narrationEarlier: (frame: number) => string;
    predict: string;
    answer: string;
    next: string;
    nextAt: (frame: number, t: string) => string;
    atEnd: string;
    nextNarration: (frame: number) => string;
    nothingMore: string;
    blankAudience: string;
    keys: string;
  };
}
