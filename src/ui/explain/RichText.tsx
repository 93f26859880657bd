/** Renders dictionary text: spans between backticks become <code>. No HTML is ever parsed. */
export function RichText({ text }: { text: string }) {
  const parts = text.split("`");
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-slate-200/70 px-1 font-mono text-[0.92em] dark:bg-slate-700/70">
            {part}
          </code>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}
