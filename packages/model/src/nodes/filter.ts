import { z } from 'zod';
import { defineNodeKind } from '../node-kind';
import { checkExpressionField, ExpressionSchema } from './expression-field';

export const FilterConfigSchema = z.strictObject({
  where: ExpressionSchema.describe('A boolean expression; a row passes only where it is TRUE (not NULL).'),
});
export type FilterConfig = z.output<typeof FilterConfigSchema>;

export const filterKind = defineNodeKind({
  kind: 'filter',
  label: 'Filter',
  category: 'transform',
  icon: 'filter',
  help: 'Keeps the rows where a condition is TRUE, e.g. amount >= 10 AND category <> \'test\'. Rows where it is NULL are dropped.',
  inputs: 'one',
  outputs: 'one',
  configSchema: FilterConfigSchema,
  defaultConfig: (): z.input<typeof FilterConfigSchema> => ({ where: '' }),
  outputSchema: (config, inputs) => {
    const input = inputs[0] ?? { schema: [], eventTime: null };
    const { problems } = checkExpressionField(config.where, input.schema, 'where', 'boolean');
    return { schema: input.schema, eventTime: input.eventTime, problems };
  },
});
