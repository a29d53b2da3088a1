import { z } from 'zod';
import { durationSchema } from '../duration';
import { defineNodeKind } from '../node-kind';
import { checkWindowNames, deriveWindow, windowShape } from './window-common';

export const TumblingWindowConfigSchema = z
  .strictObject({
    size: durationSchema({}, 'Window length; windows are aligned to the epoch (UTC).'),
    ...windowShape,
  })
  .superRefine((config, ctx) => checkWindowNames(config, ctx));
export type TumblingWindowConfig = z.output<typeof TumblingWindowConfigSchema>;

export const tumblingWindowKind = defineNodeKind({
  kind: 'tumbling-window',
  label: 'Tumbling window',
  category: 'window',
  icon: 'timer',
  help: 'Aggregates per key over fixed, non-overlapping windows aligned to the epoch, e.g. revenue per category per minute.',
  inputs: 'one',
  outputs: 'one',
  configSchema: TumblingWindowConfigSchema,
  defaultConfig: (): z.input<typeof TumblingWindowConfigSchema> => ({ size: '1m', keyBy: [], aggregates: [{ fn: 'count', as: 'count' }] }),
  outputSchema: (config, inputs) =>
    deriveWindow(config, inputs[0] ?? { from: '', schema: [], eventTime: null }, { requiresEventTime: true, label: 'tumbling window' }),
});
