import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './store';

/**
 * The store's behaviour, run once per database: store.test.ts (SQLite) and
 * store.int.test.ts (PostgreSQL) call this with their own `open`.
 */
export function storeSuite(label: string, open: () => Promise<{ store: Store; cleanup(): Promise<void> }>): void {
  describe(`store on ${label}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    const t0 = 1_767_225_600_000;

    beforeAll(async () => {
      ({ store, cleanup } = await open());
    });
    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    async function user(role: 'viewer' | 'operator' | 'admin' = 'viewer') {
      const u = { id: randomUUID(), name: `u-${randomUUID().slice(0, 8)}`, role, createdAt: t0 };
      await store.users.insert(u);
      return u;
    }

    it('keeps users with unique names and counts admins', async () => {
      const before = await store.users.countAdmins();
      const a = await user('admin');
      expect(await store.users.get(a.id)).toEqual(a);
      expect(await store.users.findByName(a.name)).toEqual(a);
      expect(await store.users.countAdmins()).toBe(before + 1);
      const clash = store.users.insert({ ...a, id: randomUUID() });
      await expect(clash).rejects.toSatisfy((e: unknown) => store.isUniqueViolation(e));
      expect(await store.users.setRole(a.id, 'operator')).toBe(true);
      expect((await store.users.get(a.id))?.role).toBe('operator');
      expect(await store.users.delete(a.id)).toBe(true);
      expect(await store.users.get(a.id)).toBeUndefined();
    });

    it('finds a session with its user, extends it, and drops it with the user', async () => {
      const u = await user('operator');
      await store.auth.insertSession({ tokenHash: 'h1', userId: u.id, createdAt: t0, expiresAt: t0 + 1000 });
      expect(await store.auth.findSession('h1')).toEqual({ user: u, expiresAt: t0 + 1000 });
      await store.auth.extendSession('h1', t0 + 5000);
      expect((await store.auth.findSession('h1'))?.expiresAt).toBe(t0 + 5000);
      await store.users.delete(u.id);
      expect(await store.auth.findSession('h1')).toBeUndefined();
    });

    it('uses a login token once, and never after it expires', async () => {
      const u = await user('admin');
      await store.auth.insertLoginToken({ tokenHash: 'lt1', userId: u.id, role: 'admin', createdAt: t0, expiresAt: t0 + 1000 });
      await store.auth.insertLoginToken({ tokenHash: 'lt2', userId: u.id, role: 'admin', createdAt: t0, expiresAt: t0 + 1000 });
      expect(await store.auth.useLoginToken('lt1', t0 + 10)).toBe(true);
      expect(await store.auth.useLoginToken('lt1', t0 + 20)).toBe(false);
      expect((await store.auth.findLoginToken('lt1'))?.usedAt).toBe(t0 + 10);
      expect(await store.auth.useLoginToken('lt2', t0 + 1000)).toBe(false);
      expect(await store.auth.useLoginToken('nope', t0)).toBe(false);
      await store.auth.purgeExpired(t0 + 2000);
      expect(await store.auth.findLoginToken('lt2')).toBeUndefined();
    });

    it('versions pipelines: advance only from the latest version, names unique among live ones', async () => {
      const id = randomUUID();
      const name = `p-${randomUUID().slice(0, 8)}`;
      await store.transaction(async (tx) => {
        await tx.pipelines.insert({ id, name, description: 'first', createdAt: t0 });
        await tx.pipelines.insertVersion({ pipelineId: id, version: 1, document: '{"a":1}', problemCount: 2, authorId: 'x', authorName: 'ann', createdAt: t0 });
      });
      expect(await store.pipelines.findLiveByName(name)).toMatchObject({ id, latestVersion: 1, description: 'first' });
      expect(await store.pipelines.advance({ id, baseVersion: 1, name, description: null, updatedAt: t0 + 1 })).toBe(true);
      expect(await store.pipelines.advance({ id, baseVersion: 1, name, description: null, updatedAt: t0 + 2 })).toBe(false);
      await store.pipelines.insertVersion({ pipelineId: id, version: 2, document: '{"a":2}', problemCount: 0, authorId: null, authorName: 'bob', createdAt: t0 + 1 });
      const listed = (await store.pipelines.list()).find((p) => p.id === id);
      expect(listed).toMatchObject({ latestVersion: 2, problemCount: 0, updatedBy: 'bob', updatedAt: t0 + 1, description: null });
      expect((await store.pipelines.listVersions(id)).map((v) => [v.version, v.authorName])).toEqual([[2, 'bob'], [1, 'ann']]);
      expect((await store.pipelines.getVersion(id, 1))?.document).toBe('{"a":1}');
      // A version is immutable: the same number cannot be written twice.
      const again = store.pipelines.insertVersion({ pipelineId: id, version: 2, document: '{}', problemCount: 0, authorId: null, authorName: null, createdAt: t0 });
      await expect(again).rejects.toSatisfy((e: unknown) => store.isUniqueViolation(e));

      const other = randomUUID();
      const taken = store.pipelines.insert({ id: other, name, description: null, createdAt: t0 });
      await expect(taken).rejects.toSatisfy((e: unknown) => store.isUniqueViolation(e));
      expect(await store.pipelines.softDelete(id, t0 + 3)).toBe(true);
      expect(await store.pipelines.get(id)).toBeUndefined();
      expect((await store.pipelines.list()).some((p) => p.id === id)).toBe(false);
      await store.pipelines.insert({ id: other, name, description: null, createdAt: t0 });
      expect((await store.pipelines.findLiveByName(name))?.id).toBe(other);
    });

    it('rolls a transaction back when its work throws', async () => {
      const id = randomUUID();
      await expect(store.transaction(async (tx) => {
        await tx.pipelines.insert({ id, name: `r-${id.slice(0, 8)}`, description: null, createdAt: t0 });
        throw new Error('boom');
      })).rejects.toThrow('boom');
      expect(await store.pipelines.get(id)).toBeUndefined();
    });

    it('keeps jobs with their error and patches them', async () => {
      const pid = randomUUID();
      await store.pipelines.insert({ id: pid, name: `j-${pid.slice(0, 8)}`, description: null, createdAt: t0 });
      const job = {
        id: randomUUID(), pipelineId: pid, pipelineName: 'x', version: 1, engine: 'embedded' as const, state: 'CREATED' as const,
        error: null, createdAt: t0, createdBy: 'ann', startedAt: null, endedAt: null, savepoint: null, externalId: null, externalUrl: null,
      };
      await store.jobs.insert(job);
      await store.jobs.update(job.id, { state: 'FAILED', error: { code: 'SINK_FAILED', message: 'no', node: 'out', time: t0 + 5 }, endedAt: t0 + 5 });
      expect(await store.jobs.get(job.id)).toEqual({ ...job, state: 'FAILED', error: { code: 'SINK_FAILED', message: 'no', node: 'out', time: t0 + 5 }, endedAt: t0 + 5 });
      expect((await store.jobs.list({ pipelineId: pid, states: ['FAILED'] })).map((j) => j.id)).toEqual([job.id]);
      expect(await store.jobs.list({ pipelineId: pid, states: ['RUNNING'] })).toEqual([]);
    });

    it('appends audit entries and pages them newest first', async () => {
      for (let i = 0; i < 3; i++) {
        await store.audit.insert({ time: t0 + i, userId: 'u', userName: 'ann', action: `test.${i}`, target: `t:${i}`, details: { i } });
      }
      const page = await store.audit.list({ limit: 2 });
      expect(page.map((e) => e.action)).toEqual(['test.2', 'test.1']);
      expect(page[0]).toMatchObject({ userName: 'ann', target: 't:2', details: { i: 2 }, time: t0 + 2 });
      const next = await store.audit.list({ limit: 2, before: page[1]!.id });
      expect(next[0]!.action).toBe('test.0');
    });
  });
}
