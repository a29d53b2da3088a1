import { z } from 'zod';
import { FieldTypeSchema, type FieldType } from '@weir/model/field';

/**
 * Parameters of the embedded operators, as the compiled embedded plan carries them.
 * Plain JSON: durations are milliseconds, field types are resolved, and compiled
 * expressions and clocks are passed to the constructors separately.
 */

export const AGGREGATE_FNS = ['count', 'sum', 'avg', 'min', 'max', 'count_distinct', 'first', 'last'] as const;
export const AggregateFnSchema = z.enum(AGGREGATE_FNS);
export type AggregateFn = z.infer<typeof AggregateFnSchema>;

const NUMERIC_TYPES: ReadonlySet<FieldType> = new Set<FieldType>(['int', 'bigint', 'double']);

/**
 * One aggregate. `count` without `field` counts rows; with a field (not expressible in a
 * v1 document) it counts non-null values, as SQL COUNT(x). Every other function needs
 * `field` and its `inputType`, which fixes the result type and the accumulator layout.
 */
export const AggregateSpecSchema = z
  .object({
    fn: AggregateFnSchema,
    field: z.string().min(1).optional(),
    as: z.string().min(1),
    inputType: FieldTypeSchema.optional(),
  })
  .superRefine((a, ctx) => {
    if (a.fn === 'count') return;
    if (a.field === undefined) ctx.addIssue({ code: 'custom', path: ['field'], message: `${a.fn} needs a field` });
    if (a.inputType === undefined) {
      ctx.addIssue({ code: 'custom', path: ['inputType'], message: `${a.fn} needs the input field's type` });
    } else if ((a.fn === 'sum' || a.fn === 'avg') && !NUMERIC_TYPES.has(a.inputType)) {
      ctx.addIssue({ code: 'custom', path: ['inputType'], message: `${a.fn} needs int, bigint or double, not ${a.inputType}` });
    }
  });
export type AggregateSpec = z.infer<typeof AggregateSpecSchema>;

/** The type of an aggregate's result, per pipeline-format.md (Windows). */
export function aggregateResultType(fn: AggregateFn, inputType: FieldType | undefined): FieldType {
  switch (fn) {
    case 'count':
    case 'count_distinct':
      return 'bigint';
    case 'sum':
      return inputType === 'double' ? 'double' : 'bigint';
    case 'avg':
      return 'double';
    default:
      if (inputType === undefined) throw new Error(`${fn} needs an input type`);
      return inputType;
  }
}

const Ms = z.number().int().positive();
const FieldName = z.string().min(1);

const windowBase = {
  keyBy: z.array(FieldName),
  aggregates: z.array(AggregateSpecSchema),
  /** The event time field; null means the constructor is given a time function (e.g. processing time). */
  timeField: FieldName.nullable(),
};

function uniqueOutputNames(p: { keyBy: string[]; aggregates: AggregateSpec[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  const names = [...p.keyBy, 'window_start', 'window_end', ...p.aggregates.map((a) => a.as)];
  names.forEach((name, i) => {
    if (seen.has(name)) {
      const path = i < p.keyBy.length ? ['keyBy', i] : ['aggregates', i - p.keyBy.length - 2, 'as'];
      ctx.addIssue({ code: 'custom', path, message: `output field ${name} appears twice` });
    }
    seen.add(name);
  });
}

export const TumblingWindowParamsSchema = z.object({ ...windowBase, sizeMs: Ms }).superRefine(uniqueOutputNames);
export type TumblingWindowParams = z.infer<typeof TumblingWindowParamsSchema>;

export const SlidingWindowParamsSchema = z
  .object({ ...windowBase, sizeMs: Ms, slideMs: Ms })
  .superRefine((p, ctx) => {
    if (p.sizeMs % p.slideMs !== 0) {
      ctx.addIssue({ code: 'custom', path: ['slideMs'], message: `size ${p.sizeMs} ms is not a multiple of slide ${p.slideMs} ms` });
    }
    uniqueOutputNames(p, ctx);
  });
export type SlidingWindowParams = z.infer<typeof SlidingWindowParamsSchema>;

export const SessionWindowParamsSchema = z.object({ ...windowBase, gapMs: Ms }).superRefine(uniqueOutputNames);
export type SessionWindowParams = z.infer<typeof SessionWindowParamsSchema>;

/** `slide` defaults to `size` (tumbling count windows). */
export const CountWindowParamsSchema = z
  .object({ ...windowBase, size: z.number().int().positive(), slide: z.number().int().positive().optional() })
  .superRefine(uniqueOutputNames);
export type CountWindowParams = z.input<typeof CountWindowParamsSchema>;

/** Where an input field lands in the output row. */
export const FieldMappingSchema = z.object({ from: FieldName, as: FieldName });
export type FieldMapping = z.infer<typeof FieldMappingSchema>;

/**
 * `output` is computed from the input schemas by joinOutputMapping (join-fields.ts):
 * all left fields, then all right fields, a taken right name suffixed `_right`.
 */
export const IntervalJoinParamsSchema = z
  .object({
    on: z.array(z.object({ left: FieldName, right: FieldName })),
    lowerMs: z.number().int(),
    upperMs: z.number().int(),
    leftTimeField: FieldName,
    rightTimeField: FieldName,
    output: z.object({ left: z.array(FieldMappingSchema), right: z.array(FieldMappingSchema) }),
  })
  .superRefine((p, ctx) => {
    if (p.lowerMs > p.upperMs) {
      ctx.addIssue({ code: 'custom', path: ['lowerMs'], message: `lower bound ${p.lowerMs} ms is above upper bound ${p.upperMs} ms` });
    }
    const seen = new Set<string>();
    [...p.output.left, ...p.output.right].forEach((m, i) => {
      if (seen.has(m.as)) {
        const path = i < p.output.left.length ? ['output', 'left', i, 'as'] : ['output', 'right', i - p.output.left.length, 'as'];
        ctx.addIssue({ code: 'custom', path, message: `output field ${m.as} appears twice` });
      }
      seen.add(m.as);
    });
  });
export type IntervalJoinParams = z.infer<typeof IntervalJoinParamsSchema>;

/**
 * `select` names the output fields; the constructor receives one compiled expression per
 * name, in the same order. `inputFields` (the input schema's names) are copied first when
 * `keepInput` is set.
 */
export const MapParamsSchema = z.object({
  keepInput: z.boolean(),
  inputFields: z.array(FieldName),
  select: z.array(FieldName),
});
export type MapParams = z.infer<typeof MapParamsSchema>;
