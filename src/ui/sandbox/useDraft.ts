/**
 * A sandbox field's value that outlives the drawer: like useState, but kept for the page's
 * session under a name, so text typed and not yet submitted is still there when the drawer opens
 * again (the drawer's forms unmount when it closes).
 */
import { useCallback, useState } from "react";

const drafts = new Map<string, unknown>();

export function useDraft<T>(name: string, initial: T): [T, (value: T | ((prev: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => (drafts.has(name) ? (drafts.get(name) as T) : initial));
  const set = useCallback(
    (next: T | ((prev: T) => T)) =>
      setValue((prev) => {
        const v = typeof next === "function" ? (next as (prev: T) => T)(prev) : next;
        drafts.set(name, v);
        return v;
      }),
    [name],
  );
  return [value, set];
}
