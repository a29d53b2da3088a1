import { describe, expect, it } from 'vitest';
import { keyedLock } from './keyed-lock';

describe('keyedLock', () => {
  it('runs work of one key in order, even when an earlier one fails, and other keys alongside', async () => {
    const lock = keyedLock();
    const events: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const a1 = lock('a', async () => {
      events.push('a1 start');
      await gate;
      events.push('a1 end');
      throw new Error('a1 failed');
    });
    const a2 = lock('a', async () => {
      events.push('a2');
      return 2;
    });
    const b = lock('b', async () => {
      events.push('b');
      return 'b';
    });
    await b;
    expect(events).toEqual(['a1 start', 'b']);
    release();
    await expect(a1).rejects.toThrow('a1 failed');
    expect(await a2).toBe(2);
    expect(events).toEqual(['a1 start', 'b', 'a1 end', 'a2']);
  });
});
