/**
 * Accessible names that docs/architecture.md §8 fixes, and that other code and the e2e tests find controls by.
 *
 * Decision: these names stay exactly these English words in every language. In English the
 * visible text is the same words, so nothing changes for anyone. In Simplified Chinese the visible
 * text is Chinese and the control carries this English name as its `aria-label` — but only the
 * controls listed here; every other control is named by its Chinese text. A link,
 * a script, a clicker add-on or a test written against the English names keeps working after a
 * switch of language, at the cost of these few names being English for a Chinese screen reader
 * (the visible Chinese text stays in the tooltip, `title`, where a screen reader offers it too).
 */
export const CONTRACT_NAMES = {
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
} as const;
