/**
 * What the speaker window shows for the audience's current step: the explanation of this step, the
 * narration that goes with it, the prediction to ask (with its answer), and a preview of the next
 * step — so the lecturer can say what is about to happen before the class sees it.
 */
import { formatSeconds } from "../../model/format";
import type { Trace } from "../../model";
import type { ResolvedStep } from "../../lesson/steps";
import { nextIndex, type Derived } from "../../store/derive";
import type { Lang, StepSize } from "../../store/types";
import { briefStep, explainStep, type Explanation } from "../explain/explainFrame";
import type { Dict } from "../i18n";

export interface NarrationNote {
  frame: number;
  text: string;
  /** Said at this very frame (else it is the latest one before it). */
  current: boolean;
}

export interface PredictionNote {
  question: string;
  choices: string[];
  answer: number;
  explain: string | null;
  /** The frame that reveals the answer. */
  reveal: number;
}

export interface SpeakerNotes {
  frame: number;
  count: number;
  t: string;
  now: Explanation;
  narration: NarrationNote[];
  predictions: PredictionNote[];
  next: { frame: number; t: string; cause: string; briefs: string[] } | null;
  upcoming: { frame: number; text: string } | null;
}

export function speakerNotes(trace: Trace, derived: Derived, steps: ResolvedStep[], cursor: number, stepSize: StepSize, dict: Dict, lang: Lang): SpeakerNotes {
  const count = trace.frames.length;
  const frame = trace.frames[cursor] ?? trace.frames[0]!;
  const here = steps.filter((s) => s.frame === cursor);
  const before = steps.filter((s) => s.frame < cursor).at(-1);
  const narration: NarrationNote[] = here.length
    ? here.map((s) => ({ frame: s.frame, text: s.step.text[lang], current: true }))
    : before
      ? [{ frame: before.frame, text: before.step.text[lang], current: false }]
      : [];
  const predictions = steps
    .filter((s) => s.step.predict && s.askFrame === cursor && s.frame > cursor)
    .map((s) => {
      const p = s.step.predict!;
      return { question: p.question[lang], choices: p.choices.map((c) => c.text[lang]), answer: p.answer, explain: p.explain?.[lang] ?? null, reveal: s.frame };
    });
  const n = nextIndex(derived, count, cursor, stepSize);
  const nextFrame = n > cursor ? trace.frames[n] : undefined;
  const later = steps.find((s) => s.frame > cursor);
  return {
    frame: cursor,
    count,
    t: formatSeconds(frame.t),
    now: explainStep(trace, derived, cursor, stepSize, dict),
    narration,
    predictions,
    next: nextFrame
      ? { frame: n, t: formatSeconds(nextFrame.t), cause: dict.page.cause(nextFrame.cause), briefs: briefStep(trace, derived, n, stepSize, dict) }
      : null,
    upcoming: later ? { frame: later.frame, text: later.step.text[lang] } : null,
  };
}
