import type { ReplicaView } from "../../model";
import { STATE_STYLE, stateInfo } from "../view/replicaRows";
import { StateIcon } from "../view/StateGlyph";

/** The replica's state as shape + name + number (never colour alone). */
export function StateBadge({ replica }: { replica: ReplicaView | null }) {
  const info = stateInfo(replica);
  const detail =
    info.kind === "dropped"
      ? `${info.sub ?? ""}${info.replstate !== null && info.replstate !== 0 ? `, replstate left at ${info.replstate}` : ""}`
      : info.replstate !== null
        ? `replstate ${info.replstate}${info.sub ? `, ${info.sub}` : ""}`
        : "";
  const closed = replica?.closed ? "connection closed" : "";
  return (
    <p className={`inline-flex flex-wrap items-center gap-1 rounded-md border-2 px-1.5 py-0.5 text-xs ${STATE_STYLE[info.kind].html}`}>
      <StateIcon kind={info.kind} sub={info.sub} />
      <strong className="font-mono">{info.name}</strong>
      {(detail || closed) && <span>({[detail, closed].filter(Boolean).join(", ")})</span>}
    </p>
  );
}
