import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorBodySchema, AuditResponseSchema, JobRecordSchema, PipelineRecordSchema, UserLoginLinkResponseSchema,
} from '@weir/protocol';
import { revenueDocument } from '../testing/documents';
import { FakeEngine } from '../testing/fake-engine';
import { parseRouteTree, type RouteEntry } from '../testing/route-table';
import { startTestApp, type TestApp, type TestSession } from '../testing/test-app';

// Routes anyone may call: how a person checks the server is up, and how a session begins.
const PUBLIC = new Set(['GET /api/health', 'POST /api/auth/login']);
// POSTs that change nothing: they compute an answer from the body.
const READ_ONLY_POSTS = new Set(['POST /api/validate', 'POST /api/compile']);

let t: TestApp;
let routes: RouteEntry[];

beforeAll(async () => {
  t = await startTestApp({ engines: [{ name: 'embedded', engine: new FakeEngine(), reason: null }], config: { kafkaBrokers: '127.0.0.1:1' } });
  await t.app.ready();
  routes = parseRouteTree(t.app.printRoutes({ commonPrefix: false }))
    .filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
});
afterAll(async () => t?.close());

const key = (r: RouteEntry) => `${r.method} ${r.url}`;
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, randomUUID());

describe('the route table', () => {
  it('has the routes of the REST contract', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.map(key)).toEqual(expect.arrayContaining([
      'POST /api/auth/login', 'GET /api/auth/me', 'POST /api/auth/logout', 'GET /api/pipelines', 'POST /api/pipelines',
      'GET /api/pipelines/:id', 'PUT /api/pipelines/:id', 'DELETE /api/pipelines/:id', 'GET /api/pipelines/:id/versions',
      'GET /api/pipelines/:id/diff', 'POST /api/validate', 'POST /api/compile', 'POST /api/pipelines/:id/deploy', 'GET /api/jobs',
      'GET /api/jobs/:id', 'POST /api/jobs/:id/stop', 'POST /api/jobs/:id/restart', 'GET /api/jobs/:id/metrics', 'GET /api/engines',
      'GET /api/users', 'POST /api/users', 'PATCH /api/users/:id', 'DELETE /api/users/:id', 'GET /api/audit',
    ]));
  });

  it('refuses every route but health and login without a session: 401 UNAUTHENTICATED', async () => {
    const guarded = routes.filter((r) => !PUBLIC.has(key(r)));
    for (const r of guarded) {
      for (const withCsrf of [true, false]) {
        const res = await t.app.inject({
          method: r.method as 'GET',
          url: concrete(r.url),
          headers: withCsrf ? { 'x-weir-csrf': '1' } : {},
          ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: {} }),
        });
        expect(res.statusCode, `${key(r)} csrf=${withCsrf}`).toBe(401);
        expect(ApiErrorBodySchema.parse(res.json()).error.code).toBe('UNAUTHENTICATED');
      }
    }
  });

  it('refuses every route with a forged or expired cookie too', async () => {
    for (const r of routes.filter((x) => !PUBLIC.has(key(x)))) {
      const res = await t.app.inject({ method: r.method as 'GET', url: concrete(r.url), headers: { cookie: 'weir_session=forged', 'x-weir-csrf': '1' } });
      expect(res.statusCode, key(r)).toBe(401);
    }
  });

  it('publishes every API route in the OpenAPI document with a tag and its responses', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, { tags?: string[]; responses?: Record<string, unknown> }>>;
    };
    for (const r of routes) {
      const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const op = doc.paths[path]?.[r.method.toLowerCase()];
      expect(op, key(r)).toBeDefined();
      expect(op!.tags?.length, key(r)).toBeGreaterThan(0);
      expect(Object.keys(op!.responses ?? {}), key(r)).toContain('200');
    }
  });
});

describe('the audit log', () => {
  it('has a row for every mutating route of the route table', async () => {
    const admin = await t.login('admin', `ada-${randomUUID().slice(0, 4)}`);
    const call = (s: TestSession | null, method: string, url: string, payload?: object) =>
      t.call(s, { method: method as 'POST', url, ...(payload ? { payload } : {}) });

    // One step per mutating route, each performing it for real; the actions it must log.
    const created = PipelineRecordSchema.parse((await call(admin, 'POST', '/api/pipelines', { document: revenueDocument(`audit-${Date.now()}`) })).json());
    const steps: Record<string, { run: () => Promise<{ statusCode: number; body: string }>; action: string }> = {
      'POST /api/auth/login': {
        action: 'auth.login',
        run: async () => {
          const row = { id: randomUUID(), name: `l-${randomUUID().slice(0, 6)}`, role: 'viewer' as const, createdAt: Date.now() };
          await t.app.store.users.insert(row);
          const link = await t.app.auth.issueLoginToken(t.app.store, row, 'http://x');
          return call(null, 'POST', '/api/auth/login', { token: link.token });
        },
      },
      'POST /api/auth/logout': { action: 'auth.logout', run: async () => call(await t.login('viewer'), 'POST', '/api/auth/logout') },
      'POST /api/pipelines': { action: 'pipeline.create', run: () => call(admin, 'POST', '/api/pipelines', { document: revenueDocument(`a-${Date.now()}`) }) },
      'PUT /api/pipelines/:id': { action: 'pipeline.update', run: () => call(admin, 'PUT', `/api/pipelines/${created.id}`, { baseVersion: 1, document: created.document }) },
      'POST /api/pipelines/:id/deploy': { action: 'job.deploy', run: () => call(admin, 'POST', `/api/pipelines/${created.id}/deploy`, { engine: 'embedded' }) },
      'POST /api/jobs/:id/stop': { action: 'job.stop', run: async () => call(admin, 'POST', `/api/jobs/${await lastJob()}/stop`) },
      'POST /api/jobs/:id/restart': { action: 'job.restart', run: async () => call(admin, 'POST', `/api/jobs/${await lastJob()}/restart`) },
      'DELETE /api/pipelines/:id': {
        action: 'pipeline.delete',
        run: async () => {
          await call(admin, 'POST', `/api/jobs/${await lastJob()}/stop`);
          return call(admin, 'DELETE', `/api/pipelines/${created.id}`);
        },
      },
      'POST /api/users': { action: 'user.create', run: () => call(admin, 'POST', '/api/users', { name: `n-${randomUUID().slice(0, 6)}`, role: 'viewer' }) },
      'POST /api/users/:id/login-link': { action: 'user.login-link', run: async () => call(admin, 'POST', `/api/users/${await newUser()}/login-link`) },
      'PATCH /api/users/:id': { action: 'user.update', run: async () => call(admin, 'PATCH', `/api/users/${await newUser()}`, { role: 'operator' }) },
      'DELETE /api/users/:id': { action: 'user.delete', run: async () => call(admin, 'DELETE', `/api/users/${await newUser()}`) },
    };
    async function lastJob(): Promise<string> {
      const list = (await call(admin, 'GET', `/api/jobs?pipelineId=${created.id}`)).json() as { jobs: unknown[] };
      return JobRecordSchema.parse(list.jobs[0]).id;
    }
    async function newUser(): Promise<string> {
      const res = await call(admin, 'POST', '/api/users', { name: `n-${randomUUID().slice(0, 6)}`, role: 'viewer' });
      return UserLoginLinkResponseSchema.parse(res.json()).user.id;
    }

    // The Kafka console's mutations need a live broker: their audit rows are asserted in
    // routes/api/kafka/{connections.test,topics.int.test,groups.int.test}.ts.
    const mutating = routes
      .filter((r) => r.method !== 'GET' && !READ_ONLY_POSTS.has(key(r)) && !r.url.startsWith('/api/kafka/'))
      .map(key).sort();
    expect(Object.keys(steps).sort(), 'a new mutating route needs a step here, and an audit row').toEqual(mutating);

    for (const [route, step] of Object.entries(steps)) {
      const before = AuditResponseSchema.parse((await call(admin, 'GET', '/api/audit?limit=1')).json()).entries[0]?.id ?? 0;
      const res = await step.run();
      expect(res.statusCode, `${route}: ${res.body}`).toBe(200);
      const log = AuditResponseSchema.parse((await call(admin, 'GET', '/api/audit?limit=50')).json());
      const fresh = log.entries.filter((e) => e.id > before).map((e) => e.action);
      expect(fresh, route).toContain(step.action);
    }
  });
});
