import { openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { isProcessAlive } from './java-process';

export type LockResult = { acquired: true; release(): void } | { acquired: false; heldBy: number };

/**
 * An exclusive lock file holding the owner's pid, so two processes never start a
 * service in the same directory at once. A lock left by a dead process is taken over.
 */
export function tryLock(path: string, pid = process.pid): LockResult {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(pid));
      closeSync(fd);
      return { acquired: true, release: () => rmSync(path, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(path, 'utf8').trim());
    } catch {
      continue; // released between our open and read
    }
    if (Number.isInteger(holder) && holder > 0 && isProcessAlive(holder)) return { acquired: false, heldBy: holder };
    rmSync(path, { force: true });
  }
  return { acquired: false, heldBy: NaN };
}
