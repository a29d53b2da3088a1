import type { Problem } from '@weir/model';
import { Button } from '../../../ui/button';
import { PlusIcon, TrashIcon } from '../../../ui/icons';
import { FieldControl } from './field-control';
import { FieldErrors } from './field-row';
import { useFormContext } from './form-context';
import { initialValue, isOptional, type FormField } from './form-model';
import type { ValuePath } from './value-path';

const ITEM_NAMES: Record<string, string> = {
  aggregates: 'aggregate',
  select: 'field',
  schema: 'field',
  on: 'key pair',
  keyBy: 'group-by field',
  key: 'key field',
  primaryKey: 'key field',
};

/**
 * A list: rows of objects (aggregates, select, schema fields, join keys) or of single
 * values (group-by fields), each with a remove button, and a button to add one.
 */
export function ListControl({
  id,
  field,
  value,
  path,
  label,
  optional,
  problems,
}: {
  id: string;
  field: FormField & { kind: 'list' };
  value: unknown;
  path: ValuePath;
  label: string;
  optional: boolean;
  problems: readonly Problem[];
}) {
  const form = useFormContext();
  const items = Array.isArray(value) ? value : [];
  const key = String(path[path.length - 1] ?? '');
  const itemName = ITEM_NAMES[key] ?? 'item';
  const item = field.item;
  const set = (next: unknown[]) => form.onChange(path, next.length === 0 && optional ? undefined : next);

  return (
    <fieldset id={id} className="min-w-0">
      <legend className="mb-1 text-xs font-medium text-slate-700 dark:text-slate-300">{label}</legend>
      {field.description && <p className="mb-1.5 text-xs text-slate-500 dark:text-slate-400">{field.description}</p>}
      {items.length === 0 && <p className="mb-1.5 text-xs text-slate-500 italic dark:text-slate-400">None yet.</p>}
      <ol className="space-y-2">
        {items.map((entry, i) => (
          <li key={i} className="flex items-start gap-1.5">
            <div className={`min-w-0 flex-1 ${item.kind === 'object' ? 'rounded-md border border-slate-200 bg-slate-50/60 p-2 dark:border-slate-700 dark:bg-slate-800/30' : ''}`}>
              {item.kind === 'object' ? (
                <div className="grid grid-cols-2 gap-2">
                  {item.properties.map((p) => (
                    <div key={p.key} className={p.field.kind === 'text' && p.field.format === 'expression' ? 'col-span-2' : ''}>
                      <FieldControl
                        field={p.field}
                        value={(entry as Record<string, unknown> | null)?.[p.key]}
                        path={[...path, i, p.key]}
                        label={p.label}
                        required={p.required}
                        optional={isOptional(p)}
                        compact
                      />
                    </div>
                  ))}
                </div>
              ) : (
                <FieldControl field={item} value={entry} path={[...path, i]} label={`${label}: ${itemName} ${i + 1}`} compact hideLabel />
              )}
            </div>
            <Button
              variant="ghost"
              size="icon-sm"
              className={item.kind === 'object' ? 'mt-1' : ''}
              onClick={() => set(items.filter((_, j) => j !== i))}
              aria-label={`Remove ${itemName} ${i + 1}`}
              title={`Remove ${itemName} ${i + 1}`}
            >
              <TrashIcon className="h-4 w-4" />
            </Button>
          </li>
        ))}
      </ol>
      <Button size="sm" variant="ghost" className="mt-1.5 -ml-2 text-cyan-700 dark:text-cyan-400" onClick={() => set([...items, initialValue(item)])}>
        <PlusIcon className="h-4 w-4" />
        Add {itemName}
      </Button>
      <FieldErrors id={`${id}-errors`} problems={problems} />
    </fieldset>
  );
}
