import { FlinkError } from './flink-error';

export interface JsonResponse {
  status: number;
  ok: boolean;
  /** The body parsed as JSON; a body that is not JSON (a proxy's error page) as `{ errors: [text] }`. */
  body: unknown;
  text: string;
}

/**
 * One call to a Flink HTTP API (the REST API or the SQL Gateway). A server that does not
 * answer is FLINK_UNREACHABLE naming `what` and the call; any answer is returned as it came.
 */
export async function requestJson(what: string, baseUrl: string, method: string, path: string, body: unknown, timeoutMs: number): Promise<JsonResponse> {
  let res: Response;
  try {
    res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    throw new FlinkError('FLINK_UNREACHABLE', `${what} at ${baseUrl} did not answer ${method} ${path}: ${(err as Error).message}`, { cause: err });
  }
  const text = await res.text();
  let parsed: unknown = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { errors: [text] };
  }
  return { status: res.status, ok: res.ok, body: parsed, text };
}
