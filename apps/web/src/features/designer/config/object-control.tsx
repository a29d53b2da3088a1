import type { Problem } from '@weir/model';
import { FieldErrors, INPUT } from './field-row';
import { PropertyControls } from './field-control';
import { useFormContext } from './form-context';
import { chosenOption, initialValue, type FormField, type ObjectField } from './form-model';
import type { ValuePath } from './value-path';

interface GroupProps<F> {
  id: string;
  field: F;
  value: unknown;
  path: ValuePath;
  label: string;
  optional: boolean;
  problems: readonly Problem[];
}

/** A nested object (eventTime, within): its fields in a group; an optional one is switched on and off. */
export function ObjectControl({ id, field, value, path, label, optional, problems }: GroupProps<ObjectField>) {
  const form = useFormContext();
  const present = value !== undefined && value !== null;
  return (
    <fieldset id={optional ? undefined : id} className="rounded-md border border-slate-200 px-3 pt-1 pb-3 dark:border-slate-700">
      <legend className="px-1 text-xs font-medium text-slate-700 dark:text-slate-300">
        {optional ? (
          <label className="flex items-center gap-2">
            <input
              id={id}
              type="checkbox"
              checked={present}
              onChange={(e) => form.onChange(path, e.target.checked ? initialValue(field) : undefined)}
              className="h-3.5 w-3.5 accent-cyan-700"
            />
            {label}
          </label>
        ) : (
          label
        )}
      </legend>
      {field.description && <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">{field.description}</p>}
      {present || !optional ? <PropertyControls properties={field.properties} value={value} path={path} /> : <p className="text-xs text-slate-500 dark:text-slate-400">Not set.</p>}
      <FieldErrors id={`${id}-errors`} problems={problems} />
    </fieldset>
  );
}

/** A union (startFrom, bounded): a select of the literal options and the object options, whose fields then show. */
export function ChoiceControl({ id, field, value, path, label, optional, problems }: GroupProps<FormField & { kind: 'choice' }>) {
  const form = useFormContext();
  const effective = value === undefined ? field.default : value;
  const index = effective === undefined ? -1 : chosenOption(field, effective);
  const option = index >= 0 ? field.options[index] : undefined;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <select
        id={id}
        value={index}
        onChange={(e) => {
          const chosen = field.options[Number(e.target.value)];
          form.onChange(path, chosen === undefined ? undefined : chosen.object ? initialValue(chosen.object) : chosen.value);
        }}
        aria-invalid={problems.length > 0 ? true : undefined}
        aria-describedby={problems.length > 0 ? `${id}-errors` : undefined}
        className={INPUT}
      >
        {(optional || index < 0) && <option value={-1}>{optional ? '(none)' : 'Choose…'}</option>}
        {field.options.map((o, i) => (
          <option key={i} value={i}>
            {o.label}
          </option>
        ))}
      </select>
      {field.description && <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{field.description}</p>}
      {option?.object && (
        <div className="mt-2 border-l-2 border-slate-200 pl-3 dark:border-slate-700">
          <PropertyControls properties={option.object.properties} value={value} path={path} />
        </div>
      )}
      <FieldErrors id={`${id}-errors`} problems={problems} />
    </div>
  );
}
