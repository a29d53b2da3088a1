import { SessionResponseSchema, type SessionResponse } from '@weir/protocol';
import { apiGet, apiSend } from './client';

/** Exchanges the one-time token of a login link for a session cookie. */
export function login(token: string): Promise<SessionResponse> {
  return apiSend('POST', '/api/auth/login', { token }, SessionResponseSchema, { expectUnauthorized: true });
}

/** The signed-in user; 401 UNAUTHENTICATED without a session. */
export function fetchMe(signal?: AbortSignal): Promise<SessionResponse> {
  return apiGet('/api/auth/me', SessionResponseSchema, { signal, expectUnauthorized: true });
}

export function logout(): Promise<void> {
  return apiSend('POST', '/api/auth/logout', undefined, null, { expectUnauthorized: true });
}
