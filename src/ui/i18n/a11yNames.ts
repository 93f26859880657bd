/**
 * Accessible names that other code and the e2e tests find controls by (docs/architecture.md §8).
 *
 * Decision: a control's accessible name is the word a reader of the page's language sees for it,
 * taken from that language's dictionary (WCAG 2.5.3, label in name). The English words are the
 * names docs/architecture.md §8 fixes — CONTRACT_NAMES pins them, and a test checks that the English dictionary
 * says exactly these — so a link, a script, a clicker add-on or a test written against them works
 * with the page in English. In Simplified Chinese the same controls are named in Chinese.
 */
import { useWords, type Dict } from "./index";

export interface AccessibleNames {
  first: string;
  back: string;
  play: string;
  pause: string;
  forward: string;
  last: string;
  copyLink: string;
  timeline: string;
  sourceCode: string;
  explanation: string;
  serverLog: string;
  target: string;
  scenario: string;
  replica: (id: string) => string;
}

/** The names the English page must give (docs/architecture.md §8), word for word. */
export const CONTRACT_NAMES: AccessibleNames = {
  first: "First step",
  back: "Step back",
  play: "Play",
  pause: "Pause",
  forward: "Step forward",
  last: "Last step",
  copyLink: "Copy link",
  timeline: "Timeline",
  sourceCode: "Source code",
  explanation: "Explanation",
  serverLog: "Server log",
  target: "BGSAVE target",
  scenario: "Scenario",
  replica: (id: string) => `Replica ${id}`,
};

const cache = new WeakMap<Dict, AccessibleNames>();

/** The accessible names a dictionary gives: its own visible words for each control. */
export function namesOf(dict: Dict): AccessibleNames {
  let names = cache.get(dict);
  if (!names) {
    const p = dict.page;
    names = {
      first: p.controls.first,
      back: p.controls.back,
      play: p.controls.play,
      pause: p.controls.pause,
      forward: p.controls.forward,
      last: p.controls.last,
      copyLink: dict.share.copyLink,
      timeline: p.controls.timeline,
      sourceCode: p.code.title,
      explanation: p.explanation.title,
      serverLog: p.log.name,
      target: p.controls.targetName,
      scenario: p.picker.label,
      replica: p.replicas.heading,
    };
    cache.set(dict, names);
  }
  return names;
}

/** The accessible names in the page's language. */
export function useNames(): AccessibleNames {
  return namesOf(useWords().dict);
}
