import { ApiError, isApiError } from '../../api-error';

/** Kafka's error name (e.g. TOPIC_ALREADY_EXISTS) somewhere in a kafkajs error, or null. */
export function kafkaErrorType(err: unknown, depth = 0): string | null {
  if (!err || typeof err !== 'object' || depth > 4) return null;
  const e = err as { type?: unknown; cause?: unknown; originalError?: unknown; errors?: unknown };
  if (typeof e.type === 'string') return e.type;
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors) {
      const t = kafkaErrorType(inner, depth + 1);
      if (t) return t;
    }
  }
  return kafkaErrorType(e.cause, depth + 1) ?? kafkaErrorType(e.originalError, depth + 1);
}

const NOT_FOUND = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'GROUP_ID_NOT_FOUND']);
const REJECTED = new Set([
  'INVALID_REPLICATION_FACTOR', 'INVALID_PARTITIONS', 'INVALID_CONFIG', 'POLICY_VIOLATION', 'INVALID_TOPIC_EXCEPTION',
  'INVALID_REQUEST', 'TOPIC_AUTHORIZATION_FAILED', 'GROUP_AUTHORIZATION_FAILED', 'CLUSTER_AUTHORIZATION_FAILED',
  'TOPIC_DELETION_DISABLED', 'MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD', 'UNSUPPORTED_VERSION',
  'NON_EMPTY_GROUP', 'UNKNOWN_MEMBER_ID', 'ILLEGAL_GENERATION', 'REBALANCE_IN_PROGRESS', 'INVALID_COMMIT_OFFSET_SIZE',
  'OFFSET_METADATA_TOO_LARGE', 'INVALID_REPLICA_ASSIGNMENT', 'THROTTLING_QUOTA_EXCEEDED', 'UNSUPPORTED_COMPRESSION_TYPE',
]);

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The answer for a failed Kafka call: Kafka's refusals keep their name (`details.kafkaError`)
 * and say what was asked; anything else means the cluster could not be reached.
 */
export function toApiError(err: unknown, what: string, cluster: string): ApiError {
  if (isApiError(err)) return err;
  const type = kafkaErrorType(err);
  if (type === 'TOPIC_ALREADY_EXISTS') return new ApiError(409, 'TOPIC_EXISTS', `${what}: the topic exists already.`);
  if (type && NOT_FOUND.has(type)) return new ApiError(404, 'NOT_FOUND', `${what}: not found on cluster ${cluster} (${type}).`, { kafkaError: type });
  if (type && REJECTED.has(type)) return new ApiError(422, 'KAFKA_REJECTED', `${what}: Kafka refused it (${type}): ${reasonOf(err)}`, { kafkaError: type });
  return new ApiError(503, 'KAFKA_UNAVAILABLE', `Kafka cluster ${cluster} is unavailable (${what}): ${reasonOf(err)}`);
}
