import { describe, expect, it } from 'vitest';
import { normalizeStartOptions } from './start-kafka';
import { isStackError } from './stack-error';

function code(fn: () => unknown): string | undefined {
  try { fn(); } catch (err) { return isStackError(err) ? err.code : 'OTHER'; }
  return undefined;
}

describe('normalizeStartOptions', () => {
  it('defaults to 9092, controller on the next port, loopback', () => {
    const s = normalizeStartOptions({ dataDir: '/d' }, 1000);
    expect(s).toMatchObject({ port: 9092, controllerPort: 9093, host: '127.0.0.1', brokers: '127.0.0.1:9092', persistent: false });
    expect(s.deadline).toBe(1000 + s.timeoutMs);
  });

  it('derives the controller port from the broker port', () => {
    expect(normalizeStartOptions({ dataDir: '/d', port: 19092 }).controllerPort).toBe(19093);
  });

  it.each([
    [{ dataDir: '' }],
    [{ dataDir: '/d', port: 0 }],
    [{ dataDir: '/d', port: 70000 }],
    [{ dataDir: '/d', port: 9092, controllerPort: 9092 }],
    [{ dataDir: '/d', port: 65535 }],
  ])('rejects %j with BAD_OPTIONS', (opts) => {
    expect(code(() => normalizeStartOptions(opts))).toBe('BAD_OPTIONS');
  });
});
