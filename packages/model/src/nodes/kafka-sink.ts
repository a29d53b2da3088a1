import { z } from 'zod';
import { ConnectionNameSchema, FieldListSchema, KafkaTopicSchema } from '../names';
import { defineNodeKind } from '../node-kind';
import { addProblem } from '../zod-problems';
import { requireFields } from './fields';

export const KafkaSinkConfigSchema = z
  .strictObject({
    topic: KafkaTopicSchema,
    format: z.literal('json').default('json'),
    key: FieldListSchema.optional()
      .describe('Key fields: one field is written as its value as a string, several as a JSON object; absent, no key.'),
    cluster: ConnectionNameSchema.default('default').describe('The configured Kafka connection to write to.'),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.key?.forEach((name, i) => {
      if (seen.has(name)) addProblem(ctx, 'DUPLICATE_FIELD', `key field '${name}' appears more than once`, ['key', i]);
      seen.add(name);
    });
  });
export type KafkaSinkConfig = z.output<typeof KafkaSinkConfigSchema>;

export const kafkaSinkKind = defineNodeKind({
  kind: 'kafka-sink',
  label: 'Kafka sink',
  category: 'sink',
  icon: 'send',
  help: 'Writes each row to a Kafka topic as JSON, optionally keyed by some of its fields.',
  inputs: 'one',
  outputs: 'none',
  configSchema: KafkaSinkConfigSchema,
  defaultConfig: (): z.input<typeof KafkaSinkConfigSchema> => ({ topic: '', format: 'json' }),
  outputSchema: (config, inputs) => ({
    schema: [],
    eventTime: null,
    problems: requireFields(config.key ?? [], inputs[0]?.schema ?? [], 'key', 'key field'),
  }),
});
