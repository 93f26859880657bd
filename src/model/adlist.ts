/**
 * A doubly linked list with Redis `adlist.c` iteration semantics: `listNext` fetches the next
 * node before returning the current one, so deleting the current node while iterating is safe —
 * the error loop of startBgsaveForReplication relies on exactly that (seed lines 49–55).
 */
export interface ListNode<T> {
  prev: ListNode<T> | null;
  next: ListNode<T> | null;
  value: T;
}

export interface List<T> {
  head: ListNode<T> | null;
  tail: ListNode<T> | null;
  len: number;
  /** Bumped by every insertion and deletion, so a reader can tell cheaply that nothing changed. */
  version: number;
}

export interface ListIter<T> {
  next: ListNode<T> | null;
}

export function listCreate<T>(): List<T> {
  return { head: null, tail: null, len: 0, version: 0 };
}

export function listLength<T>(list: List<T>): number {
  return list.len;
}

export function listAddNodeTail<T>(list: List<T>, value: T): void {
  const node: ListNode<T> = { prev: list.tail, next: null, value };
  if (list.tail) list.tail.next = node;
  else list.head = node;
  list.tail = node;
  list.len++;
  list.version++;
}

export function listDelNode<T>(list: List<T>, node: ListNode<T>): void {
  if (node.prev) node.prev.next = node.next;
  else list.head = node.next;
  if (node.next) node.next.prev = node.prev;
  else list.tail = node.prev;
  list.len--;
  list.version++;
}

export function listRewind<T>(list: List<T>, li: ListIter<T>): void {
  li.next = list.head;
}

export function listNext<T>(li: ListIter<T>): ListNode<T> | null {
  const current = li.next;
  if (current) li.next = current.next;
  return current;
}

export function listSearchKey<T>(list: List<T>, value: T): ListNode<T> | null {
  for (let n = list.head; n; n = n.next) if (n.value === value) return n;
  return null;
}

export function listToArray<T>(list: List<T>): T[] {
  const out: T[] = [];
  for (let n = list.head; n; n = n.next) out.push(n.value);
  return out;
}

/** for..of over the values, in list order (for code that is not a port of a C loop). */
export function* listValues<T>(list: List<T>): Generator<T> {
  for (let n = list.head; n; ) {
    const next = n.next;
    yield n.value;
    n = next;
  }
}
