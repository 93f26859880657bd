/** Where a queued -ERR stops: the write handler is never installed (4.0.14, docs/behaviour.md §8). */
export function StuckMark({ at: [x, y] }: { at: [number, number] }) {
  const c = "stroke-rose-600 dark:stroke-rose-400";
  return (
    <g>
      <circle cx={x} cy={y} r={6} className={`fill-white dark:fill-slate-900 ${c}`} strokeWidth={1.6} />
      <path d={`M${x - 3} ${y - 3}l6 6m0-6l-6 6`} className={c} strokeWidth={1.6} />
    </g>
  );
}
