/**
 * Words of embedding, export and offline use (the Embed dialog and Export menu, the embedded
 * view's controls, the Markdown walkthrough). They load with those pieces; the header's two
 * buttons are in page.ts. This English object is the type (`PublishDict`); zh/publish.ts
 * satisfies it key for key.
 */

export const publishEn = {
  embed: {
    dialogTitle: "Embed this scenario",
    intro: "Paste this snippet into a page or slide. It shows the diagram and the explanation for the frames you choose, with a small step control.",
    from: "From frame",
    to: "To frame",
    /** Under a frame field: the moment the frame shows. */
    frameAt: (t: string) => `t = ${t} s`,
    autoplay: "Play automatically",
    loop: "Start again at the end",
    width: "Width (px)",
    height: "Height (px)",
    snippet: "Embed code",
    copy: "Copy embed code",
    copied: "Embed code copied.",
    copyFailed: "The browser did not let the page copy. Select the code and copy it yourself.",
    preview: "Open the embedded view",
    close: "Close",
    /** Range fields that cannot be used. */
    badRange: (frames: number) => `Frames are whole numbers from 1 to ${frames}, and "from" is at most "to".`,
    /** The iframe's title attribute (read by screen readers on the host page). */
    iframeTitle: (scenario: string) => `FullResync Lab: ${scenario}`,
    // The embedded view
    controls: "Step controls",
    first: "First step",
    back: "Step back",
    play: "Play",
    pause: "Pause",
    forward: "Step forward",
    last: "Last step",
    timeline: "Timeline",
    /** The embed's counter, in the lab's numbers (page.controls.position words the position). */
    position: (t: string, where: string) => `t=${t}s · ${where}`,
    openInLab: "Open in FullResync Lab (new tab)",
    diagram: "Diagram",
  },
  export: {
    menu: "Export",
    svg: "Diagram as SVG",
    png: "Diagram as PNG",
    json: "Trace as JSON",
    markdown: "Walkthrough as Markdown",
    failed: (what: string) => `The export failed: ${what}`,
    noDiagram: "there is no diagram on the page",
  },
  /** Headings of the Markdown walkthrough. */
  walkthrough: {
    heading: (title: string) => `${title} — walkthrough`,
    scenarioId: (id: string) => `Scenario \`${id}\`, made with FullResync Lab (Redis 4.0.14, startBgsaveForReplication).`,
    edits: (n: number) => `With ${n} sandbox edit${n === 1 ? "" : "s"}.`,
    /** A section's heading: the event step and the frame, numbered as the lab's counter numbers them. */
    frame: (step: number, frame: number, t: string) => `Step ${step} · frame ${frame} · t = ${t} s`,
    happened: "What happened",
    explanation: "Explanation",
    narration: "Narration",
    /** A narration step's prediction: the question, the mark after the right choice, the explanation. */
    question: "Question",
    rightChoice: " (the answer)",
    answer: "Answer",
    /** Frame 0's explanation (the page's own line tells the reader to step forward). */
    scenarioStart: "The scenario starts.",
    code: "Code executed (replication.c)",
    log: "New server log lines",
    nothingNew: "Nothing new on the primary.",
    footer: "Steps and frames are numbered from 1, as the lab's counter numbers them in Event and Line mode (and as an embed's `frames=` range does).",
  },
};

export type PublishDict = typeof publishEn;
