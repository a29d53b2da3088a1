import { afterEach, describe, expect, it, vi } from 'vitest';
import { HealthSchema } from '@weir/protocol';
import { apiGet, ApiRequestError } from './client';

// The transport is replaced; what is under test is how answers are checked and turned into errors.
function answer(status: number, body: unknown) {
  vi.stubGlobal('fetch', async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }));
}

async function failure(p: Promise<unknown>): Promise<ApiRequestError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiRequestError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiGet', () => {
  it('returns the parsed body when it matches the schema', async () => {
    answer(200, { status: 'ok', version: '0.1.0', uptimeSeconds: 3, kafka: { reachable: true } });
    await expect(apiGet('/api/health', HealthSchema)).resolves.toEqual({
      status: 'ok',
      version: '0.1.0',
      uptimeSeconds: 3,
      kafka: { reachable: true },
    });
  });

  it('turns the server error shape into an ApiRequestError with its code', async () => {
    answer(503, { error: { code: 'KAFKA_UNAVAILABLE', message: 'Kafka is unavailable' } });
    const err = await failure(apiGet('/api/cluster', HealthSchema));
    expect(err).toMatchObject({ status: 503, code: 'KAFKA_UNAVAILABLE', message: 'Kafka is unavailable' });
  });

  it('rejects an answer of the wrong shape naming the field', async () => {
    answer(200, { status: 'ok', version: 1, uptimeSeconds: 3, kafka: { reachable: true } });
    const err = await failure(apiGet('/api/health', HealthSchema));
    expect(err.code).toBe('BAD_RESPONSE');
    expect(err.message).toContain('version');
  });

  it('reports a body that is not JSON', async () => {
    answer(502, '<html>Bad gateway</html>');
    expect((await failure(apiGet('/api/health', HealthSchema))).code).toBe('BAD_RESPONSE');
  });

  it('reports a server that does not answer as NETWORK', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    expect((await failure(apiGet('/api/health', HealthSchema))).code).toBe('NETWORK');
  });
});
