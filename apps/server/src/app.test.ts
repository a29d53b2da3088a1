import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, HealthSchema } from '@weir/protocol';
import type { WeirApp } from './app';
import type { WeirConfig } from './config';
import { startTestApp, type TestApp } from './testing/test-app';

let webDir: string;
let harness: TestApp | undefined;

beforeAll(() => {
  webDir = mkdtempSync(join(tmpdir(), 'weir-web-'));
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Weir test shell</title><div id="root"></div>');
  writeFileSync(join(webDir, 'assets', 'app-1a2b.js'), 'console.log("app")');
});
afterAll(() => rmSync(webDir, { recursive: true, force: true }));
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(overrides: Partial<WeirConfig> = {}): Promise<WeirApp> {
  // No KAFKA_BROKERS: the unit layer has no broker; Kafka answers are covered by cluster.int.test.ts.
  harness = await startTestApp({ config: { webDir, ...overrides } });
  return harness.app;
}

function errorOf(body: string) {
  return ApiErrorBodySchema.parse(JSON.parse(body)).error;
}

describe('GET /api/health', () => {
  it('answers status, version and uptime, and says Kafka is unreachable without brokers', async () => {
    const res = await (await start()).inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const health = HealthSchema.parse(res.json());
    expect(health.status).toBe('ok');
    expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(health.kafka.reachable).toBe(false);
  });
});

describe('GET /api/cluster without a broker', () => {
  it('answers 503 KAFKA_UNAVAILABLE saying why', async () => {
    await start();
    const res = await harness!.call(await harness!.login('viewer'), { method: 'GET', url: '/api/cluster' });
    expect(res.statusCode).toBe(503);
    const error = errorOf(res.body);
    expect(error.code).toBe('KAFKA_UNAVAILABLE');
    expect(error.message).toContain('KAFKA_BROKERS');
  });

  it('rejects a bad query value with 400 BAD_REQUEST naming the field', async () => {
    await start();
    const res = await harness!.call(await harness!.login('viewer'), { method: 'GET', url: '/api/cluster?includeInternal=maybe' });
    expect(res.statusCode).toBe(400);
    const error = errorOf(res.body);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('includeInternal');
    expect(error.details).toMatchObject({ location: 'querystring', issues: [{ field: 'includeInternal' }] });
  });
});

describe('unknown paths', () => {
  it('answers JSON 404 NOT_FOUND naming the path under /api', async () => {
    const a = await start();
    for (const [method, url] of [['GET', '/api/nope'], ['POST', '/api/pipelines/x'], ['GET', '/api']] as const) {
      const res = await a.inject({ method, url });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/json');
      const error = errorOf(res.body);
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toContain(url);
    }
  });

  it('answers JSON 404 for a missing asset instead of the app page', async () => {
    const res = await (await start()).inject({ method: 'GET', url: '/assets/missing-9z.js' });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res.body).code).toBe('NOT_FOUND');
  });
});

describe('the web app', () => {
  it('serves index.html at / and for every app route (history-API fallback)', async () => {
    const a = await start();
    for (const url of ['/', '/pipelines', '/kafka', '/jobs/some-id?tab=metrics']) {
      const res = await a.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('Weir test shell');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets with a long cache', async () => {
    const res = await (await start()).inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log("app")');
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('points at the build step when the app is not built', async () => {
    const res = await (await start({ webDir: join(webDir, 'absent') })).inject({ method: 'GET', url: '/kafka' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:web');
  });
});

describe('protections', () => {
  it('sets security headers with a same-origin content security policy', async () => {
    const res = await (await start()).inject({ method: 'GET', url: '/' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('allows inline styles on the API reference pages only', async () => {
    const a = await start();
    const docs = await a.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    const csp = String(docs.headers['content-security-policy']);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self';");
  });

  it('refuses a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const a = await start({ bodyLimit: 1024 });
    // A route that accepts a body; the limit is the app's, applied before any handler runs.
    a.post('/api/test-body', async (req) => ({ size: JSON.stringify(req.body).length }));
    const small = await a.inject({ method: 'POST', url: '/api/test-body', payload: { text: 'x'.repeat(100) } });
    expect(small.statusCode).toBe(200);
    const big = await a.inject({ method: 'POST', url: '/api/test-body', payload: { text: 'x'.repeat(2048) } });
    expect(big.statusCode).toBe(413);
    expect(errorOf(big.body).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('limits the request rate per client with 429 RATE_LIMITED', async () => {
    const a = await start({ rateLimitMax: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await a.inject({ method: 'GET', url: '/api/health' })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const res = await a.inject({ method: 'GET', url: '/api/health' });
    expect(errorOf(res.body).code).toBe('RATE_LIMITED');
  });
});

describe('API documentation', () => {
  it('publishes an OpenAPI document listing the routes with their schemas', async () => {
    const res = await (await start()).inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { paths: Record<string, { get?: { parameters?: Array<{ name: string }> } }> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/cluster']));
    expect(doc.paths['/api/cluster']!.get!.parameters!.map((p) => p.name)).toContain('includeInternal');
  });
});
