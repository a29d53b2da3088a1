import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { CSRF_HEADER, CSRF_HEADER_VALUE, type Role, type User } from '@weir/protocol';
import { buildApp, type AppOptions, type WeirApp } from '../app';
import { loadConfig, type WeirConfig } from '../config';

/** A signed-in user of a test app: their session cookie and who they are. */
export interface TestSession {
  user: User;
  cookie: string;
}

export interface TestApp {
  app: WeirApp;
  dataDir: string;
  /** Creates a user with `role` and logs them in through POST /api/auth/login. */
  login(role: Role, name?: string): Promise<TestSession>;
  /** inject() as `session` (none: anonymous), with the CSRF header on mutating calls. */
  call(session: TestSession | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface TestAppOptions extends AppOptions {
  config?: Partial<WeirConfig>;
  env?: Record<string, string | undefined>;
}

/**
 * A whole server on a throwaway data directory (SQLite there unless `env.DATABASE_URL`),
 * without a web build or Kafka unless the options give them.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  // A given data directory belongs to the caller (a test restarting a server on it); a made one is removed on close.
  const ownDir = options.config?.dataDir === undefined;
  const dataDir = options.config?.dataDir ?? mkdtempSync(join(tmpdir(), 'weir-server-'));
  const config = loadConfig(options.env ?? {}, {
    dataDir,
    webDir: join(dataDir, 'no-web'),
    logLevel: 'silent',
    loginRateLimitMax: 1000,
    ...options.config,
  });
  const { config: _c, env: _e, ...appOptions } = options;
  const app = await buildApp(config, appOptions);

  async function call(session: TestSession | null, inject: InjectOptions): Promise<LightMyRequestResponse> {
    const method = (inject.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = { ...(inject.headers as Record<string, string> | undefined) };
    if (session) headers.cookie = session.cookie;
    if (!['GET', 'HEAD', 'OPTIONS'].includes(method) && !(CSRF_HEADER in headers)) headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
    return app.inject({ ...inject, headers });
  }

  return {
    app,
    dataDir,
    call,
    async login(role, name = `${role}-${randomUUID().slice(0, 6)}`) {
      const row = { id: randomUUID(), name, role, createdAt: app.now() };
      await app.store.users.insert(row);
      const link = await app.auth.issueLoginToken(app.store, row, 'http://weir.test');
      const res = await call(null, { method: 'POST', url: '/api/auth/login', payload: { token: link.token } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'weir_session');
      if (!cookie) throw new Error('login set no session cookie');
      return { user: { id: row.id, name, role }, cookie: `weir_session=${cookie.value}` };
    },
    async close() {
      await app.close();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
