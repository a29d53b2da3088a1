import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseNumberFlag, run, summary } from './datagen';

function capture() {
  const err: string[] = [];
  const out: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  return { err: () => err.join(''), out: () => out.join('') };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('parseNumberFlag', () => {
  it('accepts whole numbers, decimals for the rate and 1e6 style counts', () => {
    expect(parseNumberFlag('count', '1000', { whole: true, min: 0 })).toBe(1000);
    expect(parseNumberFlag('count', '1e6', { whole: true, min: 0 })).toBe(1_000_000);
    expect(parseNumberFlag('rate', '2.5', { whole: false, min: 0 })).toBe(2.5);
    expect(parseNumberFlag('rate', undefined, { whole: false, min: 0 })).toBeUndefined();
  });

  it('rejects what is not a number in range, naming the flag', () => {
    expect(() => parseNumberFlag('count', 'ten', { whole: true, min: 0 })).toThrow('--count must be a whole number ≥ 0, got "ten"');
    expect(() => parseNumberFlag('count', '1.5', { whole: true, min: 0 })).toThrow(/--count/);
    expect(() => parseNumberFlag('rate', '-1', { whole: false, min: 0 })).toThrow(/--rate/);
    expect(() => parseNumberFlag('partitions', '0', { whole: true, min: 1 })).toThrow(/--partitions must be a whole number ≥ 1/);
    expect(() => parseNumberFlag('seed', '', { whole: true, min: 0 })).toThrow(/--seed/);
    expect(() => parseNumberFlag('seed', '0x10', { whole: true, min: 0 })).toThrow(/--seed/);
    expect(() => parseNumberFlag('count', '1e400', { whole: true, min: 0 })).toThrow(/--count/);
  });
});

describe('weir datagen (arguments)', () => {
  it('has a one-line summary', () => {
    expect(summary).not.toContain('\n');
  });

  it('prints the usage with every generator for --help', async () => {
    const io = capture();
    expect(await run(['--help'])).toBe(0);
    for (const name of ['nexmark-bids', 'nexmark-auctions', 'nexmark-persons', 'orders', 'clicks', 'logs']) {
      expect(io.out()).toContain(name);
    }
    expect(io.out()).toContain('--live-time');
  });

  it('exits 2 listing the generators for an unknown or missing one', async () => {
    const io = capture();
    expect(await run(['nexmark-bidz', '--topic', 't'])).toBe(2);
    expect(io.err()).toContain('unknown generator "nexmark-bidz"');
    expect(io.err()).toContain('nexmark-bids, nexmark-auctions, nexmark-persons, orders, clicks, logs');
    expect(await run(['--topic', 't'])).toBe(2);
    expect(io.err()).toContain('missing GENERATOR');
  });

  it('exits 2 naming the flag for a bad number', async () => {
    const io = capture();
    expect(await run(['orders', '--topic', 't', '--count', 'lots'])).toBe(2);
    expect(io.err()).toContain('--count');
    expect(await run(['orders', '--topic', 't', '--rate', 'fast'])).toBe(2);
    expect(io.err()).toContain('--rate');
    expect(await run(['orders', '--topic', 't', '--partitions', '0'])).toBe(2);
    expect(io.err()).toContain('--partitions');
  });

  it('exits 2 without --topic, for unknown options and for a malformed broker list', async () => {
    const io = capture();
    expect(await run(['orders'])).toBe(2);
    expect(io.err()).toContain('--topic is required');
    expect(await run(['orders', '--topic', 't', '--speed', '3'])).toBe(2);
    expect(io.err()).toContain('--speed');
    expect(await run(['orders', '--topic', 't', '--brokers', 'no-port'])).toBe(2);
    expect(io.err()).toContain('--brokers');
  });
});
