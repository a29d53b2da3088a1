import { z } from 'zod';
import { durationSchema } from '../duration';
import { FieldTypeSchema, type RecordSchema } from '../field';
import { ConnectionNameSchema, FieldNameSchema, KafkaTopicSchema } from '../names';
import { defineNodeKind } from '../node-kind';
import { IsoTimestampSchema } from '../timestamp';
import { addProblem } from '../zod-problems';
import { hintFor } from './fields';

/** A declared field; strict so that `{ "name": "ts", "typ": "timestamp" }` is reported. */
export const DeclaredFieldSchema = z.strictObject({ name: FieldNameSchema, type: FieldTypeSchema });

export const SOURCE_FORMATS = ['json', 'csv', 'text'] as const;
/** The one field of a `text` source when no schema names it. */
export const TEXT_LINE_FIELD = 'line';

export const StartFromSchema = z.union(
  [z.enum(['committed', 'earliest', 'latest']), z.strictObject({ timestamp: IsoTimestampSchema })],
  { error: "must be 'committed', 'earliest', 'latest' or { \"timestamp\": \"<ISO-8601>\" }" },
);

export const EventTimeSchema = z.strictObject({
  field: FieldNameSchema,
  maxOutOfOrderness: durationSchema({ allowZero: true }, 'How late a record may be before the watermark passes it.').default('0s'),
  idleTimeout: durationSchema({}, 'A partition silent this long stops holding the watermark back.').optional(),
});

export const BoundedSchema = z.union(
  [z.literal('latest'), z.strictObject({ timestamp: IsoTimestampSchema })],
  { error: "must be 'latest' or { \"timestamp\": \"<ISO-8601>\" }" },
);

export const KafkaSourceConfigSchema = z
  .strictObject({
    topic: KafkaTopicSchema,
    format: z.enum(SOURCE_FORMATS).default('json'),
    schema: z.array(DeclaredFieldSchema).optional(),
    startFrom: StartFromSchema.default('committed'),
    eventTime: EventTimeSchema.optional(),
    bounded: BoundedSchema.optional(),
    cluster: ConnectionNameSchema.default('default'),
  })
  .superRefine((config, ctx) => {
    const declared = config.schema ?? [];
    if (config.format !== 'text' && declared.length === 0) {
      addProblem(ctx, 'BAD_CONFIG', `schema is required for format ${config.format}: list the fields as { "name", "type" }`, ['schema']);
    }
    // Like Flink's `raw` format: a text source has exactly one string column.
    if (config.format === 'text' && config.schema !== undefined && !(declared.length === 1 && declared[0]?.type === 'string')) {
      addProblem(ctx, 'BAD_CONFIG', `format text yields one string field ('${TEXT_LINE_FIELD}'); remove schema or declare exactly one string field`, ['schema']);
    }
    const seen = new Set<string>();
    declared.forEach((field, i) => {
      if (seen.has(field.name)) addProblem(ctx, 'DUPLICATE_FIELD', `field '${field.name}' is declared more than once`, ['schema', i, 'name']);
      seen.add(field.name);
    });
    if (config.eventTime) {
      const fields = sourceFields(config);
      const name = config.eventTime.field;
      const field = fields.find((f) => f.name === name);
      if (!field) {
        addProblem(ctx, 'UNKNOWN_FIELD', `eventTime field '${name}' is not in the schema${hintFor(name, fields)}`, ['eventTime', 'field']);
      } else if (field.type !== 'timestamp') {
        addProblem(ctx, 'TYPE_MISMATCH', `eventTime field '${name}' is ${field.type}; it must be a timestamp`, ['eventTime', 'field']);
      }
    }
  });
export type KafkaSourceConfig = z.output<typeof KafkaSourceConfigSchema>;

/** The fields a source emits: its declared schema, or the single string field of `text`. */
export function sourceFields(config: Pick<KafkaSourceConfig, 'format' | 'schema'>): RecordSchema {
  if (config.format === 'text') {
    const declared = config.schema?.[0];
    return [{ name: declared?.name ?? TEXT_LINE_FIELD, type: 'string' }];
  }
  return (config.schema ?? []).map((f) => ({ name: f.name, type: f.type }));
}

export const kafkaSourceKind = defineNodeKind({
  kind: 'kafka-source',
  label: 'Kafka source',
  category: 'source',
  icon: 'radio-tower',
  help: 'Reads records from a Kafka topic as JSON, CSV or text lines. Set eventTime to use event time and watermarks.',
  inputs: 'none',
  outputs: 'one',
  configSchema: KafkaSourceConfigSchema,
  defaultConfig: (): z.input<typeof KafkaSourceConfigSchema> => ({ topic: '', format: 'json', schema: [], startFrom: 'committed' }),
  outputSchema: (config) => ({ schema: sourceFields(config), eventTime: config.eventTime?.field ?? null, problems: [] }),
});
