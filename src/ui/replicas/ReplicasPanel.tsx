import { useCallback, useState } from "react";
import { stepStart } from "../../store/derive";
import { useWords } from "../i18n";
import { useStep } from "../hooks/useStep";
import { MAX_SINGLE_REPLICAS } from "../view/replicaGroups";
import { replicaRows } from "../view/replicaRows";
import { cardModel } from "./cardModel";
import { ReplicaCard, ReplicaLine, type CardLink } from "./ReplicaCard";
import { useLinked } from "../link/useLinked";
import type { Linked } from "../link/codeLink";

/**
 * Every replica: a whole card each for a few; beyond what the diagram draws one by one, a line
 * each that opens into the card (the diagram then groups them by state).
 */
export function ReplicasPanel() {
  const { trace, derived, cursor, stepSize, frame } = useStep();
  const t = useWords().dict.page.replicas;
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback(
    (id: string) =>
      setOpen((was) => {
        const next = new Set(was);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const from = stepStart(derived, cursor, stepSize);
  const baseline = from > 0 ? trace.frames[from - 1] : undefined;
  const rows = replicaRows(trace, frame);
  const many = rows.length > MAX_SINGLE_REPLICAS;
  const linked = useLinked().linked;
  return (
    <section aria-label={t.region} className="panel flex h-full min-h-0 flex-col">
      <h2 className="panel-title">{t.title}</h2>
      <div tabIndex={0} className="scroll-box relative min-h-0 flex-1 overflow-auto">
        {many && <p className="px-2 pt-1 text-[11px] text-slate-700 dark:text-slate-200">{t.many(rows.length)}</p>}
        {rows.map((row) => {
          const model = cardModel(trace, row, frame, baseline);
          const link = cardLink(linked, row.id, row.current?.key);
          return many ? (
            <ReplicaLine key={row.id} trace={trace} model={model} open={open.has(row.id)} onToggle={toggle} link={link} />
          ) : (
            <ReplicaCard key={row.id} trace={trace} model={model} link={link} />
          );
        })}
      </div>
    </section>
  );
}

/** A card's part of the code ↔ picture link (src/ui/link), or nothing (the card then renders as before). */
function cardLink(linked: Linked | null, id: string, key: string | undefined): CardLink | undefined {
  if (!linked) return undefined;
  const card = linked.parts.has(`replica:${id}`);
  const io = key ? linked.wire.get(key) : undefined;
  if (!card && !io) return undefined;
  return { card, wire: io?.wire, reply: io?.reply };
}
