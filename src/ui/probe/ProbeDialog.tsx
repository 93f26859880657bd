import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useLab } from "../../store/labStore";
import { Locals } from "../code/Locals";
import { Icon } from "../controls/Icon";
import { RichText } from "../explain/RichText";
import { lineText as lineTextOf } from "../explain/explainFrame";
import { QUIET_BUTTON } from "../forms/fields";
import { useWords } from "../i18n";
import { checkInteger } from "../sandbox/validate";
import { ProbeCode } from "./ProbeCode";
import { ProbeInputsForm, type ProbeErrors } from "./ProbeInputsForm";
import { DEFAULT_INPUTS, effectiveMincapa, runProbe, toDesc, type ProbeInputs, type ProbeRun } from "./probeModel";
import { ProbeState } from "./ProbeState";

const FOCUSABLE = 'button:not([disabled]), select, input:not([disabled]), [tabindex="0"]';

/**
 * The "what if" probe: a dialog over the page. Its inputs survive closing (the component stays
 * mounted once opened, and renders nothing while closed).
 */
export function ProbeDialog({ open }: { open: boolean }) {
  const setPanel = useLab((s) => s.setPanel);
  // The version the page runs: the probe calls that version's function (its text, its lines).
  const redis = useLab((s) => s.redis);
  const { dict } = useWords();
  const t = useWords("tools").dict.probe;
  const [inputs, setInputs] = useState<ProbeInputs>(DEFAULT_INPUTS);
  const [errors, setErrors] = useState<ProbeErrors>({});
  const [run, setRun] = useState<{ result: ProbeRun; inputs: ProbeInputs } | null>(null);
  const [step, setStep] = useState(0);
  const panel = useRef<HTMLDivElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const runHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!open) return;
    const before = document.activeElement as HTMLElement | null;
    title.current?.focus();
    return () => before?.focus();
  }, [open]);

  // Keys pressed with the focus outside the dialog (e.g. on the page after a click on text in
  // the dialog) belong to the dialog too: the page's shortcuts never see them.
  const outsideKey = useRef<(e: globalThis.KeyboardEvent) => void>(() => {});
  useEffect(() => {
    if (!open) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.target instanceof Node && panel.current?.contains(e.target)) return;
      e.stopPropagation();
      outsideKey.current(e);
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [open]);

  if (!open) return null;

  const total = run?.result.steps.length ?? 0;
  const go = (i: number) => setStep(Math.max(0, Math.min(total, i)));

  const doRun = () => {
    const delay = checkInteger(t.errors, t.fields.delay, inputs.delay, 0, 3600);
    const offset = checkInteger(t.errors, t.fields.offset, inputs.offset, 0, 1e12);
    const problems: ProbeErrors = {};
    if (!delay.ok) problems.delay = delay.message;
    if (!offset.ok) problems.offset = offset.message;
    setErrors(problems);
    if (!delay.ok || !offset.ok) return;
    setRun({ result: runProbe(toDesc(inputs, delay.value, offset.value), effectiveMincapa(inputs), redis), inputs });
    setStep(0);
    // In one column (a phone) the result is below the inputs: bring it into view.
    if (!window.matchMedia("(min-width: 64rem)").matches) runHeading.current?.scrollIntoView({ block: "start" });
  };

  const onKeyDown = (e: KeyboardEvent | globalThis.KeyboardEvent) => {
    // The page behind the dialog never reacts to keys while it is open.
    e.stopPropagation();
    const target = e.target as HTMLElement;
    const typing = target.tagName === "INPUT" || target.tagName === "SELECT";
    if (e.key === "Escape") setPanel("probe", false);
    else if (!typing && run && (e.key === "ArrowRight" || e.key === "ArrowLeft")) {
      e.preventDefault();
      go(step + (e.key === "ArrowRight" ? 1 : -1));
    } else if (e.key === "Tab" && !panel.current?.contains(document.activeElement)) {
      e.preventDefault();
      title.current?.focus();
    } else if (e.key === "Tab") {
      const items = [...(panel.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
      const first = items[0];
      const last = items[items.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first?.focus();
      }
    }
  };

  outsideKey.current = onKeyDown;

  const current = run && step > 0 ? run.result.steps[step - 1] : undefined;
  const next = run ? run.result.steps[step] : undefined;
  const snapshot = current?.snapshot ?? run?.result.before;
  const previous = run ? (step > 1 ? run.result.steps[step - 2]!.snapshot : step === 1 ? run.result.before : null) : null;
  const stale = !!run && (JSON.stringify(run.inputs) !== JSON.stringify(inputs) || run.result.redis !== redis);
  const ran = run?.result.redis ?? redis;
  const currentText = current ? lineTextOf(dict, ran, current.line) : undefined;

  return (
    <div className="fixed inset-0 z-50 bg-slate-950/50 p-0 lg:p-3" onClick={() => setPanel("probe", false)}>
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby="probe-title"
        className="mx-auto flex h-full max-w-[84rem] flex-col overflow-hidden bg-white text-slate-900 shadow-2xl lg:rounded-lg dark:bg-slate-900 dark:text-slate-100"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <div className="flex items-center gap-2 border-b border-slate-200 bg-indigo-50 px-3 py-1.5 dark:border-slate-700 dark:bg-indigo-950">
          <h2 id="probe-title" ref={title} tabIndex={-1} className="min-w-0 text-sm font-semibold outline-none">
            {t.title} <span className="font-normal text-slate-600 dark:text-slate-300">— Redis {redis}</span>
          </h2>
          <button type="button" className={`${QUIET_BUTTON} ml-auto shrink-0`} onClick={() => setPanel("probe", false)} aria-label={t.close}>
            <span aria-hidden="true">✕</span>
          </button>
        </div>
        <div className="grid min-h-0 flex-1 grid-cols-1 overflow-auto lg:grid-cols-[21rem_minmax(0,1.1fr)_minmax(0,1fr)] lg:overflow-hidden">
          <div className="border-slate-200 lg:min-h-0 lg:overflow-auto lg:border-r dark:border-slate-700">
            <p className="px-3 py-1.5 text-[13px]">{t.intro}</p>
            <ProbeInputsForm inputs={inputs} onChange={setInputs} errors={errors} onRun={doRun} />
          </div>
          <div className="flex h-[36rem] flex-col gap-1 border-t border-slate-200 p-2 lg:h-auto lg:min-h-0 lg:border-t-0 dark:border-slate-700">
            <h3 ref={runHeading} tabIndex={-1} className="text-[13px] font-semibold outline-none">
              {t.sections.run}
            </h3>
            <div className="flex flex-wrap items-center gap-1">
              <button type="button" className={QUIET_BUTTON} disabled={!run || step === 0} onClick={() => go(0)}>
                <Icon name="first" /> {t.first}
              </button>
              <button type="button" className={QUIET_BUTTON} disabled={!run || step === 0} onClick={() => go(step - 1)}>
                <Icon name="back" /> {t.prev}
              </button>
              <button type="button" className={QUIET_BUTTON} disabled={!run || step >= total} onClick={() => go(step + 1)}>
                {t.next} <Icon name="forward" />
              </button>
              <button type="button" className={QUIET_BUTTON} disabled={!run || step >= total} onClick={() => go(total)}>
                {t.last} <Icon name="last" />
              </button>
            </div>
            <p role="status" className="text-[12px] text-slate-700 dark:text-slate-200">
              {run ? (
                <>
                  {t.position(step, total)}
                  {step === total && ` — ${t.result(run.result.retval)}`}
                </>
              ) : (
                t.notRun
              )}
            </p>
            {stale && <p className="text-[12px] text-amber-800 dark:text-amber-200">{t.stale}</p>}
            {currentText && (
              <p className="rounded bg-yellow-100 px-1.5 py-0.5 text-[12.5px] text-slate-950 dark:bg-yellow-900/60 dark:text-yellow-50">
                <strong>{dict.ui.line(current!.line)}:</strong> <RichText text={currentText} />
              </p>
            )}
            <ProbeCode
              redis={ran}
              label={t.codeRegion}
              listLabel={current ? t.lineJustRun(current.line) : t.notRun}
              current={current?.line ?? null}
              next={run && next ? next.line : null}
            />
          </div>
          <div className="flex flex-col gap-1 border-slate-200 p-2 lg:min-h-0 lg:overflow-auto lg:border-l dark:border-slate-700">
            <Locals locals={current?.locals ?? null} live={!!current} lastCallT={null} />
            {snapshot ? <ProbeState snapshot={snapshot} previous={previous} /> : <p className="text-[12px] text-slate-600 dark:text-slate-300">{t.rerunHint}</p>}
          </div>
        </div>
      </div>
    </div>
  );
}

export default ProbeDialog;
