import type { ReactNode } from 'react';
import type { Problem } from '@weir/model';
import { fieldMessage } from './problem-placement';

export const INPUT =
  'h-8 w-full rounded-md border bg-white px-2.5 text-sm text-slate-900 placeholder:text-slate-400 focus-visible:outline-2 focus-visible:outline-cyan-600 dark:bg-slate-950 dark:text-slate-100 aria-[invalid=true]:border-rose-500 border-slate-300 dark:border-slate-700 dark:aria-[invalid=true]:border-rose-500';

/** The errors of one control, referenced by its `aria-describedby`. */
export function FieldErrors({ id, problems }: { id: string; problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-xs text-rose-700 dark:text-rose-300">
      {problems.map((p, i) => (
        <li key={i}>
          {fieldMessage(p)} <span className="font-mono text-[10px] opacity-70">{p.code}</span>
        </li>
      ))}
    </ul>
  );
}

interface FieldRowProps {
  id: string;
  label: string;
  description?: string | undefined;
  /** Shown as "default: …" when the key may be left out. */
  defaultValue?: unknown;
  required?: boolean;
  problems: readonly Problem[];
  children: ReactNode;
  /** Put the label after the control (checkboxes). */
  inline?: boolean;
  /** Inside a list row: the help line moves into the label's tooltip. */
  compact?: boolean;
  /** The label is for screen readers only (single values in a list). */
  hideLabel?: boolean;
}

/** A label, the control, a help line and the control's errors. */
export function FieldRow({ id, label, description, defaultValue, required, problems, children, inline, compact, hideLabel }: FieldRowProps) {
  const hint = [description, defaultValue !== undefined && typeof defaultValue !== 'object' ? `Default: ${String(defaultValue)}.` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div>
      {inline ? (
        <div className="flex items-center gap-2">
          {children}
          <label htmlFor={id} className="text-sm font-medium text-slate-700 dark:text-slate-200">
            {label}
          </label>
        </div>
      ) : (
        <>
          <label htmlFor={id} title={compact ? hint : undefined} className={hideLabel ? 'sr-only' : 'mb-1 block text-xs font-medium text-slate-700 dark:text-slate-300'}>
            {label}
            {required && <span className="text-rose-600" aria-hidden="true"> *</span>}
          </label>
          {children}
        </>
      )}
      {hint && !compact && <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{hint}</p>}
      <FieldErrors id={`${id}-errors`} problems={problems} />
    </div>
  );
}
