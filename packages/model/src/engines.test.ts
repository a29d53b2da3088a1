import { describe, expect, it } from 'vitest';
import { ENGINES, engineSupportsKind } from './engines';
import { NODE_KIND_NAMES } from './nodes/index';

describe('engine capabilities', () => {
  it('embedded runs every kind and both delivery guarantees', () => {
    expect([...ENGINES.embedded.kinds]).toEqual([...NODE_KIND_NAMES]);
    expect(ENGINES.embedded.deliveries).toEqual(['at-least-once', 'exactly-once']);
  });

  it('flink runs every kind but count-window and preview-sink, and says why', () => {
    expect(NODE_KIND_NAMES.filter((k) => !engineSupportsKind('flink', k))).toEqual(['count-window', 'preview-sink']);
    expect(ENGINES.flink.unsupportedReasons['count-window']).toContain('no count windows');
    expect(ENGINES.flink.deliveries).toEqual(['at-least-once', 'exactly-once']);
  });
});
