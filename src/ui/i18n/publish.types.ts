/**
 * Words of embedding, export and offline use (the header's Embed and Export, the embedded view's
 * controls, the Markdown walkthrough). Every language has every key (the type says so;
 * publish.test.ts checks the objects too).
 */
export interface PublishDict {
  embed: {
    dialogTitle: string;
    intro: string;
    from: string;
    to: string;
    /** Under a frame field: the moment the frame shows. */
    frameAt: (t: string) => string;
    autoplay: string;
    loop: string;
    width: string;
    height: string;
    snippet: string;
    copy: string;
    copied: string;
    copyFailed: string;
    preview: string;
    close: string;
    /** Range fields that cannot be used. */
    badRange: (last: number) => string;
    /** The iframe's title attribute (read by screen readers on the host page). */
    iframeTitle: (scenario: string) => string;
    // The embedded view
    controls: string;
    first: string;
    back: string;
    play: string;
    pause: string;
    forward: string;
    last: string;
    timeline: string;
    position: (t: string, at: number, count: number) => string;
    openInLab: string;
    diagram: string;
  };
  export: {
    menu: string;
    svg: string;
    png: string;
    json: string;
    markdown: string;
    failed: (what: string) => string;
    noDiagram: string;
  };
  /** Headings of the Markdown walkthrough. */
  walkthrough: {
    heading: (title: string) => string;
    scenarioId: (id: string) => string;
    edits: (n: number) => string;
    frame: (i: number, t: string) => string;
    happened: string;
    explanation: string;
    narration: string;
    code: string;
    log: string;
    nothingNew: string;
    footer: string;
  };
}
