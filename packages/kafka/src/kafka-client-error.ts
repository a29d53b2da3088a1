/** Stable codes of the errors @weir/kafka raises itself (kafkajs' own errors are re-exported as they are). */
export const KAFKA_CLIENT_ERROR_CODES = [
  'BAD_BROKERS',
  'BROKER_UNREACHABLE',
  'BAD_TOPIC',
  'TOPIC_CREATE_FAILED',
  'NO_TEST_BROKERS',
] as const;
export type KafkaClientErrorCode = (typeof KAFKA_CLIENT_ERROR_CODES)[number];

export class KafkaClientError extends Error {
  override readonly name = 'KafkaClientError';
  readonly code: KafkaClientErrorCode;

  constructor(code: KafkaClientErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isKafkaClientError(err: unknown, code?: KafkaClientErrorCode): err is KafkaClientError {
  return err instanceof KafkaClientError && (code === undefined || err.code === code);
}
