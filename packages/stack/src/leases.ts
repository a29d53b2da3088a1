import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProcessAlive } from './java-process';

export interface Lease {
  readonly file: string;
  release(): void;
}

/**
 * A lease says "process P is using the service in this directory". Several test runs
 * on one machine share one broker; the broker stops only when the last of them is done.
 * A lease whose process is gone (a run killed with Ctrl-C) no longer counts.
 */
export function acquireLease(dir: string, pid = process.pid): Lease {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${pid}-${Math.random().toString(36).slice(2, 10)}`);
  writeFileSync(file, String(pid));
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      rmSync(file, { force: true });
    },
  };
}

/** Files of leases whose process is alive; removes the others. */
export function liveLeases(dir: string, alive: (pid: number) => boolean = isProcessAlive): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const live: string[] = [];
  for (const name of names) {
    const file = join(dir, name);
    let pid = NaN;
    try {
      pid = Number(readFileSync(file, 'utf8').trim());
    } catch {
      continue;
    }
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) live.push(file);
    else rmSync(file, { force: true });
  }
  return live;
}
