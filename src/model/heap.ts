/** A binary min-heap ordered by (time, rank): the earliest first, ties by rank (deterministic). */
export class TimerHeap<T> {
  private items: { t: number; rank: number; value: T }[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): { t: number; rank: number; value: T } | undefined {
    return this.items[0];
  }

  push(t: number, rank: number, value: T): void {
    const items = this.items;
    items.push({ t, rank, value });
    let i = items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  pop(): { t: number; rank: number; value: T } | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(l, m)) m = l;
        if (r < items.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const x = this.items[a]!;
    const y = this.items[b]!;
    return x.t < y.t || (x.t === y.t && x.rank < y.rank);
  }

  private swap(a: number, b: number): void {
    const tmp = this.items[a]!;
    this.items[a] = this.items[b]!;
    this.items[b] = tmp;
  }
}
