/**
 * Config forms are generated from each kind's JSON Schema (the model derives it from the
 * kind's zod schema). This turns a JSON Schema into a small tree of form fields; the
 * components render that tree, so adding a kind or a config key needs no form code.
 */
type JsonSchema = Record<string, unknown>;

export type TextFormat = 'plain' | 'expression' | 'duration' | 'date-time';

interface FieldBase {
  description?: string;
  /** The default the schema applies when the key is absent. */
  default?: unknown;
  placeholder?: string;
}

export interface ChoiceOption {
  label: string;
  /** A literal option (`'earliest'`), or an object option whose fields are then shown (`{ timestamp }`). */
  value?: unknown;
  object?: ObjectField;
}

export type FormField =
  | (FieldBase & { kind: 'text'; format: TextFormat; pattern?: string; minLength?: number })
  | (FieldBase & { kind: 'number'; integer: boolean; min?: number; max?: number })
  | (FieldBase & { kind: 'enum'; options: readonly string[] })
  | (FieldBase & { kind: 'const'; value: unknown })
  | (FieldBase & { kind: 'boolean' })
  | ObjectField
  | (FieldBase & { kind: 'list'; item: FormField })
  | (FieldBase & { kind: 'choice'; options: readonly ChoiceOption[] })
  | (FieldBase & { kind: 'unknown' });

export interface ObjectField extends FieldBase {
  kind: 'object';
  properties: readonly FormProperty[];
}

export interface FormProperty {
  key: string;
  label: string;
  required: boolean;
  field: FormField;
}

/** Absent and without a default: the form may leave the key out entirely. */
export function isOptional(property: FormProperty): boolean {
  return !property.required && property.field.default === undefined;
}

const LABELS: Record<string, string> = {
  as: 'Name',
  fn: 'Function',
  expr: 'Expression',
  keyBy: 'Group by',
  keepInput: 'Keep input fields',
  maxOutOfOrderness: 'Max out-of-orderness',
  startFrom: 'Start from',
  eventTime: 'Event time',
  idleTimeout: 'Idle timeout',
  primaryKey: 'Primary key',
  on: 'Join on',
  within: 'Within',
  schema: 'Fields',
  select: 'Fields',
  where: 'Condition',
  key: 'Key fields',
};

/** `maxOutOfOrderness` → "Max out of orderness", with a few names people know better. */
export function labelFor(key: string): string {
  const known = LABELS[key];
  if (known) return known;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function base(schema: JsonSchema): FieldBase {
  const out: FieldBase = {};
  if (typeof schema.description === 'string') out.description = schema.description;
  if ('default' in schema) out.default = schema.default;
  const examples = schema.examples;
  if (Array.isArray(examples) && examples.length > 0) out.placeholder = `e.g. ${String(examples[0])}`;
  return out;
}

function textFormat(format: unknown): TextFormat {
  return format === 'expression' || format === 'duration' || format === 'date-time' ? format : 'plain';
}

function choiceOptions(variants: readonly JsonSchema[]): ChoiceOption[] {
  const options: ChoiceOption[] = [];
  for (const variant of variants) {
    if (Array.isArray(variant.enum)) {
      for (const value of variant.enum) options.push({ label: String(value), value });
    } else if ('const' in variant) {
      options.push({ label: String(variant.const), value: variant.const });
    } else {
      const field = toFormField(variant);
      if (field.kind === 'object') {
        const keys = field.properties.filter((p) => p.required).map((p) => p.label.toLowerCase());
        options.push({ label: keys.length > 0 ? `At a ${keys.join(' and ')}…` : 'Custom…', object: field });
      }
    }
  }
  return options;
}

export function toFormField(schema: JsonSchema): FormField {
  const common = base(schema);
  const anyOf = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(anyOf)) return { ...common, kind: 'choice', options: choiceOptions(anyOf as JsonSchema[]) };
  if ('const' in schema) return { ...common, kind: 'const', value: schema.const };
  if (Array.isArray(schema.enum)) return { ...common, kind: 'enum', options: schema.enum.map(String) };
  switch (schema.type) {
    case 'string': {
      const field: FormField = { ...common, kind: 'text', format: textFormat(schema.format) };
      if (typeof schema.pattern === 'string') field.pattern = schema.pattern;
      if (typeof schema.minLength === 'number') field.minLength = schema.minLength;
      if (field.format === 'date-time' && !field.placeholder) field.placeholder = 'e.g. 2026-01-01T00:00:00Z';
      return field;
    }
    case 'integer':
    case 'number': {
      const field: FormField = { ...common, kind: 'number', integer: schema.type === 'integer' };
      if (typeof schema.minimum === 'number') field.min = schema.minimum;
      if (typeof schema.maximum === 'number') field.max = schema.maximum;
      return field;
    }
    case 'boolean':
      return { ...common, kind: 'boolean' };
    case 'array':
      return { ...common, kind: 'list', item: toFormField((schema.items ?? {}) as JsonSchema) };
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
      return {
        ...common,
        kind: 'object',
        properties: Object.entries(properties).map(([key, child]) => ({ key, label: labelFor(key), required: required.has(key), field: toFormField(child) })),
      };
    }
    default:
      return { ...common, kind: 'unknown' };
  }
}

/** The value a new row or a newly chosen option starts with: defaults where known, required keys filled. */
export function initialValue(field: FormField): unknown {
  if (field.default !== undefined) return structuredClone(field.default);
  switch (field.kind) {
    case 'text':
      return '';
    case 'number':
      return field.min ?? 0;
    case 'enum':
      return field.options[0] ?? '';
    case 'const':
      return field.value;
    case 'boolean':
      return false;
    case 'list':
      return [];
    case 'choice': {
      const first = field.options[0];
      return first?.object ? initialValue(first.object) : first?.value;
    }
    case 'object':
      return Object.fromEntries(field.properties.filter((p) => p.required).map((p) => [p.key, initialValue(p.field)]));
    default:
      return undefined;
  }
}

/** Which option of a choice a value is: the literal it equals, or the first object option for an object. */
export function chosenOption(field: FormField & { kind: 'choice' }, value: unknown): number {
  if (value !== null && typeof value === 'object') return field.options.findIndex((o) => o.object !== undefined);
  return field.options.findIndex((o) => o.object === undefined && o.value === value);
}
