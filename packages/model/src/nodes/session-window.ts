import { z } from 'zod';
import { durationSchema } from '../duration';
import { defineNodeKind } from '../node-kind';
import { checkWindowNames, deriveWindow, windowShape } from './window-common';

export const SessionWindowConfigSchema = z
  .strictObject({
    gap: durationSchema({}, 'A key\'s session ends after this long without records.'),
    ...windowShape,
  })
  .superRefine((config, ctx) => checkWindowNames(config, ctx));
export type SessionWindowConfig = z.output<typeof SessionWindowConfigSchema>;

export const sessionWindowKind = defineNodeKind({
  kind: 'session-window',
  label: 'Session window',
  category: 'window',
  icon: 'hourglass',
  help: 'Aggregates per key over bursts of activity: a session closes after gap without records for that key.',
  inputs: 'one',
  outputs: 'one',
  configSchema: SessionWindowConfigSchema,
  defaultConfig: (): z.input<typeof SessionWindowConfigSchema> => ({ gap: '5m', keyBy: [], aggregates: [{ fn: 'count', as: 'count' }] }),
  outputSchema: (config, inputs) =>
    deriveWindow(config, inputs[0] ?? { from: '', schema: [], eventTime: null }, { requiresEventTime: true, label: 'session window' }),
});
