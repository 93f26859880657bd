import { useEffect, useState } from "react";
import seedText from "../../model/seed/startBgsaveForReplication.c?raw";
import type { RedisVersion } from "../../model/versions/names";
import { TEXTS } from "../../model/versions/texts";
import { statementOf } from "../link/codeLink";
import { highlightC, type Token } from "./highlightC";
import { statementLineOf, versionLines } from "./versionLines";
import { SEED_CONTINUATIONS } from "../../model/seedLines";

/** The seed function, line by line (line numbers are 1-based, as in every trace). */
export const SEED_LINES: string[] = seedText.replace(/\n$/, "").split("\n");
export const SEED_TOKENS = highlightC(SEED_LINES);

/** A version's function text as the listing shows it (src/ui/code/SeedListing.tsx). */
export interface ListingText {
  redis: RedisVersion;
  lines: string[];
  tokens: Token[][];
  /** Where a statement spanning several lines continues. */
  continuations: Readonly<Partial<Record<number, number[]>>>;
  /** The statement a line belongs to (its first line), or null for a line that runs nothing. */
  statementOf: (line: number) => number | null;
  /** Whether the seed document's Chinese annotations are in it (4.0.14's text only). */
  annotated: boolean;
}

export const SEED_LISTING: ListingText = {
  redis: "4.0.14",
  lines: SEED_LINES,
  tokens: SEED_TOKENS,
  continuations: SEED_CONTINUATIONS,
  statementOf,
  annotated: true,
};

const loaded = new Map<RedisVersion, ListingText>([["4.0.14", SEED_LISTING]]);

/** A version's text (4.0.14's is in the first load; another's is a chunk of its own, fetched when first shown). */
export async function loadListing(redis: RedisVersion): Promise<ListingText> {
  const hit = loaded.get(redis);
  if (hit) return hit;
  const lines = (await TEXTS[redis].loadText()).replace(/\n$/, "").split("\n");
  const v = versionLines(redis);
  const listing: ListingText = { redis, lines, tokens: highlightC(lines), continuations: v.continuations, statementOf: (n) => statementLineOf(redis, n), annotated: false };
  loaded.set(redis, listing);
  return listing;
}

/** The listing of `redis`'s text, or null while it loads. */
export function useListingText(redis: RedisVersion): ListingText | null {
  const [, setVersion] = useState(0);
  const hit = loaded.get(redis) ?? null;
  useEffect(() => {
    if (loaded.has(redis)) return;
    let live = true;
    void loadListing(redis).then(() => live && setVersion((n) => n + 1));
    return () => {
      live = false;
    };
  }, [redis]);
  return hit;
}
