/**
 * The glossary's words and how texts write them (docs/architecture.md §14). English and Chinese
 * texts use the same Latin words (`mincapa`, `PSYNC`, `replstate 6`), so one list finds them in
 * both; Chinese adds its own word for diskless. The definitions are in the lazy "orient" section.
 */
export type TermId =
  | "mincapa"
  | "capaEof"
  | "capaPsync2"
  | "replstate"
  | "replstate0"
  | "replstate6"
  | "replstate7"
  | "replstate8"
  | "replstate9"
  | "psync"
  | "sync"
  | "fullresync"
  | "rdb"
  | "bgsave"
  | "diskless"
  | "replTimeout";

/** Where a word starts and ends: not inside a longer name (`repl-diskless-sync-delay`, `SYNC_ACCEPTED`, `PSYNC2`). */
const word = (w: string) => String.raw`(?<![\w$-])${w}(?![\w-])`;

/** In order of preference where two could start at the same place: "replstate 6" before "replstate". */
const PATTERNS: [TermId, string][] = [
  ["mincapa", word("mincapa")],
  ["capaEof", word("(?:capa eof|eof|SLAVE_CAPA_EOF)")],
  ["capaPsync2", word("(?:capa psync2|psync2|SLAVE_CAPA_PSYNC2)")],
  ...[0, 6, 7, 8, 9].map((n): [TermId, string] => [`replstate${n}` as TermId, word(`replstate ${n}`)]),
  ["replstate", word("replstate")],
  ["psync", word("PSYNC")],
  ["sync", word("SYNC")],
  ["fullresync", String.raw`\+FULLRESYNC(?!\w)`],
  ["rdb", word("RDB")],
  ["bgsave", word("BGSAVE")],
  ["diskless", `${word("(?:[Dd]iskless|repl-diskless-sync)")}|无盘`],
  ["replTimeout", word("repl-timeout")],
];

const FIND = new RegExp(PATTERNS.map(([, p]) => `(${p})`).join("|"), "g");

/** A piece of text: plain, or a glossary word. */
export type TermPiece = string | { term: TermId; text: string };

/**
 * The text cut where glossary words are. Only a word's first appearance in a text block is marked:
 * `seen` carries the words already marked in the block (shared by its pieces of code and prose).
 */
export function findTerms(text: string, seen: Set<TermId>): TermPiece[] {
  const out: TermPiece[] = [];
  let at = 0;
  for (const m of text.matchAll(FIND)) {
    const term = PATTERNS[m.slice(1).findIndex((g) => g !== undefined)]![0];
    if (seen.has(term)) continue;
    seen.add(term);
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push({ term, text: m[0] });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
