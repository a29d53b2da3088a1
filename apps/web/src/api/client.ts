import { ApiErrorBodySchema, CSRF_HEADER, CSRF_HEADER_VALUE } from '@weir/protocol';

/** The part of a zod schema the client needs; keeps zod itself out of the browser's imports. */
export interface ResponseSchema<T> {
  safeParse(data: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

/**
 * A failed call. `code` is the server's (`KAFKA_UNAVAILABLE`, `BAD_REQUEST`, …) or one of
 * the client's own: `NETWORK` (no answer) and `BAD_RESPONSE` (an answer of the wrong shape).
 */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Any failure of a call as an ApiRequestError: the server's own, or a client-side one (CLIENT). */
export function asApiError(err: unknown): ApiRequestError {
  if (err instanceof ApiRequestError) return err;
  return new ApiRequestError(0, 'CLIENT', err instanceof Error ? err.message : String(err));
}

/** A failure as one line for a form: the server's message with its code. */
export function errorText(err: unknown): string {
  return err instanceof ApiRequestError ? `${err.message} (${err.code})` : String(err);
}

function describeIssue(issue: { path: ReadonlyArray<PropertyKey>; message: string }): string {
  const at = issue.path.map(String).join('.');
  return at ? `${at}: ${issue.message}` : issue.message;
}

type UnauthorizedListener = (error: ApiRequestError) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/**
 * Called whenever a request is refused for want of a session (401), so the app can send the
 * person to the login page; returns the unsubscribe function.
 */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export interface RequestOptions {
  signal?: AbortSignal | undefined;
  /** A 401 is this call's own answer (a refused login token), not a lost session. */
  expectUnauthorized?: boolean;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request<T>(method: Method, path: string, body: unknown, schema: ResponseSchema<T> | null, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // Mutations carry the CSRF header, which a cross-site form cannot set.
  if (method !== 'GET') headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw new ApiRequestError(0, 'NETWORK', 'The Weir server does not answer. Is `weir up` still running?');
  }
  let json: unknown;
  const text = res.status === 204 ? '' : await res.text().catch(() => '');
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new ApiRequestError(res.status, 'BAD_RESPONSE', `${method} ${path} answered ${res.status} with a body that is not JSON`);
  }
  if (!res.ok) {
    const failure = ApiErrorBodySchema.safeParse(json);
    const error = failure.success
      ? new ApiRequestError(res.status, failure.data.error.code, failure.data.error.message, failure.data.error.details)
      : new ApiRequestError(res.status, 'BAD_RESPONSE', `${method} ${path} failed with HTTP ${res.status}`);
    if (res.status === 401 && !options.expectUnauthorized) for (const listener of unauthorizedListeners) listener(error);
    throw error;
  }
  if (schema === null) return undefined as T;
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ApiRequestError(
      res.status,
      'BAD_RESPONSE',
      `${method} ${path} answered in an unexpected shape${first ? ` (${describeIssue(first)})` : ''}`,
    );
  }
  return parsed.data;
}

/** GET a JSON resource and check it against the protocol schema the server answers with. */
export function apiGet<T>(path: string, schema: ResponseSchema<T>, init: RequestOptions = {}): Promise<T> {
  return request('GET', path, undefined, schema, init);
}

/** POST, PUT, PATCH or DELETE with a JSON body; `schema` null for an answer the caller ignores. */
export function apiSend<T>(method: Exclude<Method, 'GET'>, path: string, body: unknown, schema: ResponseSchema<T> | null, init: RequestOptions = {}): Promise<T> {
  return request(method, path, body, schema, init);
}
