import { z } from 'zod';

/** The value types of pipeline-format.md. Every field may be null. */
export const FIELD_TYPES = ['string', 'int', 'bigint', 'double', 'boolean', 'timestamp'] as const;
export const FieldTypeSchema = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof FieldTypeSchema>;

export const FieldSchema = z.object({
  name: z.string().min(1),
  type: FieldTypeSchema,
});
export type Field = z.infer<typeof FieldSchema>;

/** An ordered list of fields: a source's declared schema, or a node's derived output. */
export const RecordSchemaSchema = z.array(FieldSchema);
export type RecordSchema = z.infer<typeof RecordSchemaSchema>;

/**
 * A record at run time: a plain object keyed by field name. Values are
 * string | number | boolean | null; `timestamp` values are epoch milliseconds (number),
 * `int`, `bigint` and `double` are JavaScript numbers.
 */
export type Row = Record<string, unknown>;
