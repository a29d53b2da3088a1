import { ApiErrorBodySchema } from '@weir/protocol';

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

function describeIssue(issue: { path: ReadonlyArray<PropertyKey>; message: string }): string {
  const at = issue.path.map(String).join('.');
  return at ? `${at}: ${issue.message}` : issue.message;
}

/** GET a JSON resource and check it against the protocol schema the server answers with. */
export async function apiGet<T>(path: string, schema: ResponseSchema<T>, init: { signal?: AbortSignal } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: 'application/json' }, signal: init.signal ?? null });
  } catch (err) {
    if (init.signal?.aborted) throw err;
    throw new ApiRequestError(0, 'NETWORK', 'The Weir server does not answer. Is `weir up` still running?');
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new ApiRequestError(res.status, 'BAD_RESPONSE', `GET ${path} answered ${res.status} with a body that is not JSON`);
  }
  if (!res.ok) {
    const failure = ApiErrorBodySchema.safeParse(json);
    if (failure.success) {
      const { code, message, details } = failure.data.error;
      throw new ApiRequestError(res.status, code, message, details);
    }
    throw new ApiRequestError(res.status, 'BAD_RESPONSE', `GET ${path} failed with HTTP ${res.status}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ApiRequestError(
      res.status,
      'BAD_RESPONSE',
      `GET ${path} answered in an unexpected shape${first ? ` (${describeIssue(first)})` : ''}`,
    );
  }
  return parsed.data;
}
