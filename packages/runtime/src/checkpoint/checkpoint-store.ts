import { mkdir, readFile, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { CheckpointRecord } from '@weir/compiler';
import { writeFileAtomic } from './atomic-write';
import { CheckpointFileSchema, type CheckpointFile } from './checkpoint-file';

const FILE = /^chk-(\d+)\.json$/;
const HISTORY_LIMIT = 100;

const CheckpointRecordSchema = z.object({
  id: z.number().int(),
  time: z.number(),
  durationMs: z.number(),
  sizeBytes: z.number(),
  outcome: z.enum(['COMPLETED', 'FAILED', 'IN_PROGRESS']),
  kind: z.enum(['checkpoint', 'savepoint']),
  location: z.string().optional(),
  failure: z.string().optional(),
});
const HistorySchema = z.array(CheckpointRecordSchema);

/**
 * A job's checkpoints under `<dataDir>/checkpoints/<job id>`: one `chk-<id>.json` per completed
 * checkpoint (the newest `retain` kept) and `history.json`, the outcomes of the latest
 * hundred, so a restarted job (or the server) still shows its past.
 */
export class CheckpointStore {
  readonly dir: string;

  /** Under a folder named after the job, so jobs that share a data directory never mix checkpoints. */
  constructor(dataDir: string, jobId: string, private readonly retainCount = 3) {
    this.dir = join(dataDir, 'checkpoints', encodeURIComponent(jobId));
  }

  pathOf(id: number): string {
    return join(this.dir, `chk-${id}.json`);
  }

  async init(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
  }

  /** Ids of the checkpoint files present, ascending. */
  async ids(): Promise<number[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    return names.flatMap((n) => {
      const m = FILE.exec(n);
      return m ? [Number(m[1])] : [];
    }).sort((a, b) => a - b);
  }

  /** A checkpoint by id or path; null when missing or unreadable (a torn file cannot exist, but a hand-edited one can). */
  async load(idOrPath: number | string): Promise<CheckpointFile | null> {
    const path = typeof idOrPath === 'number' ? this.pathOf(idOrPath) : idOrPath;
    try {
      const parsed = CheckpointFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** The newest readable checkpoint of this job. */
  async latest(jobId: string): Promise<CheckpointFile | null> {
    const ids = await this.ids();
    for (let i = ids.length - 1; i >= 0; i--) {
      const file = await this.load(ids[i]!);
      if (file !== null && file.jobId === jobId) return file;
    }
    return null;
  }

  /**
   * Writes a checkpoint durably (atomic, fsynced) and only once; returns its size in bytes.
   * Ids rise across runs, so an id already on disk means another instance of the job wrote
   * it — one that took over while this one was paused, say: this one must not replace the
   * snapshot the other's committed offsets may name (it fails with EEXIST instead).
   */
  async write(file: CheckpointFile): Promise<number> {
    const text = JSON.stringify(file);
    await writeFileAtomic(this.pathOf(file.id), text, { exclusive: true });
    return Buffer.byteLength(text);
  }

  /** Deletes all but the newest `retain` checkpoints, never one in `keep` (the one offsets point at). */
  async prune(keep: ReadonlySet<number> = new Set()): Promise<void> {
    const ids = await this.ids();
    const old = ids.slice(0, Math.max(0, ids.length - this.retainCount));
    for (const id of old) if (!keep.has(id)) await unlink(this.pathOf(id)).catch(() => {});
  }

  async history(): Promise<CheckpointRecord[]> {
    try {
      const parsed = HistorySchema.safeParse(JSON.parse(await readFile(join(this.dir, 'history.json'), 'utf8')));
      return parsed.success ? parsed.data.map(stripUndefined) : [];
    } catch {
      return [];
    }
  }

  async saveHistory(records: readonly CheckpointRecord[]): Promise<void> {
    await writeFileAtomic(join(this.dir, 'history.json'), JSON.stringify(records.slice(-HISTORY_LIMIT)));
  }

  /** The highest checkpoint id this job has used (files or history), so ids keep rising across restarts. */
  async lastId(): Promise<number> {
    const ids = await this.ids();
    const history = await this.history();
    return Math.max(0, ...ids, ...history.map((h) => h.id));
  }

  async exists(id: number): Promise<boolean> {
    return stat(this.pathOf(id)).then(() => true, () => false);
  }
}

function stripUndefined(r: z.infer<typeof CheckpointRecordSchema>): CheckpointRecord {
  return {
    id: r.id, time: r.time, durationMs: r.durationMs, sizeBytes: r.sizeBytes, outcome: r.outcome, kind: r.kind,
    ...(r.location !== undefined ? { location: r.location } : {}),
    ...(r.failure !== undefined ? { failure: r.failure } : {}),
  };
}
