import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorBodySchema, AuditResponseSchema, PipelineDiffSchema, PipelineListSchema, PipelineRecordSchema, PipelineVersionsSchema,
} from '@weir/protocol';
import { draftWithProblem, revenueDocument } from '../../testing/documents';
import type { TestApp, TestSession } from '../../testing/test-app';

/**
 * The pipelines API end to end, run on SQLite (pipelines.test.ts) and on PostgreSQL
 * (pipelines.int.test.ts): the same requests, the same answers.
 */
export function pipelinesSuite(label: string, start: () => Promise<TestApp>): void {
  describe(`pipelines API on ${label}`, () => {
    let t: TestApp;
    let operator: TestSession;
    let viewer: TestSession;
    let admin: TestSession;
    let seq = 0;
    const unique = (stem: string) => `${stem}-${Date.now().toString(36)}-${seq++}`;

    beforeAll(async () => {
      t = await start();
      operator = await t.login('operator');
      viewer = await t.login('viewer');
      admin = await t.login('admin');
    });
    afterAll(async () => t?.close());

    function errorOf(body: string) {
      return ApiErrorBodySchema.parse(JSON.parse(body)).error;
    }

    async function create(doc = revenueDocument(unique('rev'))) {
      const res = await t.call(operator, { method: 'POST', url: '/api/pipelines', payload: { document: doc } });
      expect(res.statusCode, res.body).toBe(200);
      return PipelineRecordSchema.parse(res.json());
    }

    it('creates a pipeline as version 1 and lists it as valid', async () => {
      const doc = revenueDocument(unique('rev'));
      const rec = await create(doc);
      expect(rec).toMatchObject({ name: doc.name, description: doc.description, version: 1, latestVersion: 1, problems: [], updatedBy: operator.user.name });
      expect(rec.document).toEqual(doc);
      const list = PipelineListSchema.parse((await t.call(viewer, { method: 'GET', url: '/api/pipelines' })).json());
      expect(list.pipelines.find((p) => p.id === rec.id)).toEqual({
        id: rec.id, name: doc.name, description: doc.description ?? null, version: 1, valid: true, problemCount: 0,
        createdAt: rec.createdAt, updatedAt: rec.updatedAt, updatedBy: operator.user.name,
      });
    });

    it('saves a document with problems as a draft and returns its problems', async () => {
      const rec = await create(draftWithProblem(unique('draft')));
      expect(rec.problems).toEqual([expect.objectContaining({ code: 'UNKNOWN_FIELD', node: 'big', field: 'where' })]);
      const list = PipelineListSchema.parse((await t.call(viewer, { method: 'GET', url: '/api/pipelines' })).json());
      expect(list.pipelines.find((p) => p.id === rec.id)).toMatchObject({ valid: false, problemCount: 1 });
    });

    it('refuses a document it cannot file (no valid name) with 400 naming the field', async () => {
      const res = await t.call(operator, { method: 'POST', url: '/api/pipelines', payload: { document: { ...revenueDocument('x'), name: 'Not Valid' } } });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res.body)).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('document.name') });
    });

    it('answers 409 NAME_TAKEN for a second pipeline of the same name, and frees the name on delete', async () => {
      const rec = await create();
      const again = await t.call(operator, { method: 'POST', url: '/api/pipelines', payload: { document: revenueDocument(rec.name) } });
      expect(again.statusCode).toBe(409);
      expect(errorOf(again.body).code).toBe('NAME_TAKEN');
      expect((await t.call(operator, { method: 'DELETE', url: `/api/pipelines/${rec.id}` })).statusCode).toBe(200);
      expect((await t.call(viewer, { method: 'GET', url: `/api/pipelines/${rec.id}` })).statusCode).toBe(404);
      const list = PipelineListSchema.parse((await t.call(viewer, { method: 'GET', url: '/api/pipelines' })).json());
      expect(list.pipelines.some((p) => p.id === rec.id)).toBe(false);
      await create(revenueDocument(rec.name));
    });

    it('saves each update as a new immutable version and reads any of them', async () => {
      const rec = await create();
      const v2doc = { ...rec.document, description: 'second' };
      const put = await t.call(operator, { method: 'PUT', url: `/api/pipelines/${rec.id}`, payload: { baseVersion: 1, document: v2doc } });
      expect(put.statusCode, put.body).toBe(200);
      expect(PipelineRecordSchema.parse(put.json())).toMatchObject({ version: 2, latestVersion: 2, description: 'second' });

      const v1 = PipelineRecordSchema.parse((await t.call(viewer, { method: 'GET', url: `/api/pipelines/${rec.id}?version=1` })).json());
      expect(v1).toMatchObject({ version: 1, latestVersion: 2, document: rec.document });
      const latest = PipelineRecordSchema.parse((await t.call(viewer, { method: 'GET', url: `/api/pipelines/${rec.id}` })).json());
      expect(latest.document).toEqual(v2doc);
      const versions = PipelineVersionsSchema.parse((await t.call(viewer, { method: 'GET', url: `/api/pipelines/${rec.id}/versions` })).json());
      expect(versions.versions.map((v) => [v.version, v.author, v.valid])).toEqual([[2, operator.user.name, true], [1, operator.user.name, true]]);
      const missing = await t.call(viewer, { method: 'GET', url: `/api/pipelines/${rec.id}?version=9` });
      expect(missing.statusCode).toBe(404);
      expect(errorOf(missing.body).message).toContain('latest is 2');
    });

    it('answers a stale baseVersion with 409 VERSION_CONFLICT and the current version', async () => {
      const rec = await create();
      await t.call(operator, { method: 'PUT', url: `/api/pipelines/${rec.id}`, payload: { baseVersion: 1, document: rec.document } });
      const stale = await t.call(operator, { method: 'PUT', url: `/api/pipelines/${rec.id}`, payload: { baseVersion: 1, document: rec.document } });
      expect(stale.statusCode).toBe(409);
      expect(errorOf(stale.body)).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    });

    it('lets only one of two simultaneous saves from the same base win', async () => {
      const rec = await create();
      const both = await Promise.all([1, 2].map((i) =>
        t.call(operator, { method: 'PUT', url: `/api/pipelines/${rec.id}`, payload: { baseVersion: 1, document: { ...rec.document, description: `d${i}` } } })));
      expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const lost = both.find((r) => r.statusCode === 409)!;
      expect(errorOf(lost.body)).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
      const versions = PipelineVersionsSchema.parse((await t.call(viewer, { method: 'GET', url: `/api/pipelines/${rec.id}/versions` })).json());
      expect(versions.versions.map((v) => v.version)).toEqual([2, 1]);
    });

    it('renames with the document name, refusing a name another pipeline has', async () => {
      const a = await create();
      const b = await create();
      const clash = await t.call(operator, { method: 'PUT', url: `/api/pipelines/${a.id}`, payload: { baseVersion: 1, document: { ...a.document, name: b.name } } });
      expect(clash.statusCode).toBe(409);
      expect(errorOf(clash.body).code).toBe('NAME_TAKEN');
      const newName = unique('renamed');
      const ok = await t.call(operator, { method: 'PUT', url: `/api/pipelines/${a.id}`, payload: { baseVersion: 1, document: { ...a.document, name: newName } } });
      expect(PipelineRecordSchema.parse(ok.json()).name).toBe(newName);
    });

    it('diffs two versions: changed config fields with their paths, moves apart', async () => {
      const rec = await create();
      const doc = structuredClone(rec.document);
      doc.nodes[1] = { ...doc.nodes[1]!, config: { where: 'amount >= 20' }, ui: { x: 999, y: 0 } };
      doc.nodes.push({ id: 'preview', kind: 'preview-sink', config: {} });
      doc.edges.push({ from: 'per-minute', to: 'preview' });
      await t.call(operator, { method: 'PUT', url: `/api/pipelines/${rec.id}`, payload: { baseVersion: 1, document: doc } });
      const res = await t.call(viewer, { method: 'GET', url: `/api/pipelines/${rec.id}/diff?from=1&to=2` });
      expect(res.statusCode, res.body).toBe(200);
      const diff = PipelineDiffSchema.parse(res.json());
      expect(diff.nodes.added).toEqual([{ id: 'preview', kind: 'preview-sink' }]);
      expect(diff.nodes.changed).toEqual([{ id: 'big', kind: 'filter', changes: [{ path: 'config.where', before: 'amount >= 10', after: 'amount >= 20' }] }]);
      expect(diff.nodes.moved).toEqual([{ id: 'big', from: { x: 250, y: 0 }, to: { x: 999, y: 0 } }]);
      expect(diff.edges.added).toEqual([{ from: 'per-minute', to: 'preview' }]);
      expect((await t.call(viewer, { method: 'GET', url: `/api/pipelines/${rec.id}/diff?from=1&to=7` })).statusCode).toBe(404);
      expect((await t.call(viewer, { method: 'GET', url: `/api/pipelines/${rec.id}/diff?from=1` })).statusCode).toBe(400);
    });

    it('lets a viewer read but not create, update or delete (403 naming operator)', async () => {
      const rec = await create();
      const attempts = [
        { method: 'POST' as const, url: '/api/pipelines', payload: { document: revenueDocument(unique('v')) } },
        { method: 'PUT' as const, url: `/api/pipelines/${rec.id}`, payload: { baseVersion: 1, document: rec.document } },
        { method: 'DELETE' as const, url: `/api/pipelines/${rec.id}` },
      ];
      for (const a of attempts) {
        const res = await t.call(viewer, a);
        expect(res.statusCode, `${a.method} ${a.url}`).toBe(403);
        expect(errorOf(res.body)).toMatchObject({ code: 'FORBIDDEN', details: { required: 'operator' } });
      }
      expect((await t.call(viewer, { method: 'GET', url: `/api/pipelines/${rec.id}` })).statusCode).toBe(200);
    });

    it('records every change in the audit log with who, what and which pipeline', async () => {
      const rec = await create();
      await t.call(operator, { method: 'PUT', url: `/api/pipelines/${rec.id}`, payload: { baseVersion: 1, document: rec.document } });
      await t.call(operator, { method: 'DELETE', url: `/api/pipelines/${rec.id}` });
      const log = AuditResponseSchema.parse((await t.call(admin, { method: 'GET', url: '/api/audit?limit=500' })).json());
      const mine = log.entries.filter((e) => e.target === `pipeline:${rec.id}`);
      expect(mine.map((e) => [e.action, e.user?.name])).toEqual([
        ['pipeline.delete', operator.user.name],
        ['pipeline.update', operator.user.name],
        ['pipeline.create', operator.user.name],
      ]);
      expect(mine[1]!.details).toMatchObject({ version: 2, name: rec.name });
    });
  });
}
