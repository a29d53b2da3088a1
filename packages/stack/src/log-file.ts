import { closeSync, existsSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import { lastLines } from './stack-error';

/** The last `n` lines of a file, reading at most its last 64 KiB; '' when it does not exist. */
export function tailFile(path: string, n = 30): string {
  if (!existsSync(path)) return '';
  const size = statSync(path).size;
  const length = Math.min(size, 64 * 1024);
  const buf = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buf, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  return lastLines(buf.toString('utf8'), n);
}

/** Moves last run's log aside (`x.log` → `x.log.1`) so a failure shows only this run's lines. */
export function rotateLog(path: string): void {
  if (existsSync(path)) renameSync(path, `${path}.1`);
}

/**
 * Calls `onLine` for each line appended to `path` from `fromOffset` on, polling; the
 * broker writes through log4j, so there is no pipe to read.
 */
export function followFile(path: string, onLine: (line: string) => void, fromOffset = 0, intervalMs = 200): { close(): void } {
  let offset = fromOffset;
  let partial = '';
  const poll = () => {
    if (!existsSync(path)) return;
    const size = statSync(path).size;
    if (size < offset) { offset = 0; partial = ''; } // truncated or replaced
    if (size === offset) return;
    const buf = Buffer.alloc(size - offset);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, buf, 0, buf.length, offset);
    } finally {
      closeSync(fd);
    }
    offset = size;
    const lines = (partial + buf.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.length > 0) onLine(line.replace(/\r$/, ''));
  };
  const timer = setInterval(poll, intervalMs);
  timer.unref();
  return {
    close() {
      clearInterval(timer);
      poll();
    },
  };
}
