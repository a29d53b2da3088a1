// For integration tests only: imports vitest.
import { inject } from 'vitest';
import { KafkaClientError } from './kafka-client-error';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Bootstrap list of the broker scripts/vitest-global-kafka.ts started or found. */
    kafkaBrokers: string;
  }
}

/**
 * The brokers of the integration project's global setup. The setup also sets
 * `KAFKA_BROKERS`, which workers inherit; `inject` covers pools that do not pass env on.
 */
export function testBrokers(): string {
  const brokers = process.env.KAFKA_BROKERS || inject('kafkaBrokers');
  if (!brokers) {
    throw new KafkaClientError(
      'NO_TEST_BROKERS',
      'No test broker: run integration tests with `vitest run --project integration` (its global setup provides KAFKA_BROKERS)',
    );
  }
  return brokers;
}

/** A topic or group name unique to this run, so reruns never see old data. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
