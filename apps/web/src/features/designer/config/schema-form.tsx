import { useMemo } from 'react';
import type { Problem } from '@weir/model';
import { PropertyControls } from './field-control';
import { FormContext, type FormContextValue } from './form-context';
import type { ObjectField } from './form-model';
import { pathKey, setAt, type ValuePath } from './value-path';

interface SchemaFormProps {
  /** Unique per node, for element ids. */
  idPrefix: string;
  form: ObjectField;
  value: unknown;
  problems: readonly Problem[];
  suggestionsFor(path: ValuePath): readonly string[];
  /** The whole new value, and the path that changed (edits of one path make one undo step). */
  onChange(next: unknown, changedPath: string): void;
}

/** A config form generated from a kind's JSON Schema, with each problem on its field. */
export function SchemaForm({ idPrefix, form, value, problems, suggestionsFor, onChange }: SchemaFormProps) {
  const context = useMemo<FormContextValue>(() => {
    const byField = new Map<string, Problem[]>();
    for (const p of problems) {
      if (p.field === undefined) continue;
      const list = byField.get(p.field);
      if (list) list.push(p);
      else byField.set(p.field, [p]);
    }
    return {
      idPrefix,
      problemsAt: (path) => byField.get(pathKey(path)) ?? [],
      suggestionsFor,
      onChange: (path, next) => onChange(setAt(value ?? {}, path, next), pathKey(path)),
    };
  }, [idPrefix, problems, suggestionsFor, onChange, value]);
  if (form.properties.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">This kind has nothing to configure.</p>;
  return (
    <FormContext.Provider value={context}>
      <PropertyControls properties={form.properties} value={value} path={[]} />
    </FormContext.Provider>
  );
}
