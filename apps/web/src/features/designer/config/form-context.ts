import { createContext, useContext } from 'react';
import type { Problem } from '@weir/model';
import type { ValuePath } from './value-path';

/** What every control of one generated form needs besides its own value. */
export interface FormContextValue {
  /** Prefix for element ids, unique per node, so labels and errors point at the right control. */
  idPrefix: string;
  problemsAt(path: ValuePath): readonly Problem[];
  suggestionsFor(path: ValuePath): readonly string[];
  onChange(path: ValuePath, value: unknown): void;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useFormContext(): FormContextValue {
  const value = useContext(FormContext);
  if (!value) throw new Error('form controls must be rendered inside <SchemaForm>');
  return value;
}

/** A DOM id for the control at `path`. */
export function controlId(prefix: string, path: ValuePath): string {
  return `${prefix}-${path.map(String).join('-') || 'root'}`;
}
