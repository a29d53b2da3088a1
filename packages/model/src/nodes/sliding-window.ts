import { z } from 'zod';
import { durationSchema } from '../duration';
import { defineNodeKind } from '../node-kind';
import { checkSlideDivides, checkWindowNames, deriveWindow, windowShape } from './window-common';

export const SlidingWindowConfigSchema = z
  .strictObject({
    size: durationSchema({}, 'Window length; a multiple of slide.'),
    slide: durationSchema({}, 'How often a window starts.'),
    ...windowShape,
  })
  .superRefine((config, ctx) => {
    checkSlideDivides(config.size, config.slide, ctx);
    checkWindowNames(config, ctx);
  });
export type SlidingWindowConfig = z.output<typeof SlidingWindowConfigSchema>;

export const slidingWindowKind = defineNodeKind({
  kind: 'sliding-window',
  label: 'Sliding window',
  category: 'window',
  icon: 'gallery-horizontal',
  help: 'Aggregates per key over overlapping windows of length size that start every slide, e.g. the last 10 minutes, every minute.',
  inputs: 'one',
  outputs: 'one',
  configSchema: SlidingWindowConfigSchema,
  defaultConfig: (): z.input<typeof SlidingWindowConfigSchema> => ({ size: '10m', slide: '1m', keyBy: [], aggregates: [{ fn: 'count', as: 'count' }] }),
  outputSchema: (config, inputs) =>
    deriveWindow(config, inputs[0] ?? { from: '', schema: [], eventTime: null }, { requiresEventTime: true, label: 'sliding window' }),
});
