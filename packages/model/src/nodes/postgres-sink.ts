import { z } from 'zod';
import { ConnectionNameSchema, FieldListSchema, PG_TABLE_PATTERN } from '../names';
import { defineNodeKind } from '../node-kind';
import { addProblem } from '../zod-problems';
import { requireFields } from './fields';

export const PostgresSinkConfigSchema = z
  .strictObject({
    table: z.string().regex(PG_TABLE_PATTERN, { error: 'a table is an identifier (letters, digits, _), optionally schema.table' }),
    mode: z.enum(['append', 'upsert']).default('append'),
    primaryKey: FieldListSchema.optional().describe('Fields that identify a row; required for upsert.'),
    connection: ConnectionNameSchema.default('default').describe('The configured PostgreSQL connection.'),
  })
  .superRefine((config, ctx) => {
    if (config.mode === 'upsert' && (config.primaryKey === undefined || config.primaryKey.length === 0)) {
      addProblem(ctx, 'BAD_CONFIG', 'mode upsert needs primaryKey: the fields that identify a row', ['primaryKey']);
    }
    const seen = new Set<string>();
    config.primaryKey?.forEach((name, i) => {
      if (seen.has(name)) addProblem(ctx, 'DUPLICATE_FIELD', `primaryKey field '${name}' appears more than once`, ['primaryKey', i]);
      seen.add(name);
    });
  });
export type PostgresSinkConfig = z.output<typeof PostgresSinkConfigSchema>;

export const postgresSinkKind = defineNodeKind({
  kind: 'postgres-sink',
  label: 'PostgreSQL sink',
  category: 'sink',
  icon: 'database',
  help: 'Writes rows to a PostgreSQL table, appending or upserting on a primary key. The table is created if it does not exist.',
  inputs: 'one',
  outputs: 'none',
  configSchema: PostgresSinkConfigSchema,
  defaultConfig: (): z.input<typeof PostgresSinkConfigSchema> => ({ table: '', mode: 'append' }),
  outputSchema: (config, inputs) => ({
    schema: [],
    eventTime: null,
    problems: requireFields(config.primaryKey ?? [], inputs[0]?.schema ?? [], 'primaryKey', 'primaryKey field'),
  }),
});
