import type { Problem } from '@weir/model';
import type { FormField } from './form-model';
import { INPUT } from './field-row';

interface ScalarProps<F extends FormField> {
  id: string;
  field: F;
  value: unknown;
  /** The key may be left out: clearing the control removes it. */
  optional: boolean;
  problems: readonly Problem[];
  suggestions?: readonly string[];
  label: string;
  onChange(value: unknown): void;
}

function a11y(id: string, problems: readonly Problem[]) {
  return problems.length > 0 ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-errors` } : {};
}

export function TextControl({ id, field, value, optional, problems, suggestions = [], onChange }: ScalarProps<FormField & { kind: 'text' }>) {
  const listId = suggestions.length > 0 ? `${id}-options` : undefined;
  return (
    <>
      <input
        id={id}
        type="text"
        value={typeof value === 'string' ? value : value === undefined ? '' : String(value)}
        placeholder={field.placeholder}
        list={listId}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onChange(optional && e.target.value === '' ? undefined : e.target.value)}
        className={`${INPUT} ${field.format === 'duration' || field.format === 'date-time' ? 'font-mono' : ''}`}
        {...a11y(id, problems)}
      />
      {listId && (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </>
  );
}

export function NumberControl({ id, field, value, problems, onChange }: ScalarProps<FormField & { kind: 'number' }>) {
  return (
    <input
      id={id}
      type="number"
      value={typeof value === 'number' ? value : ''}
      min={field.min}
      max={field.max}
      step={field.integer ? 1 : 'any'}
      placeholder={field.default !== undefined ? String(field.default) : undefined}
      onChange={(e) => {
        const raw = e.target.value;
        onChange(raw === '' ? undefined : Number(raw));
      }}
      className={`${INPUT} tabular-nums`}
      {...a11y(id, problems)}
    />
  );
}

export function EnumControl({ id, field, value, optional, problems, onChange }: ScalarProps<FormField & { kind: 'enum' }>) {
  const current = typeof value === 'string' ? value : field.default !== undefined ? String(field.default) : '';
  const known = field.options.includes(current);
  return (
    <select id={id} value={current} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} className={INPUT} {...a11y(id, problems)}>
      {(optional || current === '') && <option value="">{optional ? '(none)' : 'Choose…'}</option>}
      {!known && current !== '' && <option value={current}>{current} (unknown)</option>}
      {field.options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}

export function BooleanControl({ id, field, value, problems, onChange }: ScalarProps<FormField & { kind: 'boolean' }>) {
  const checked = typeof value === 'boolean' ? value : field.default === true;
  return (
    <input
      id={id}
      type="checkbox"
      checked={checked}
      onChange={(e) => onChange(e.target.checked)}
      className="h-4 w-4 rounded border-slate-300 accent-cyan-700 focus-visible:outline-2 focus-visible:outline-cyan-600"
      {...a11y(id, problems)}
    />
  );
}

export function ConstControl({ id, field }: ScalarProps<FormField & { kind: 'const' }>) {
  return <input id={id} type="text" readOnly value={String(field.value)} className={`${INPUT} bg-slate-50 text-slate-500 dark:bg-slate-900`} />;
}
