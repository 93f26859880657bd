/**
 * How a row of text (a code line, a log line, a wire entry, a replica card) shows that it belongs
 * to what the reader points at: an indigo outline just outside the row (the rows have no room
 * inside it for a ring that would not cross their text), so nothing moves. The row also carries
 * `data-linked`.
 */
export const LINKED_ROW = "outline-2 outline-offset-0 outline-indigo-600 dark:outline-indigo-300";
