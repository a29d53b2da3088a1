import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '@weir/compiler';
import { validateDocument } from '@weir/model';
import { CompileResponseSchema, ValidateResponseSchema } from '@weir/protocol';
import { draftWithProblem, revenueDocument } from '../../testing/documents';
import { startTestApp, type TestApp, type TestSession } from '../../testing/test-app';

let t: TestApp;
let viewer: TestSession;

beforeAll(async () => {
  t = await startTestApp({ config: { kafkaBrokers: 'broker-a:9092,broker-b:9092' } });
  viewer = await t.login('viewer');
});
afterAll(async () => t?.close());

async function post(url: string, payload: object) {
  const res = await t.call(viewer, { method: 'POST', url, payload });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as unknown;
}

describe('POST /api/validate', () => {
  it('answers ok for a valid document', async () => {
    expect(ValidateResponseSchema.parse(await post('/api/validate', { document: revenueDocument('rev') }))).toEqual({ ok: true, problems: [] });
  });

  it('lists the same problems, with the same codes, as weir validate', async () => {
    const doc = draftWithProblem('rev');
    const answer = ValidateResponseSchema.parse(await post('/api/validate', { document: doc }));
    expect(answer.ok).toBe(false);
    expect(answer.problems).toEqual(validateDocument(doc).problems);
    expect(answer.problems[0]).toMatchObject({ code: 'UNKNOWN_FIELD', node: 'big', field: 'where', line: 1, column: 1 });
  });

  it('reports what an engine cannot run when asked about it', async () => {
    const doc = revenueDocument('rev');
    doc.nodes[2] = { id: 'per-minute', kind: 'count-window', config: { size: 10, keyBy: ['category'], aggregates: [{ fn: 'count', as: 'n' }] } };
    expect(ValidateResponseSchema.parse(await post('/api/validate', { document: doc })).ok).toBe(true);
    const flink = ValidateResponseSchema.parse(await post('/api/validate', { document: doc, engine: 'flink' }));
    expect(flink.problems).toEqual([expect.objectContaining({ code: 'UNSUPPORTED_ON_ENGINE', node: 'per-minute' })]);
  });

  it('answers problems, not a 400, for something that is not a document at all', async () => {
    for (const document of [42, 'text', null, [], { version: 2 }]) {
      const answer = ValidateResponseSchema.parse(await post('/api/validate', { document }));
      expect(answer.ok).toBe(false);
      expect(answer.problems[0]?.code).toBe('BAD_DOCUMENT');
    }
  });

  it('refuses an unknown engine name with 400 naming the field', async () => {
    const res = await t.call(viewer, { method: 'POST', url: '/api/validate', payload: { document: {}, engine: 'spark' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'BAD_REQUEST', message: expect.stringContaining('engine') } });
  });
});

describe('POST /api/compile', () => {
  it("compiles to the embedded engine's plan", async () => {
    const doc = revenueDocument('rev');
    const answer = CompileResponseSchema.parse(await post('/api/compile', { document: doc, target: 'plan' }));
    const expected = compile(doc, 'plan');
    if (!expected.ok || expected.target !== 'plan') throw new Error('the fixture must compile');
    expect(answer).toEqual({ ok: true, target: 'plan', plan: expected.plan, problems: [], warnings: [] });
  });

  it("compiles to Flink SQL naming the server's brokers", async () => {
    const answer = CompileResponseSchema.parse(await post('/api/compile', { document: revenueDocument('rev'), target: 'flink-sql' }));
    expect(answer.ok).toBe(true);
    expect(answer.sql).toContain("'properties.bootstrap.servers' = 'broker-a:9092,broker-b:9092'");
    expect(answer.sql).toContain('TUMBLE');
  });

  it('answers the problems of a document that does not compile for the target', async () => {
    const bad = CompileResponseSchema.parse(await post('/api/compile', { document: draftWithProblem('rev'), target: 'flink-sql' }));
    expect(bad).toMatchObject({ ok: false, target: 'flink-sql', problems: [expect.objectContaining({ code: 'UNKNOWN_FIELD' })] });
    expect(bad.sql).toBeUndefined();
  });
});
