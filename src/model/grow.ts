/**
 * Appending to the short logs a run keeps per connection (its wire, its frame stamps). Most of
 * them hold one or two entries for their whole life, and an array that grows by push reserves
 * room for sixteen more: in a run with tens of thousands of connections that room is most of what
 * the logs weigh. So a short log is replaced by one exactly one entry longer (concat), and only a
 * longer one grows in place. The caller keeps the array returned; the entries are the same.
 */
const SHORT = 8;

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * The empty log a connection's logs start with: one shared, frozen array. append and
 * appendRepeated never change a short log in place, so it is never written to; most connections
 * of a long run keep an empty output buffer and sent stamps for their whole life, and share it.
 */
export function emptyLog<T>(): T[] {
  return EMPTY as unknown as T[];
}

export function append<T>(log: T[], entry: T): T[] {
  // The first entry, by far the most common case: an array literal is of exactly its length.
  if (log.length === 0) return [entry];
  if (log.length < SHORT) return log.concat([entry]);
  log.push(entry);
  return log;
}

/** `log` with `count` copies of `entry` appended (see append). */
export function appendRepeated<T>(log: T[], entry: T, count: number): T[] {
  if (count <= 0) return log;
  if (count === 1) return append(log, entry);
  if (log.length + count <= SHORT) {
    const more: T[] = [];
    for (let k = 0; k < count; k++) more.push(entry);
    return log.concat(more);
  }
  // A short log may be the shared empty one (emptyLog): it is copied, never written to.
  const out = log.length < SHORT ? log.slice() : log;
  for (let k = 0; k < count; k++) out.push(entry);
  return out;
}

/**
 * Empty a list that is filled again and again (the connections or replicas that changed since
 * the last look). Setting an array's length to 0 gives its storage back, so the next entry
 * allocates it anew, every frame; taking the entries off one by one keeps the room.
 */
export function clear(list: unknown[]): void {
  while (list.length) list.pop();
}
