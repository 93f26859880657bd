/**
 * Where the sequence diagram puts things, in pixels (the picture is drawn at its own size and
 * scrolls): lanes as columns, one row per message, time downwards. A pause between two rows adds
 * a little room in proportion to its length, up to a cap; a long idle gap is cut short and
 * marked as a break, so a 60 s repl-timeout does not push the rest off the page.
 */
import type { SequenceModel } from "./sequenceModel";

export const HEADER_H = 48;
export const ROW = 30;
export const GUTTER = 54;
const FIRST_ROW = HEADER_H + 26;
const BOTTOM = 28;
const RIGHT = 34;
/** Child ↔ primary, primary ↔ first replica, replica ↔ replica (a group's title is wider). */
const GAP_CHILD = 114;
const GAP_FIRST = 194;
/** A group's arrows say how many replicas they stand for: "(200)". */
const GAP_FIRST_GROUP = 236;
const GAP_REPLICA = 96;
const GAP_GROUP = 168;
/** A stub (a reply queued, never sent) has its note under the line: its row is taller. */
const STUB_EXTRA = 12;
/** A pause adds this much per second, up to MAX_PAUSE; from BREAK_MS on it is a break. */
const PX_PER_S = 14;
const MAX_PAUSE = 28;
export const BREAK_MS = 5000;
const BREAK_H = 30;

export interface Break {
  /** The middle of the cut. */
  y: number;
  /** How long the idle gap was (ms). */
  gap: number;
}

export interface SequenceLayout {
  width: number;
  height: number;
  laneX: number[];
  /** The y of each message's arrow, in the model's order. */
  rowY: number[];
  breaks: Break[];
  /** The first row at or after frame f (its y), or the bottom when there is none. */
  yOfFrame: (f: number) => number;
  /** Where the cursor line goes at frame f: just below the last message that has happened. */
  cursorY: (f: number) => number;
  /** The last message at or before frame f (-1 if none). */
  lastAt: (f: number) => number;
}

/** A rough width of a 13 px character: monospace Latin, and CJK characters that are wider. */
export function textWidth(text: string, latin = 7.9): number {
  let w = 0;
  for (const c of text) w += (c.codePointAt(0) ?? 0) > 0x2e80 ? 13 : latin;
  return w;
}

/**
 * How wide the picture must be for its words: the lanes, and every arrow's label (which starts
 * just right of the arrow's left end) and every lane title, whichever reaches further.
 */
export function drawnWidth(model: SequenceModel, layout: SequenceLayout, label: (k: number) => string, title: (lane: number) => string): number {
  let right = layout.width;
  model.messages.forEach((m, k) => {
    const left = Math.min(layout.laneX[m.from] as number, layout.laneX[m.to] as number);
    right = Math.max(right, left + 10 + textWidth(label(k)) + 8);
  });
  // A band's label stands to the right of a replica's lane.
  if (model.lanes.length > 2) right = Math.max(right, (layout.laneX[layout.laneX.length - 1] as number) + 30);
  model.lanes.forEach((_, k) => {
    right = Math.max(right, (layout.laneX[k] as number) + Math.min(80, textWidth(title(k), 7.5) / 2 + 12) + 6);
  });
  return Math.ceil(right);
}

const cache = new WeakMap<SequenceModel, SequenceLayout>();

export function sequenceLayout(model: SequenceModel): SequenceLayout {
  let layout = cache.get(model);
  if (!layout) {
    layout = build(model);
    cache.set(model, layout);
  }
  return layout;
}

function build(model: SequenceModel): SequenceLayout {
  const laneX: number[] = [];
  let x = GUTTER + 34;
  for (const lane of model.lanes) {
    if (lane.index > 0) {
      const prev = model.lanes[lane.index - 1];
      x +=
        lane.kind === "primary"
          ? GAP_CHILD
          : prev?.kind === "primary"
            ? lane.kind === "group"
              ? GAP_FIRST_GROUP
              : GAP_FIRST
            : lane.kind === "group" || prev?.kind === "group"
              ? GAP_GROUP
              : GAP_REPLICA;
    }
    laneX.push(x);
  }
  const width = x + RIGHT;

  const rowY: number[] = [];
  const breaks: Break[] = [];
  let y = FIRST_ROW;
  model.messages.forEach((m, k) => {
    if (k > 0) {
      const prev = model.messages[k - 1] as (typeof model.messages)[number];
      const gap = m.t - prev.lastT;
      if (prev.kind === "queued") y += STUB_EXTRA;
      if (gap >= BREAK_MS) {
        breaks.push({ y: y + (ROW + BREAK_H) / 2 - 4, gap });
        y += ROW + BREAK_H;
      } else {
        y += ROW + (gap > 0 ? Math.min(MAX_PAUSE, (gap / 1000) * PX_PER_S) : 0);
      }
    }
    rowY.push(Math.round(y));
  });
  const bottomY = (rowY.length ? (rowY[rowY.length - 1] as number) : FIRST_ROW) + ROW;
  const height = bottomY + BOTTOM;

  const frames = model.messages.map((m) => m.frame);
  /** Index of the first message with frame ≥ f. */
  const firstAtLeast = (f: number): number => {
    let lo = 0;
    let hi = frames.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((frames[mid] as number) < f) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const lastAt = (f: number) => firstAtLeast(f + 1) - 1;
  return {
    width,
    height,
    laneX,
    rowY,
    breaks,
    yOfFrame: (f) => {
      const k = firstAtLeast(f);
      return k < rowY.length ? (rowY[k] as number) : bottomY;
    },
    cursorY: (f) => {
      const k = lastAt(f);
      return k < 0 ? FIRST_ROW - 20 : (rowY[k] as number) + 9;
    },
    lastAt,
  };
}
