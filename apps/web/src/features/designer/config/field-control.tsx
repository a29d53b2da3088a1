import type { FormField, FormProperty } from './form-model';
import { isOptional } from './form-model';
import { controlId, useFormContext } from './form-context';
import { ExpressionInput } from './expression-input';
import { FieldRow } from './field-row';
import { ListControl } from './list-control';
import { ChoiceControl, ObjectControl } from './object-control';
import { BooleanControl, ConstControl, EnumControl, NumberControl, TextControl } from './scalar-controls';
import type { ValuePath } from './value-path';

interface FieldControlProps {
  field: FormField;
  value: unknown;
  path: ValuePath;
  label: string;
  required?: boolean;
  optional?: boolean;
  compact?: boolean;
  hideLabel?: boolean;
}

/** One config value with its label and errors, whatever its kind. */
export function FieldControl({ field, value, path, label, required = false, optional = false, compact = false, hideLabel = false }: FieldControlProps) {
  const form = useFormContext();
  const id = controlId(form.idPrefix, path);
  const problems = form.problemsAt(path);
  const onChange = (next: unknown) => form.onChange(path, next);
  const row = (control: React.ReactNode, inline = false) => (
    <FieldRow
      id={id}
      label={label}
      description={field.description}
      defaultValue={field.default}
      required={required}
      problems={problems}
      inline={inline}
      compact={compact}
      hideLabel={hideLabel}
    >
      {control}
    </FieldRow>
  );
  const scalar = { id, value, optional, problems, label, onChange };
  switch (field.kind) {
    case 'text':
      if (field.format === 'expression') return row(<ExpressionInput id={id} value={value} problems={problems} placeholder={field.placeholder} onChange={onChange} />);
      return row(<TextControl {...scalar} field={field} suggestions={form.suggestionsFor(path)} />);
    case 'number':
      return row(<NumberControl {...scalar} field={field} />);
    case 'enum':
      return row(<EnumControl {...scalar} field={field} />);
    case 'boolean':
      return row(<BooleanControl {...scalar} field={field} />, true);
    case 'const':
      return row(<ConstControl {...scalar} field={field} />);
    case 'object':
      return <ObjectControl id={id} field={field} value={value} path={path} label={label} optional={optional} problems={problems} />;
    case 'list':
      return <ListControl id={id} field={field} value={value} path={path} label={label} optional={optional} problems={problems} />;
    case 'choice':
      return <ChoiceControl id={id} field={field} value={value} path={path} label={label} optional={optional} problems={problems} />;
    default:
      return row(<p className="text-xs text-slate-500">This value cannot be edited here; edit it in the exported JSON.</p>);
  }
}

/** The controls of an object's properties, in schema order. */
export function PropertyControls({ properties, value, path }: { properties: readonly FormProperty[]; value: unknown; path: ValuePath }) {
  const object = (value !== null && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return (
    <div className="space-y-3">
      {properties.map((p) => (
        <FieldControl key={p.key} field={p.field} value={object[p.key]} path={[...path, p.key]} label={p.label} required={p.required} optional={isOptional(p)} />
      ))}
    </div>
  );
}
