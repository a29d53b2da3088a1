import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, AuditResponseSchema, ConnectionListSchema, ConnectionSchema } from '@weir/protocol';
import { startTestApp, type TestApp, type TestSession } from '../../../testing/test-app';

let t: TestApp;
let viewer: TestSession;
let admin: TestSession;
const url = '/api/kafka/connections';
const SECRET = 'pa55-w0rd-that-must-not-leak';
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

beforeAll(async () => {
  t = await startTestApp({ config: { kafkaBrokers: '127.0.0.1:1' } });
  [viewer, admin] = await Promise.all([t.login('viewer'), t.login('admin')]);
});
afterAll(async () => t?.close());

const call = (s: TestSession, method: string, path: string, payload?: object) => t.call(s, { method: method as 'GET', url: path, ...(payload ? { payload } : {}) });
const code = (body: string) => ApiErrorBodySchema.parse(JSON.parse(body)).error.code;

describe('Kafka connections', () => {
  it('start with the built-in default from KAFKA_BROKERS', async () => {
    const list = ConnectionListSchema.parse((await call(viewer, 'GET', url)).json());
    expect(list.connections).toEqual([{ name: 'default', bootstrapServers: '127.0.0.1:1', sasl: null, tls: { enabled: false, hasCa: false }, builtIn: true, createdAt: null, updatedAt: null }]);
  });

  it('are created by admins only, and never show the password', async () => {
    const body = {
      name: 'prod', bootstrapServers: 'kafka-1.example.com:9093, kafka-2.example.com:9093',
      sasl: { mechanism: 'scram-sha-512', username: 'weir', password: SECRET }, tls: { enabled: true, caPem: PEM },
    };
    const refused = await call(viewer, 'POST', url, body);
    expect(refused.statusCode).toBe(403);
    const res = await call(admin, 'POST', url, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain(SECRET);
    expect(ConnectionSchema.parse(res.json())).toMatchObject({
      name: 'prod', bootstrapServers: 'kafka-1.example.com:9093,kafka-2.example.com:9093',
      sasl: { mechanism: 'scram-sha-512', username: 'weir', hasPassword: true }, tls: { enabled: true, hasCa: true }, builtIn: false,
    });
    const list = await call(viewer, 'GET', url);
    expect(list.body).not.toContain(SECRET);
    expect(ConnectionListSchema.parse(list.json()).connections.map((c) => c.name)).toEqual(['default', 'prod']);
    expect((await call(admin, 'POST', url, body)).statusCode).toBe(409);
  });

  it('keep the password encrypted at rest, and readable only with the data directory key', async () => {
    const row = await t.app.store.kafkaConnections.get('prod');
    expect(row!.saslPassword).toMatch(/^v1:/);
    expect(row!.saslPassword).not.toContain(SECRET);
    const settings = await t.app.kafka.connections.settings('prod');
    expect(settings.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'weir', password: SECRET });
    expect(settings.tls).toEqual({ ca: PEM });
  });

  it('keep the stored password and CA when an update leaves them out', async () => {
    const res = await call(admin, 'PUT', `${url}/prod`, { name: 'prod', bootstrapServers: 'kafka-3.example.com:9093', sasl: { mechanism: 'plain', username: 'weir2' }, tls: { enabled: true } });
    expect(res.statusCode, res.body).toBe(200);
    expect(ConnectionSchema.parse(res.json())).toMatchObject({ sasl: { mechanism: 'plain', username: 'weir2', hasPassword: true }, tls: { hasCa: true } });
    expect((await t.app.kafka.connections.settings('prod')).sasl).toEqual({ mechanism: 'plain', username: 'weir2', password: SECRET });
    const noCa = ConnectionSchema.parse((await call(admin, 'PUT', `${url}/prod`, { name: 'prod', bootstrapServers: 'kafka-3.example.com:9093', sasl: null, tls: { enabled: true, caPem: null } })).json());
    expect(noCa).toMatchObject({ sasl: null, tls: { enabled: true, hasCa: false } });
  });

  it('refuse bad settings with the field named, renames, and changes to the built-in default', async () => {
    const bad = await call(admin, 'POST', url, { name: 'x', bootstrapServers: 'no-port-here' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('bootstrapServers');
    const noPassword = await call(admin, 'POST', url, { name: 'y', bootstrapServers: 'a:1', sasl: { mechanism: 'plain', username: 'u' } });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.body).toContain('sasl.password');
    // No raw client properties: a key the schema does not name is refused, not passed on.
    const rawProps = await call(admin, 'POST', url, { name: 'z', bootstrapServers: 'a:1', properties: { 'sasl.jaas.config': 'x' } });
    expect(rawProps.statusCode).toBe(400);
    expect(await t.app.store.kafkaConnections.get('z')).toBeUndefined();
    const rename = await call(admin, 'PUT', `${url}/prod`, { name: 'other', bootstrapServers: 'a:1' });
    expect(rename.statusCode).toBe(400);
    const builtIn = await call(admin, 'PUT', `${url}/default`, { name: 'default', bootstrapServers: 'a:1' });
    expect(builtIn.statusCode).toBe(409);
    expect(code(builtIn.body)).toBe('CONNECTION_BUILT_IN');
    expect(code((await call(admin, 'DELETE', `${url}/default`)).body)).toBe('CONNECTION_BUILT_IN');
  });

  it('are deleted by admins, with each change in the audit log', async () => {
    expect((await call(viewer, 'DELETE', `${url}/prod`)).statusCode).toBe(403);
    expect((await call(admin, 'DELETE', `${url}/prod`)).statusCode).toBe(200);
    expect((await call(admin, 'DELETE', `${url}/prod`)).statusCode).toBe(404);
    const log = AuditResponseSchema.parse((await call(admin, 'GET', '/api/audit?limit=50')).json());
    const actions = log.entries.filter((e) => e.target === 'kafka-connection:prod').map((e) => e.action);
    expect(actions).toEqual(['kafka-connection.delete', 'kafka-connection.update', 'kafka-connection.update', 'kafka-connection.create']);
    expect(JSON.stringify(log.entries)).not.toContain(SECRET);
  });

  it('can be tried before saving: an unreachable cluster says why', async () => {
    const res = await call(admin, 'POST', `${url}/test`, { name: 'try', bootstrapServers: '127.0.0.1:1' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, brokers: 0 });
    expect((await call(viewer, 'POST', `${url}/test`, { name: 'try', bootstrapServers: '127.0.0.1:1' })).statusCode).toBe(403);
  });
});
