import { z } from 'zod';

/**
 * Codes the server answers with. Stable: the browser and scripts branch on them.
 * Later modules add their own codes here.
 */
export const API_ERROR_CODES = [
  'BAD_REQUEST',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'KAFKA_UNAVAILABLE',
  'INTERNAL',
  /** 401: no session, or it expired; log in again with a login link. */
  'UNAUTHENTICATED',
  /** 401: a login token that is unknown, already used or expired. */
  'INVALID_LOGIN_TOKEN',
  /** 403: the user's role is below the one the action needs (`details.required`). */
  'FORBIDDEN',
  /** 403: a mutating request without the `x-weir-csrf: 1` header. */
  'CSRF_REJECTED',
  /** 409: an update named a base version that is no longer the latest (`details.currentVersion`). */
  'VERSION_CONFLICT',
  /** 409: another pipeline (or user) already has this name. */
  'NAME_TAKEN',
  /** 409: the change would leave no admin. */
  'LAST_ADMIN',
  /** 409: stop asked of a job that has already ended. */
  'JOB_NOT_ACTIVE',
  /** 409: restart asked of a job that is still running; stop it first. */
  'JOB_ACTIVE',
  /** 409: the engine refused to stop the job (e.g. Flink cannot take a savepoint yet); it keeps running (`details.cause`: the engine's code). */
  'JOB_STOP_FAILED',
  /** 422: the pipeline version cannot run: `details.problems` lists why. */
  'PIPELINE_INVALID',
  /** 503: the engine cannot take jobs now (`details.reason`). */
  'ENGINE_UNAVAILABLE',
  /** 409: offsets can be reset only while the consumer group has no members (`details.state`). */
  'GROUP_NOT_EMPTY',
  /** 400: a destructive request whose `confirm` does not repeat the name of what it destroys. */
  'CONFIRMATION_MISMATCH',
  /** 409: a topic of that name exists already. */
  'TOPIC_EXISTS',
  /** 422: a message value that was to be checked as JSON does not parse (`details.line`, `details.column`). */
  'INVALID_JSON',
  /** 422: a search expression with problems (`details.problems`, as validation reports them). */
  'EXPRESSION_INVALID',
  /** 409: the `default` connection comes from KAFKA_BROKERS and cannot be changed through the API. */
  'CONNECTION_BUILT_IN',
  /** 422: Kafka refused the request (`details.kafkaError`, e.g. INVALID_REPLICATION_FACTOR). */
  'KAFKA_REJECTED',
] as const;
export const ApiErrorCodeSchema = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

/**
 * The body of every non-2xx answer. `code` is read as a plain string so that an older
 * browser still understands the shape of a code a newer server introduced.
 */
export const ApiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

/** Header every mutating request (POST, PUT, PATCH, DELETE) carries; see docs/security.md. */
export const CSRF_HEADER = 'x-weir-csrf';
export const CSRF_HEADER_VALUE = '1';
