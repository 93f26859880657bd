import { useWords } from "../i18n";
import { LINKED_ROW } from "../link/styles";

/** Messages as they appear on a socket or in a buffer; repeated keep-alive newlines collapse. */
export interface WireItem {
  text: string;
  count: number;
  fresh: boolean;
  /** It belongs to what the reader points at (src/ui/link). */
  linked: boolean;
}

/** `linked`: indexes of the entries lit by the code ↔ picture link, counted from `offset` (the list's first entry). */
export function collapseWire(messages: string[], freshFrom: number, linked?: ReadonlySet<number>, offset = 0): WireItem[] {
  const out: WireItem[] = [];
  messages.forEach((m, i) => {
    const prev = out[out.length - 1];
    const fresh = i >= freshFrom;
    const lit = !!linked?.has(offset + i);
    if (prev && m === "\n" && prev.text === "\n" && prev.fresh === fresh && prev.linked === lit) prev.count++;
    else out.push({ text: m, count: 1, fresh, linked: lit });
  });
  return out;
}

function display(text: string, keepAlive: string): string {
  if (text === "\n") return `\\n ${keepAlive}`;
  return text;
}

/** A long list keeps its start (the handshake and the RDB) and its end (the latest), like a pager. */
const HEAD = 6;
const TAIL = 18;

export function WireList({ items, empty, tone = "plain" }: { items: WireItem[]; empty: string; tone?: "plain" | "error" }) {
  const t = useWords().dict.page.replicas;
  if (!items.length) return <p className="text-[11px] text-slate-600 italic dark:text-slate-300">{empty}</p>;
  const hidden = items.length > HEAD + TAIL + 1 ? items.length - HEAD - TAIL : 0;
  const row = (it: WireItem, i: number) => (
    <li
      key={i}
      data-linked={it.linked ? "" : undefined}
      className={`break-all rounded px-1 ${it.linked ? LINKED_ROW : ""} ${tone === "error" ? "bg-rose-100 text-rose-950 dark:bg-rose-950 dark:text-rose-100" : it.fresh ? "bg-yellow-100 text-slate-950 dark:bg-yellow-900/60 dark:text-yellow-50" : "text-slate-800 dark:text-slate-200"}`}
    >
      {it.fresh && <span className="sr-only">{t.fresh}</span>}
      {display(it.text, t.keepAlive)}
      {it.count > 1 ? ` ×${it.count}` : ""}
    </li>
  );
  return (
    <ol className="space-y-px font-mono text-[11px] leading-snug">
      {hidden ? (
        <>
          {items.slice(0, HEAD).map(row)}
          <li className="px-1 text-slate-600 italic dark:text-slate-300">{t.hidden(hidden)}</li>
          {items.slice(items.length - TAIL).map((it, k) => row(it, items.length - TAIL + k))}
        </>
      ) : (
        items.map(row)
      )}
    </ol>
  );
}
