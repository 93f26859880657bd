import { stepStart } from "../../store/derive";
import { useLab } from "../../store/labStore";
import { useDict } from "../i18n";
import { replicaRows } from "../view/replicaRows";
import { ReplicaCard } from "./ReplicaCard";

export function ReplicasPanel() {
  const trace = useLab((s) => s.trace);
  const derived = useLab((s) => s.derived);
  const cursor = useLab((s) => s.cursor);
  const stepSize = useLab((s) => s.stepSize);
  const frame = trace.frames[cursor];
  const t = useDict().dict.page.replicas;
  if (!frame) return null;
  const from = stepStart(derived, cursor, stepSize);
  const baseline = from > 0 ? trace.frames[from - 1] : undefined;
  return (
    <section aria-label={t.region} className="panel flex h-full min-h-0 flex-col">
      <h2 className="panel-title">{t.title}</h2>
      <div tabIndex={0} className="scroll-box relative min-h-0 flex-1 overflow-auto">
        {replicaRows(frame).map((row) => (
          <ReplicaCard key={row.id} trace={trace} row={row} frame={frame} baseline={baseline} />
        ))}
      </div>
    </section>
  );
}
