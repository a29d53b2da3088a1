import type { IHeaders } from '@weir/kafka';
import type { ProduceResponse } from '@weir/protocol';
import { ApiError } from '../../../api-error';
import type { ClusterClients } from '../cluster-pool';
import { toApiError } from '../kafka-errors';
import { topicPartitions } from '../search/resolve-range';

export interface ProduceInput {
  key: string | null;
  value: string | null;
  headers: Array<{ key: string; value: string }>;
  partition: number | null;
  validateJson: boolean;
}

/** Line and column (1-based) of a JSON.parse error position in `text`. */
export function jsonErrorAt(text: string, message: string): { line: number; column: number } | null {
  const m = /position (\d+)/.exec(message);
  if (!m) return null;
  const pos = Math.min(Number(m[1]), text.length);
  const before = text.slice(0, pos).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Refuses a value that should be JSON and is not, saying where it stops being JSON. */
export function checkJson(value: string | null): void {
  if (value === null) throw new ApiError(422, 'INVALID_JSON', 'value: a null value is not JSON; untick "JSON" to send an empty (tombstone) message.');
  try {
    JSON.parse(value);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const at = jsonErrorAt(value, message);
    throw new ApiError(422, 'INVALID_JSON', `value is not JSON${at ? ` (line ${at.line}, column ${at.column})` : ''}: ${message}`, at ?? undefined);
  }
}

/** Writes one message, acknowledged by all in-sync replicas. */
export async function produceMessage(clients: ClusterClients, topic: string, input: ProduceInput): Promise<ProduceResponse> {
  if (input.validateJson) checkJson(input.value);
  await topicPartitions(clients.raw, topic, input.partition);
  const headers: IHeaders = {};
  for (const h of input.headers) {
    const existing = headers[h.key];
    headers[h.key] = existing === undefined ? h.value : [...(Array.isArray(existing) ? existing : [existing]), h.value] as string[];
  }
  try {
    const producer = await clients.producer();
    const [meta] = await producer.send({
      topic,
      acks: -1,
      messages: [{ key: input.key, value: input.value, headers, ...(input.partition !== null ? { partition: input.partition } : {}) }],
    });
    if (!meta) throw new Error('the broker acknowledged nothing');
    return { partition: meta.partition, offset: Number(meta.baseOffset ?? meta.offset ?? 0) };
  } catch (err) {
    throw toApiError(err, `produce to ${topic}`, clients.name);
  }
}
