import type { JobError } from '@weir/model';

/**
 * A job's failure from a thrown error: the engine's own stable code when the error carries
 * one (FLINK_SQL_ERROR, FLINK_START_FAILED, ENGINE_UNAVAILABLE, …), else `fallback`.
 */
export function jobErrorOf(fallback: string, err: unknown, time: number): JobError {
  const code = (err as { code?: unknown } | null)?.code;
  return {
    code: typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code) ? code : fallback,
    message: err instanceof Error ? err.message : String(err),
    time,
  };
}
