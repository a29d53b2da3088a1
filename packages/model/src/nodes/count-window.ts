import { z } from 'zod';
import { defineNodeKind } from '../node-kind';
import { addProblem } from '../zod-problems';
import { checkWindowNames, deriveWindow, windowShape } from './window-common';

const RecordCountSchema = z.number().int().min(1).max(1_000_000);

export const CountWindowConfigSchema = z
  .strictObject({
    size: RecordCountSchema.describe('How many of a key\'s latest records a window covers.'),
    slide: RecordCountSchema.optional().describe('Fire every this many records of a key; default size.'),
    ...windowShape,
  })
  .superRefine((config, ctx) => {
    if (config.slide !== undefined && config.slide > config.size) {
      addProblem(ctx, 'SLIDE_NOT_DIVISOR', `slide ${config.slide} is larger than size ${config.size}; records between windows would never be counted`, ['slide']);
    }
    checkWindowNames(config, ctx);
  });
export type CountWindowConfig = z.output<typeof CountWindowConfigSchema>;

/** `slide` defaults to `size` (a tumbling count window). */
export function countWindowSlide(config: Pick<CountWindowConfig, 'size' | 'slide'>): number {
  return config.slide ?? config.size;
}

export const countWindowKind = defineNodeKind({
  kind: 'count-window',
  label: 'Count window',
  category: 'window',
  icon: 'hash',
  help: 'Aggregates per key over its last size records, firing every slide records. Works on event or processing time.',
  inputs: 'one',
  outputs: 'one',
  configSchema: CountWindowConfigSchema,
  defaultConfig: (): z.input<typeof CountWindowConfigSchema> => ({ size: 100, keyBy: [], aggregates: [{ fn: 'count', as: 'count' }] }),
  outputSchema: (config, inputs) =>
    deriveWindow(config, inputs[0] ?? { from: '', schema: [], eventTime: null }, { requiresEventTime: false, label: 'count window' }),
});
