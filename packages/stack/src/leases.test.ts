import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLease, liveLeases } from './leases';
import { tryLock } from './start-lock';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'weir-lease-'));
  dirs.push(d);
  return d;
}
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('leases', () => {
  it('counts live leases, forgets released ones and prunes dead holders', () => {
    const dir = tempDir();
    const a = acquireLease(dir);
    const b = acquireLease(dir);
    writeFileSync(join(dir, 'dead-holder'), '2147483646');
    expect(liveLeases(dir, (pid) => pid === process.pid).sort()).toEqual([a.file, b.file].sort());
    expect(readdirSync(dir)).not.toContain('dead-holder');
    a.release();
    a.release();
    expect(liveLeases(dir)).toEqual([b.file]);
  });

  it('answers no leases for a missing directory', () => {
    expect(liveLeases(join(tempDir(), 'nope'))).toEqual([]);
  });
});

describe('tryLock', () => {
  it('is exclusive while held and free again after release', () => {
    const path = join(tempDir(), 'x.lock');
    const first = tryLock(path);
    expect(first.acquired).toBe(true);
    const second = tryLock(path);
    expect(second).toEqual({ acquired: false, heldBy: process.pid });
    if (first.acquired) first.release();
    expect(tryLock(path).acquired).toBe(true);
  });

  it('takes over a lock left by a process that is gone', () => {
    const path = join(tempDir(), 'x.lock');
    writeFileSync(path, '2147483646');
    expect(tryLock(path).acquired).toBe(true);
  });
});
