import type { ReplicaView } from "../../model";
import { useWords } from "../i18n";
import { STATE_STYLE, stateInfo, stateLabel } from "../view/replicaRows";
import { Terms } from "../orient/Term";
import { StateIcon } from "../view/StateGlyph";

/** The replica's state as shape + name + number (never colour alone). */
export function StateBadge({ replica }: { replica: ReplicaView | null }) {
  const t = useWords().dict.page.replicas;
  const info = stateInfo(replica);
  const sub = info.sub ? t.subs[info.sub] : null;
  const detail =
    info.kind === "dropped"
      ? [sub, info.replstate !== null && info.replstate !== 0 ? t.replstateLeft(info.replstate) : ""].filter(Boolean).join(", ")
      : info.replstate !== null
        ? `${t.replstate(info.replstate)}${sub ? `, ${sub}` : ""}`
        : "";
  const closed = replica?.closed ? t.connectionClosed : "";
  const name = stateLabel(info.kind, t.notConnected);
  return (
    <p className={`inline-flex flex-wrap items-center gap-1 rounded-md border-2 px-1.5 py-0.5 text-xs ${STATE_STYLE[info.kind].html}`}>
      <StateIcon kind={info.kind} sub={info.sub} />
      <strong className="font-mono">{name}</strong>
      {(detail || closed) && (
        <span>
          (<Terms text={[detail, closed].filter(Boolean).join(", ")} />)
        </span>
      )}
    </p>
  );
}
