import type { ApiErrorCode } from '@weir/protocol';

/** An error a route or service raises on purpose; the error handler answers it as it is. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}
