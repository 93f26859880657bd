/** A chip's width for its text (13-unit monospace, 0.6 em a character, and its padding). */
export const chipWidth = (text: string) => text.length * 7.9 + 8;

/** A small rounded label (config values, flags), 18 units tall. */
export function Chip({ x, y, text, on }: { x: number; y: number; text: string; on?: boolean }) {
  return (
    <g>
      <rect
        data-box=""
        x={x}
        y={y}
        width={chipWidth(text)}
        height={18}
        rx={4}
        className={on ? "fill-indigo-100 stroke-indigo-600 dark:fill-indigo-950 dark:stroke-indigo-300" : "fill-slate-100 stroke-slate-400 dark:fill-slate-800 dark:stroke-slate-500"}
      />
      <text x={x + 4} y={y + 13} className="diagram-small fill-slate-900 font-mono dark:fill-slate-50">
        {text}
      </text>
    </g>
  );
}
