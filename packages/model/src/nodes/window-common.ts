import { z } from 'zod';
import { DURATION_UNITS, formatDuration, parseDuration } from '../duration';
import type { FieldType, RecordSchema } from '../field';
import { FieldListSchema, FieldNameSchema } from '../names';
import type { Derivation, NodeInput } from '../node-kind';
import type { Problem } from '../problem';
import { addProblem } from '../zod-problems';
import { findField, hintFor, isNumeric, problem, requireFields } from './fields';

/** What all four window kinds share: keys, aggregates and the shape of their output. */

export const AGGREGATE_FUNCTIONS = ['count', 'sum', 'avg', 'min', 'max', 'count_distinct', 'first', 'last'] as const;
export type AggregateFunction = (typeof AGGREGATE_FUNCTIONS)[number];

export const WINDOW_START = 'window_start';
export const WINDOW_END = 'window_end';

export const AggregateSchema = z
  .strictObject({
    fn: z.enum(AGGREGATE_FUNCTIONS),
    field: FieldNameSchema.optional(),
    as: FieldNameSchema.describe('Name of the result field.'),
  })
  .superRefine((aggregate, ctx) => {
    if (aggregate.fn === 'count' && aggregate.field !== undefined) {
      addProblem(ctx, 'BAD_CONFIG', 'count counts rows and takes no field; remove field, or use count_distinct', ['field']);
    }
    if (aggregate.fn !== 'count' && aggregate.field === undefined) {
      addProblem(ctx, 'BAD_CONFIG', `${aggregate.fn} needs a field to aggregate`, ['field']);
    }
  });
export type Aggregate = z.output<typeof AggregateSchema>;

export const windowShape = {
  keyBy: FieldListSchema.default([]).describe('Fields to group by; empty means one global window.'),
  aggregates: z.array(AggregateSchema).default([]),
};

interface WindowNames {
  keyBy: readonly string[];
  aggregates: readonly Aggregate[];
}

/** DUPLICATE_FIELD where two output fields of a window would have the same name. */
export function checkWindowNames(config: WindowNames, ctx: z.core.$RefinementCtx): void {
  const taken = new Map<string, string>([[WINDOW_START, 'the window bounds'], [WINDOW_END, 'the window bounds']]);
  config.keyBy.forEach((key, i) => {
    const owner = taken.get(key);
    if (owner) addProblem(ctx, 'DUPLICATE_FIELD', `keyBy field '${key}' clashes with ${owner} in the output`, ['keyBy', i]);
    else taken.set(key, `keyBy field '${key}'`);
  });
  config.aggregates.forEach((aggregate, i) => {
    const owner = taken.get(aggregate.as);
    if (owner) addProblem(ctx, 'DUPLICATE_FIELD', `aggregate name '${aggregate.as}' clashes with ${owner}; choose another 'as'`, ['aggregates', i, 'as']);
    else taken.set(aggregate.as, `aggregate '${aggregate.as}'`);
  });
}

/** Result types of pipeline-format.md; null where the function does not apply to the type. */
export function aggregateType(fn: AggregateFunction, input: FieldType | null): FieldType | null {
  switch (fn) {
    case 'count':
    case 'count_distinct':
      return 'bigint';
    case 'sum':
      if (input === 'int' || input === 'bigint') return 'bigint';
      return input === 'double' ? 'double' : null;
    case 'avg':
      return input !== null && isNumeric(input) ? 'double' : null;
    default:
      return input;
  }
}

export interface WindowDerivationOptions {
  /** Time windows fire on the watermark, so they need event time; count windows do not. */
  requiresEventTime: boolean;
  label: string;
}

/**
 * Output: key fields, `window_start`, `window_end`, then the aggregates. Event time of the
 * result (when the input has it) is carried by `window_end`, so windows can be chained; the
 * record's time is `window_end − 1 ms` (Flink's `window_time`), which puts a window's result
 * inside the window that contains it downstream.
 */
export function deriveWindow(config: WindowNames, input: NodeInput, options: WindowDerivationOptions): Derivation {
  const problems: Problem[] = [];
  if (options.requiresEventTime && input.eventTime === null) {
    problems.push(problem('NO_EVENT_TIME', undefined,
      `a ${options.label} fires when the watermark passes its end, but its input '${input.from}' has no event time; ` +
      'set eventTime on the kafka-source and keep that field (unchanged) through any map'));
  }
  problems.push(...requireFields(config.keyBy, input.schema, 'keyBy', 'keyBy field'));
  const schema: RecordSchema = [];
  for (const key of config.keyBy) {
    const field = findField(input.schema, key);
    if (field) schema.push({ name: key, type: field.type });
  }
  schema.push({ name: WINDOW_START, type: 'timestamp' }, { name: WINDOW_END, type: 'timestamp' });
  config.aggregates.forEach((aggregate, i) => {
    let inputType: FieldType | null = null;
    if (aggregate.field !== undefined) {
      const field = findField(input.schema, aggregate.field);
      if (!field) {
        problems.push(problem('UNKNOWN_FIELD', `aggregates.${i}.field`,
          `aggregate field '${aggregate.field}' is not in the input${hintFor(aggregate.field, input.schema)}`));
        return;
      }
      inputType = field.type;
    }
    const type = aggregateType(aggregate.fn, inputType);
    if (type === null) {
      problems.push(problem('TYPE_MISMATCH', `aggregates.${i}.field`,
        `${aggregate.fn} needs a numeric field (int, bigint or double), but '${aggregate.field}' is ${inputType}`));
      return;
    }
    schema.push({ name: aggregate.as, type });
  });
  return { schema, eventTime: input.eventTime === null ? null : WINDOW_END, problems };
}

/** SLIDE_NOT_DIVISOR unless `size` is a whole multiple of `slide`, with nearby slides that would fit. */
export function checkSlideDivides(size: string, slide: string, ctx: z.core.$RefinementCtx): void {
  const parsedSize = parseDuration(size);
  const parsedSlide = parseDuration(slide);
  if (!parsedSize.ok || !parsedSlide.ok || parsedSize.ms % parsedSlide.ms === 0) return;
  const sizeMs = parsedSize.ms;
  const slideMs = parsedSlide.ms;
  if (slideMs > sizeMs) {
    addProblem(ctx, 'SLIDE_NOT_DIVISOR', `slide '${slide}' is longer than size '${size}'; a sliding window's slide must divide its size`, ['slide']);
    return;
  }
  const suggestions = nearbyDivisors(sizeMs, slideMs).map((ms) => `'${formatDuration(ms)}'`);
  const hint = suggestions.length > 0 ? `; e.g. slide ${suggestions.join(' or ')}` : '';
  addProblem(ctx, 'SLIDE_NOT_DIVISOR', `size '${size}' is not a multiple of slide '${slide}'${hint}`, ['slide']);
}

function nearbyDivisors(sizeMs: number, slideMs: number): number[] {
  const unit = [DURATION_UNITS.d, DURATION_UNITS.h, DURATION_UNITS.m, DURATION_UNITS.s, 1].find((u) => slideMs % u === 0 && sizeMs % u === 0) ?? 1;
  const steps = sizeMs / unit;
  if (steps > 100_000) return [];
  let below: number | undefined;
  let above: number | undefined;
  for (let k = 1; k <= steps; k++) {
    const candidate = k * unit;
    if (sizeMs % candidate !== 0) continue;
    if (candidate < slideMs) below = candidate;
    else if (above === undefined) above = candidate;
  }
  return [below, above].filter((v): v is number => v !== undefined);
}
