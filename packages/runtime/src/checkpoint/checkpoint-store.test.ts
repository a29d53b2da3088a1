import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointIdOfMetadata, checkpointMetadata, positionsFromJson, positionsToJson, type CheckpointFile } from './checkpoint-file';
import { CheckpointStore } from './checkpoint-store';

function file(id: number, jobId = 'job-a'): CheckpointFile {
  return {
    format: 'weir-checkpoint', version: 1, jobId, id, time: 1000 * id, delivery: 'at-least-once',
    positions: { src: { '0': id * 10, '1': id * 20 } }, operators: { win: { op: 'tumbling', v: 1, n: id } },
  };
}

describe('CheckpointStore', () => {
  it('writes checkpoints atomically, finds the latest, and keeps only the newest three plus the protected one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'weir-store-'));
    const store = new CheckpointStore(dir, 'job-a', 3);
    await store.init();
    for (let id = 1; id <= 5; id++) expect(await store.write(file(id))).toBeGreaterThan(0);
    expect((await store.latest('job-a'))?.id).toBe(5);
    await store.prune(new Set([1]));
    expect(await store.ids()).toEqual([1, 3, 4, 5]);
    // No temporary file is left behind.
    expect((await readdir(store.dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await store.load(4)).toEqual(file(4));
    expect(await store.lastId()).toBe(5);
    // Written once: a second writer of an id (an instance that was paused while another took over) is refused.
    await expect(store.write({ ...file(5), operators: {} })).rejects.toThrow(/EEXIST/);
    expect(await store.load(5)).toEqual(file(5));
    expect((await readdir(store.dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps jobs that share a data directory apart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'weir-store-'));
    const a = new CheckpointStore(dir, 'job-a');
    const b = new CheckpointStore(dir, 'job/b');
    await a.init();
    await b.init();
    await a.write(file(7));
    expect(await b.latest('job/b')).toBeNull();
    expect(await b.lastId()).toBe(0);
  });

  it('keeps a history of outcomes across instances', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'weir-store-'));
    const store = new CheckpointStore(dir, 'job-a');
    await store.init();
    await store.saveHistory([{ id: 1, time: 5, durationMs: 3, sizeBytes: 100, outcome: 'COMPLETED', kind: 'checkpoint' }, { id: 2, time: 9, durationMs: 1, sizeBytes: 0, outcome: 'FAILED', kind: 'checkpoint', failure: 'disk full' }]);
    const again = new CheckpointStore(dir, 'job-a');
    expect((await again.history()).map((h) => [h.id, h.outcome, h.failure])).toEqual([[1, 'COMPLETED', undefined], [2, 'FAILED', 'disk full']]);
    expect(await again.lastId()).toBe(2);
  });

  it('round-trips positions and checkpoint metadata', () => {
    const positions = new Map([['src', new Map([[0, 5], [3, 9]])]]);
    expect(positionsFromJson(positionsToJson(positions))).toEqual(positions);
    expect(checkpointIdOfMetadata(checkpointMetadata(42))).toBe(42);
    expect(checkpointIdOfMetadata('')).toBeNull();
    expect(checkpointIdOfMetadata(null)).toBeNull();
  });
});
