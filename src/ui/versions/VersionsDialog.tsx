/**
 * "What changed": startBgsaveForReplication of two adjacent Redis versions side by side, each
 * changed hunk marked, with the commit behind it (a link to it) and what it changes for a replica
 * (src/model/versions/changes.ts; the facts are in docs/versions.md). Loaded the first time it
 * opens, with its words and the texts.
 */
import { useEffect, useId, useRef, useState } from "react";
import { CHANGES, commitUrl, type ChangeHunk, type VersionChanges } from "../../model/versions/changes";
import { TEXTS } from "../../model/versions/texts";
import { useLab } from "../../store/labStore";
import { ModalFrame } from "../forms/ModalFrame";
import { useWords } from "../i18n";
import { BothRuns } from "./BothRuns";
import { diffRows, type DiffRow, type SideLine } from "./diffRows";

type Texts = { status: "loading" } | { status: "failed"; why: string } | { status: "ready"; older: string; newer: string };

// Long lines wrap within their half, keeping their indentation, so both texts stay in view.
const CELL = "px-2 align-top font-mono text-[12px] leading-5 break-words whitespace-pre-wrap";
const NUM = "w-10 pr-1 text-right align-top font-mono text-[11px] leading-5 text-slate-600 select-none dark:text-slate-300";

export default function VersionsDialog({ onClose }: { onClose: () => void }) {
  const t = useWords("versions").dict;
  const lang = useLab((s) => s.lang);
  const ids = useId();
  const [pair, setPair] = useState(0);
  const changes = CHANGES[pair] as VersionChanges;
  const [texts, setTexts] = useState<Texts>({ status: "loading" });
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => before?.focus();
  }, []);

  useEffect(() => {
    let live = true;
    setTexts({ status: "loading" });
    Promise.all([TEXTS[changes.from].loadText(), TEXTS[changes.to].loadText()]).then(
      ([older, newer]) => live && setTexts({ status: "ready", older, newer }),
      (e: unknown) => live && setTexts({ status: "failed", why: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [changes]);

  const titleId = `${ids}-title`;
  const rows = texts.status === "ready" ? diffRows(texts.older, texts.newer, changes.hunks) : [];
  const from = TEXTS[changes.from].source;
  const to = TEXTS[changes.to].source;
  return (
    <ModalFrame titleId={titleId} onClose={onClose} className="h-[92dvh] max-w-6xl p-4">
      <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
        <h2 id={titleId} className="text-lg font-semibold break-words">
          {t.title}
        </h2>
        <label className="ml-auto flex items-center gap-2 text-sm">
          {t.pair}
          <select
            value={pair}
            onChange={(e) => setPair(Number(e.target.value))}
            className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-600 dark:bg-slate-900"
          >
            {CHANGES.map((c, k) => (
              <option key={`${c.from}-${c.to}`} value={k}>
                {t.pairOption(c.from, c.to)}
              </option>
            ))}
          </select>
        </label>
        <button
          ref={closeRef}
          type="button"
          onClick={onClose}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
        >
          {t.close}
        </button>
      </div>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-200">{t.intro}</p>
      <div tabIndex={0} className="scroll-box mt-2 min-h-0 flex-1 overflow-auto rounded border border-slate-200 dark:border-slate-700">
        <BothRuns from={changes.from} to={changes.to} />
        {texts.status === "loading" && <p className="p-3 text-sm">{t.loading}</p>}
        {texts.status === "failed" && (
          <p role="alert" className="p-3 text-sm text-rose-800 dark:text-rose-200">
            {t.failed(texts.why)}
          </p>
        )}
        {texts.status === "ready" && (
          <table aria-label={t.table(changes.from, changes.to)} className="w-full table-fixed border-collapse">
            <colgroup>
              <col className="w-10" />
              <col />
              <col className="w-10" />
              <col />
            </colgroup>
            <thead className="sticky top-0 z-10 bg-slate-100 text-left text-xs dark:bg-slate-700">
              <tr>
                <th scope="col" colSpan={2} className="px-2 py-1 font-semibold">
                  {t.older(changes.from)} <span className="font-normal">· {t.source(from.first, from.last)}</span>
                </th>
                <th scope="col" colSpan={2} className="border-l border-slate-300 px-2 py-1 font-semibold dark:border-slate-600">
                  {t.newer(changes.to)} <span className="font-normal">· {t.source(to.first, to.last)}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, k) => (
                <Row key={k} row={row} changes={changes} lang={lang} t={t} />
              ))}
            </tbody>
          </table>
        )}
        {texts.status === "ready" && changes.callees.length > 0 && (
          <section aria-label={t.callees} className="border-t border-slate-300 p-3 dark:border-slate-600">
            <h3 className="text-sm font-semibold">{t.callees}</h3>
            <ul className="mt-1 space-y-2 text-sm">
              {changes.callees.map((c) => (
                <li key={c.callee}>
                  <code className="font-mono text-[12px]">{c.callee}</code> <span className="text-slate-600 dark:text-slate-300">({c.source})</span>
                  <p>{c.explanation[lang]}</p>
                  <Commits commits={c.commits} label={t.commits} />
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </ModalFrame>
  );
}

type Words = ReturnType<typeof useWords<"versions">>["dict"];

function Side({ line, mark, label }: { line: SideLine | null; mark: "old" | "new" | null; label: string }) {
  const tint = mark === "old" ? "bg-rose-100 dark:bg-rose-950/70" : mark === "new" ? "bg-emerald-100 dark:bg-emerald-950/70" : "";
  return (
    <>
      <td className={`${NUM} ${tint}`}>{line?.n ?? ""}</td>
      <td className={`${CELL} ${tint}`}>
        {mark && line && <span className="sr-only">{label}: </span>}
        {line?.text ?? ""}
      </td>
    </>
  );
}

function Row({ row, changes, lang, t }: { row: DiffRow; changes: VersionChanges; lang: "en" | "zh"; t: Words }) {
  if (row.kind === "same") {
    return (
      <tr>
        <Side line={row.old} mark={null} label="" />
        <td className={NUM + " border-l border-slate-200 dark:border-slate-700"}>{row.new.n}</td>
        <td className={CELL}>{row.new.text}</td>
      </tr>
    );
  }
  const hunk = changes.hunks[row.hunk] as ChangeHunk;
  if (row.kind === "explain") {
    return (
      <tr>
        <td colSpan={4} className="border-y border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-700 dark:bg-amber-950/60">
          <p className="font-semibold">
            {t.hunk(row.hunk + 1, changes.hunks.length)} · {t.kind[hunk.kind]}
          </p>
          <p className="mt-0.5">{hunk.explanation[lang]}</p>
          {hunk.commits.length ? <Commits commits={hunk.commits} label={t.commits} /> : <p className="mt-0.5 text-slate-700 dark:text-slate-200">{t.noCommit}</p>}
        </td>
      </tr>
    );
  }
  const both = row.old !== null && row.new !== null;
  return (
    <tr data-hunk={row.hunk}>
      <Side line={row.old} mark={row.old ? "old" : null} label={both ? t.changed : t.removed} />
      <td className={`${NUM} border-l border-slate-200 dark:border-slate-700 ${row.new ? "bg-emerald-100 dark:bg-emerald-950/70" : ""}`}>{row.new?.n ?? ""}</td>
      <td className={`${CELL} ${row.new ? "bg-emerald-100 dark:bg-emerald-950/70" : ""}`}>
        {row.new && <span className="sr-only">{both ? t.changed : t.added}: </span>}
        {row.new?.text ?? ""}
      </td>
    </tr>
  );
}

function Commits({ commits, label }: { commits: VersionChanges["hunks"][number]["commits"]; label: string }) {
  return (
    <ul aria-label={label} className="mt-1 space-y-0.5">
      {commits.map((c) => (
        <li key={c.hash}>
          <a href={commitUrl(c)} target="_blank" rel="noreferrer" className="font-mono text-[12px] text-indigo-700 underline dark:text-indigo-300">
            {c.hash}
          </a>{" "}
          {c.subject}
        </li>
      ))}
    </ul>
  );
}
