/**
 * Words of the recap shown at a scenario's last frame (what happened, how each question went, why
 * the scenario is not finished yet, the next scenario). They load with the recap. This English
 * object is the type (`RecapDict`); zh/recap.ts satisfies it key for key.
 */
import type { RecapFact } from "../../../lesson/recap";
import type { UnfinishedReason } from "../../../store/progress";

/** What a fact's wording may read besides the fact: times and lists already in words. */
export interface FactContext {
  /** Virtual time in seconds, as shown ("0.25"). */
  secs: (t: number) => string;
  /** Replica ids as a short list ("r1, r2 and 3 more"). */
  list: (ids: string[]) => string;
  /** A replica's drop reason in words ("BGSAVE failed"). */
  reason: (r: Extract<RecapFact, { kind: "dropped" }>["replicas"][number]["reason"]) => string;
}

type FactTexts = { [K in RecapFact["kind"]]: (f: Extract<RecapFact, { kind: K }>, c: FactContext) => string };
type ReasonTexts = { [K in UnfinishedReason["kind"]]: (r: Extract<UnfinishedReason, { kind: K }>) => string };

const target = (child: "rdb-disk" | "rdb-socket" | "aof") => (child === "rdb-socket" ? "socket" : "disk");

const facts: FactTexts = {
  child: (f, c) => {
    const outcome = { ok: "succeeded", failed: "failed", killed: "killed", running: "still running at the end" }[f.outcome];
    if (f.child === "aof") return `${c.secs(f.t)} s — AOF rewrite (child ${f.pid}): ${outcome}.`;
    const what = `${f.origin === "user" ? "User BGSAVE" : "BGSAVE"} to ${target(f.child)} (child ${f.pid})`;
    return `${c.secs(f.t)} s — ${what}${f.replicas.length ? ` for ${c.list(f.replicas)}` : ""}: ${outcome}.`;
  },
  callFailed: (f, c) => {
    const why =
      f.cause === "fork"
        ? `BGSAVE${f.target ? ` to ${f.target}` : ""} could not start: fork() failed${f.errno ? ` (${f.errno})` : ""}`
        : f.cause === "noRsi"
          ? "no BGSAVE: there was no replication info to put in the RDB"
          : "no BGSAVE: a child was already running";
    return `${c.secs(f.t)} s — ${why}.${f.dropped.length ? ` Dropped: ${c.list(f.dropped)}.` : ""}`;
  },
  more: (f) => `… and ${f.count} more.`,
  online: (f, c) => `ONLINE at the end: ${c.list(f.replicas)}.`,
  resynced: (f, c) => `Dropped, then synced again on a new connection: ${f.replicas.map((r) => `${r.id} (${c.reason(r.reason)})`).join(", ")}.`,
  dropped: (f, c) => `Dropped, and not back by the end: ${f.replicas.map((r) => `${r.id} (${c.reason(r.reason)})`).join(", ")}.`,
  waiting: (f) => `Still syncing at the end: ${f.replicas.map((r) => `${r.id} (${r.state})`).join(", ")}.`,
  end: (f, c) =>
    f.endedBy === "quiescent"
      ? `The run ended at ${c.secs(f.t)} s, with nothing left to happen.`
      : f.endedBy === "frame-limit"
        ? `The run stopped at the lab's frame limit, at ${c.secs(f.t)} s, before the scenario's end.`
        : `The run stopped at its time limit, ${c.secs(f.t)} s.`,
};

const reasons: ReasonTexts = {
  custom: () => "This is your own scenario file: progress is kept for the catalogue's scenarios only.",
  edited: () => "This is your sandbox branch, so it does not count. Undo the edits to finish the scenario itself.",
  notAtEnd: () => "Reach the last step to finish.",
  loading: () => "The questions are still loading.",
  skipped: (r) => (r.questions.length === 1 ? "1 question skipped — answer it to finish." : `${r.questions.length} questions skipped — answer them to finish.`),
  unanswered: (r) =>
    r.questions.length === 1 ? "1 question not answered — answer it to finish." : `${r.questions.length} questions not answered — answer them to finish.`,
};

export const recapEn = {
  title: "Recap",
  happened: "What happened",
  answers: "Your answers",
  noQuestions: "This scenario asks no questions.",
  question: (n: number) => `Question ${n}`,
  results: { right: "✓ Right", wrong: "✕ Not quite", skipped: "Skipped", unanswered: "Not answered" },
  /** The jump link beside each question: its name and visible text. */
  goTo: (n: number) => `Go to question ${n}`,
  finished: "✓ Finished: you reached the end and answered every question.",
  finishedBefore: "✓ You finished this scenario on an earlier visit.",
  facts,
  reasons,
  /** The recap's button to the scenario after this one in the catalogue. */
  next: (title: string) => `Next scenario: ${title}`,
  /** On the catalogue's last scenario: the first one not finished yet, or the first of all. */
  firstUnfinished: (title: string) => `First unfinished scenario: ${title}`,
  backToFirst: (title: string) => `Back to the first scenario: ${title}`,
  /** "r1, r2 and 3 more" */
  list: (shown: string[], more: number) => `${shown.join(", ")}${more ? ` and ${more} more` : ""}`,
};

export type RecapDict = typeof recapEn;
