import type { APIRequestContext } from '@playwright/test';
import { CSRF_HEADER, CSRF_HEADER_VALUE, SessionResponseSchema, type User } from '@weir/protocol';

/** Every mutating request carries it (docs/security.md); login included. */
export const CSRF = { [CSRF_HEADER]: CSRF_HEADER_VALUE };

/** A browser context or request context with no session: `{ storageState: NO_SESSION }`. */
export const NO_SESSION = { cookies: [], origins: [] };

/**
 * Exchanges a one-time login token for a session, which lands in `request`'s cookie jar
 * (a browser context's `context.request` shares the context's cookies).
 */
export async function logIn(request: APIRequestContext, token: string): Promise<User> {
  const res = await request.post('/api/auth/login', { data: { token }, headers: CSRF });
  if (res.status() === 429) {
    throw new Error('POST /api/auth/login answered 429 RATE_LIMITED: the server takes 10 logins a minute per address; log fewer users in per spec.');
  }
  if (!res.ok()) throw new Error(`POST /api/auth/login answered ${res.status()}: ${await res.text()}`);
  return SessionResponseSchema.parse(await res.json()).user;
}

/** The login token in a login link (`…/login?token=…`). */
export function tokenOf(url: string): string {
  const token = new URL(url).searchParams.get('token');
  if (!token) throw new Error(`no token in the login link ${url}`);
  return token;
}
