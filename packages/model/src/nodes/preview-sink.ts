import { z } from 'zod';
import { defineNodeKind } from '../node-kind';

export const DEFAULT_PREVIEW_LIMIT = 100;

export const PreviewSinkConfigSchema = z.strictObject({
  limit: z.number().int().min(1).max(10_000).default(DEFAULT_PREVIEW_LIMIT).describe('How many of the latest rows to keep.'),
});
export type PreviewSinkConfig = z.output<typeof PreviewSinkConfigSchema>;

export const previewSinkKind = defineNodeKind({
  kind: 'preview-sink',
  label: 'Preview',
  category: 'sink',
  icon: 'eye',
  help: 'Keeps the latest rows in memory to show on the canvas; writes nothing outside Weir.',
  inputs: 'one',
  outputs: 'none',
  configSchema: PreviewSinkConfigSchema,
  defaultConfig: (): z.input<typeof PreviewSinkConfigSchema> => ({ limit: DEFAULT_PREVIEW_LIMIT }),
  outputSchema: () => ({ schema: [], eventTime: null, problems: [] }),
});
