/** Small labelled form controls shared by the sandbox and the probe. */
import { useId, type ReactNode } from "react";

const INPUT =
  "h-7 min-w-0 rounded border border-slate-400 bg-white px-1.5 text-[13px] text-slate-900 aria-[invalid=true]:border-rose-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-rose-600 disabled:opacity-60 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100";

export const BUTTON =
  "inline-flex h-7 items-center justify-center gap-1 rounded-md border border-indigo-700 bg-indigo-600 px-2.5 text-[13px] font-medium text-white hover:bg-indigo-700 disabled:opacity-50 dark:border-indigo-400";
export const QUIET_BUTTON =
  "inline-flex h-7 items-center justify-center gap-1 rounded-md border border-slate-400 bg-white px-2 text-[13px] text-slate-900 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700";

function ErrorText({ id, error }: { id: string; error?: string | null | undefined }) {
  if (!error) return null;
  return (
    <span id={id} role="alert" className="text-[12px] text-rose-800 dark:text-rose-200">
      {error}
    </span>
  );
}

export function TextField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | null | undefined;
  inputMode?: "numeric" | "decimal" | "text";
  placeholder?: string;
  className?: string;
  mono?: boolean;
}) {
  const id = useId();
  const errId = `${id}-err`;
  return (
    <label htmlFor={id} className={`flex flex-col gap-0.5 text-[12px] text-slate-700 dark:text-slate-200 ${props.className ?? ""}`}>
      <span>{props.label}</span>
      <input
        id={id}
        type="text"
        value={props.value}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errId : undefined}
        onChange={(e) => props.onChange(e.target.value)}
        className={`${INPUT} ${props.mono ? "font-mono" : ""}`}
      />
      <ErrorText id={errId} error={props.error} />
    </label>
  );
}

export function Checkbox(props: { label: ReactNode; checked: boolean; onChange: (v: boolean) => void; disabled?: boolean }) {
  return (
    <label className={`inline-flex items-center gap-1 text-[13px] text-slate-800 dark:text-slate-100 ${props.disabled ? "opacity-60" : ""}`}>
      <input
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.checked)}
        className="h-4 w-4 accent-indigo-600"
      />
      {props.label}
    </label>
  );
}

export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (v: T) => void;
  className?: string;
}) {
  const id = useId();
  return (
    <label htmlFor={id} className={`flex flex-col gap-0.5 text-[12px] text-slate-700 dark:text-slate-200 ${props.className ?? ""}`}>
      <span>{props.label}</span>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value as T)} className={INPUT}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Hint({ children }: { children: ReactNode }) {
  return <p className="text-[12px] text-slate-600 dark:text-slate-300">{children}</p>;
}

/** A titled part of a tool panel. */
export function ToolSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="border-t border-slate-200 px-3 py-2 dark:border-slate-700">
      <h3 id={id} className="mb-1 text-[13px] font-semibold text-slate-900 dark:text-slate-50">
        {title}
      </h3>
      <div className="flex flex-col gap-1.5">{children}</div>
    </section>
  );
}
