/**
 * Stable codes of the failures the embedded runtime reports (a job's `error.code`, a
 * dead letter's `weir.error.code` header). Messages name the node, topic, field or table.
 */
export const RUNTIME_ERROR_CODES = [
  /** A record's bytes do not fit the source's format or schema. */
  'DECODE_FAILED',
  /** An expression or an event-time field failed on one record. */
  'EVAL_FAILED',
  /** The plan cannot be run as given (a compiler bug or a hand-edited plan). */
  'BAD_PLAN',
  'BROKER_UNREACHABLE',
  'TOPIC_NOT_FOUND',
  /** A node names a Kafka cluster or PostgreSQL connection the deployment did not configure. */
  'CONNECTION_MISSING',
  'SOURCE_FAILED',
  'SINK_FAILED',
  'DEAD_LETTER_FAILED',
  'STOP_TIMEOUT',
  'SAVEPOINTS_UNAVAILABLE',
  'WORKER_FAILED',
  /** The checkpoint a job must resume from is missing or unreadable. */
  'CHECKPOINT_MISSING',
  /** A snapshot does not fit the operator it is restored into (the pipeline changed). */
  'CHECKPOINT_INCOMPATIBLE',
  /** Exactly-once: another instance of the job took over its transactional id. */
  'PRODUCER_FENCED',
  'INTERNAL',
] as const;
export type RuntimeErrorCode = (typeof RUNTIME_ERROR_CODES)[number];

export class RuntimeError extends Error {
  override readonly name = 'RuntimeError';

  constructor(
    readonly code: RuntimeErrorCode,
    message: string,
    readonly node?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isRuntimeError(err: unknown): err is RuntimeError {
  return err instanceof RuntimeError;
}

/** The message of any thrown value, for error reports. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
