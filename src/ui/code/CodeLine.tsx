import { memo } from "react";
import type { Token } from "./highlightC";

const TOKEN_CLASS: Record<Token["kind"], string> = {
  comment: "text-emerald-800 italic dark:text-emerald-300",
  string: "text-amber-800 dark:text-amber-200",
  keyword: "text-indigo-700 font-semibold dark:text-indigo-300",
  number: "text-sky-800 dark:text-sky-200",
  plain: "",
};

export type LineMark = "current" | "continuation" | "next" | null;

const ROW_CLASS: Record<Exclude<LineMark, null>, string> = {
  current: "bg-yellow-200 shadow-[inset_3px_0_0_var(--color-yellow-600)] dark:bg-amber-950 dark:shadow-[inset_3px_0_0_var(--color-yellow-400)]",
  continuation: "bg-yellow-200 shadow-[inset_3px_0_0_var(--color-yellow-600)] dark:bg-amber-950 dark:shadow-[inset_3px_0_0_var(--color-yellow-400)]",
  next: "bg-sky-50 dark:bg-sky-900/40",
};

export const CodeLine = memo(function CodeLine({ n, tokens, mark, nextLabel }: { n: number; tokens: Token[]; mark: LineMark; nextLabel: string }) {
  return (
    <li
      data-line={n}
      aria-current={mark === "current" ? "step" : undefined}
      className={`grid grid-cols-[1.2rem_2rem_1fr] ${mark ? ROW_CLASS[mark] : ""}`}
    >
      {/* The marker column holds an element only on a marked line: an empty one on every line was a tenth of the page. */}
      {(mark === "current" || mark === "next") && (
        <span aria-hidden="true" className="text-center font-bold text-slate-900 dark:text-yellow-100">
          {mark === "current" ? "▶" : <span className="font-normal text-sky-700 dark:text-sky-300">›</span>}
        </span>
      )}
      <span className="col-start-2 pr-2 text-right text-slate-600 select-none dark:text-slate-300">{n}</span>
      <code className="whitespace-pre-wrap break-words">
        {tokens.map((t, i) => (t.kind === "plain" ? t.text : <span key={i} className={TOKEN_CLASS[t.kind]}>{t.text}</span>))}
        {mark === "next" && <span className="sr-only">{nextLabel}</span>}
      </code>
    </li>
  );
});
