import { describe, expect, it } from 'vitest';
import { processCpuMs } from './proc-cpu';

describe('processCpuMs', () => {
  it.skipIf(process.platform !== 'linux')('reads the CPU time of a running process and null for a gone one', () => {
    let x = 0;
    for (let i = 0; i < 5e7; i++) x += i;
    expect(x).toBeGreaterThan(0);
    const ms = processCpuMs([process.pid]);
    expect(ms).not.toBeNull();
    expect(ms!).toBeGreaterThan(0);
    expect(processCpuMs([2 ** 22 + 12345])).toBeNull();
  });
});
