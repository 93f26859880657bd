import type { StateSub } from "../i18n";
import type { StateKind } from "./replicaRows";

/**
 * A shape per state, so state never depends on colour alone: ○ waiting to start, ◐ waiting for
 * the end, ▶ sending the file, ● online (◉ waiting for the first ACK), ✕ dropped.
 */
export function StateGlyph({ kind, sub, x = 0, y = 0, size = 10 }: { kind: StateKind; sub?: StateSub | null; x?: number; y?: number; size?: number }) {
  const r = size / 2;
  const cx = x + r;
  const cy = y + r;
  const stroke = "stroke-current";
  switch (kind) {
    case "WAIT_BGSAVE_START":
      return <circle cx={cx} cy={cy} r={r - 1} className={`fill-none ${stroke}`} strokeWidth={1.6} />;
    case "WAIT_BGSAVE_END":
      return (
        <g>
          <circle cx={cx} cy={cy} r={r - 1} className={`fill-none ${stroke}`} strokeWidth={1.6} />
          <path d={`M${cx} ${cy - r + 1} A ${r - 1} ${r - 1} 0 0 1 ${cx} ${cy + r - 1} Z`} className="fill-current" />
        </g>
      );
    case "SEND_BULK":
      return <path d={`M${x + 1} ${y + 1} L${x + size - 1} ${cy} L${x + 1} ${y + size - 1} Z`} className="fill-current" />;
    case "ONLINE":
      return sub === "waitingForAck" ? (
        <g>
          <circle cx={cx} cy={cy} r={r - 1} className={`fill-none ${stroke}`} strokeWidth={1.6} />
          <circle cx={cx} cy={cy} r={r / 2.2} className="fill-current" />
        </g>
      ) : (
        <circle cx={cx} cy={cy} r={r - 1} className="fill-current" />
      );
    case "dropped":
      return <path d={`M${x + 1} ${y + 1} L${x + size - 1} ${y + size - 1} M${x + size - 1} ${y + 1} L${x + 1} ${y + size - 1}`} className={stroke} strokeWidth={2} />;
    case "handshake":
      return <rect x={x + 1} y={y + 1} width={size - 2} height={size - 2} className={`fill-none ${stroke}`} strokeWidth={1.4} />;
    default:
      return <circle cx={cx} cy={cy} r={r - 1} className={`fill-none ${stroke}`} strokeWidth={1.2} strokeDasharray="2 2" />;
  }
}

/** The same glyph as a standalone inline icon for HTML text. */
export function StateIcon({ kind, sub }: { kind: StateKind; sub?: StateSub | null }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 12" className="inline-block h-3 w-3 shrink-0 align-[-1px]">
      <StateGlyph kind={kind} sub={sub} x={1} y={1} size={10} />
    </svg>
  );
}
