import { link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to `path` so that a crash leaves either the old file or the new one, never
 * a torn one: write a temporary file beside it, fsync it, rename it over the target, then
 * fsync the directory so the rename itself survives a power cut. `exclusive`: the file is
 * written once, never replaced — the temporary file is hard-linked to the target, which
 * fails with EEXIST when the target exists (as atomically as the rename).
 */
export async function writeFileAtomic(path: string, data: string, options: { exclusive?: boolean } = {}): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const file = await open(tmp, 'w');
  try {
    await file.writeFile(data);
    await file.sync();
  } catch (err) {
    await file.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw err;
  }
  await file.close();
  if (options.exclusive === true) {
    try {
      await link(tmp, path);
    } finally {
      await unlink(tmp).catch(() => {});
    }
  } else {
    await rename(tmp, path);
  }
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}
