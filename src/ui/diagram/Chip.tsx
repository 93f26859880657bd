/** A small rounded label (config values, flags). Width is estimated from the text. */
export function Chip({ x, y, text, on }: { x: number; y: number; text: string; on?: boolean }) {
  const w = text.length * 5.9 + 10;
  return (
    <g>
      <rect
        x={x}
        y={y}
        width={w}
        height={15}
        rx={4}
        className={on ? "fill-indigo-100 stroke-indigo-600 dark:fill-indigo-950 dark:stroke-indigo-300" : "fill-slate-100 stroke-slate-400 dark:fill-slate-800 dark:stroke-slate-500"}
      />
      <text x={x + 5} y={y + 11} className="diagram-small fill-slate-900 font-mono dark:fill-slate-50">
        {text}
      </text>
    </g>
  );
}

export function chipWidth(text: string): number {
  return text.length * 5.9 + 10;
}
