import type { RawRecord } from '@weir/kafka/raw-cluster';
import type { ExportLine } from '@weir/protocol';
import { textOf } from '../messages/render';
import { scanTopic, type ScanResult } from './scan-topic';
import type { PreparedSearch } from './prepare-search';
import type { RawCluster } from '@weir/kafka/raw-cluster';

/** One exported message: JSON values inline, text as text, other bytes in base64. */
export function exportLine(topic: string, partition: number, r: RawRecord): ExportLine {
  let value: unknown = null;
  let valueEncoding: ExportLine['valueEncoding'] = 'null';
  if (r.value !== null) {
    const text = textOf(r.value);
    if (text === null) {
      value = r.value.toString('base64');
      valueEncoding = 'base64';
    } else {
      try {
        value = JSON.parse(text);
        valueEncoding = 'json';
      } catch {
        value = text;
        valueEncoding = 'text';
      }
    }
  }
  let key: string | null = null;
  let keyEncoding: ExportLine['keyEncoding'] = 'null';
  if (r.key !== null) {
    const text = textOf(r.key);
    key = text ?? r.key.toString('base64');
    keyEncoding = text === null ? 'base64' : 'text';
  }
  const headers: Record<string, string> = {};
  for (const [name, v] of Object.entries(r.headers ?? {})) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) headers[name] = Buffer.isBuffer(first) ? (textOf(first) ?? `base64:${first.toString('base64')}`) : String(first);
  }
  return {
    topic, partition, offset: r.offset, timestamp: new Date(Math.max(0, r.timestamp)).toISOString(),
    key, value, valueEncoding, keyEncoding, headers,
  };
}

// Lines are written in chunks of about this many characters.
const CHUNK = 64 * 1024;

/**
 * Writes every match of a prepared search as JSON lines — no match cap; a message or time
 * budget still applies. `write` may return a promise (a stream waiting to drain), which holds
 * the scan; `signal` (the download cancelled) stops it.
 */
export async function exportMatches(
  raw: RawCluster,
  topic: string,
  prepared: PreparedSearch,
  budget: { maxMessages?: number | undefined; maxSeconds?: number | undefined },
  write: (chunk: string) => void | Promise<void>,
  signal: AbortSignal,
): Promise<ScanResult> {
  let buffer = '';
  const result = await scanTopic({
    raw,
    topic,
    spans: prepared.spans,
    search: prepared.search,
    maxMessages: budget.maxMessages,
    maxSeconds: budget.maxSeconds,
    signal,
    onMatch(partition, record) {
      buffer += `${JSON.stringify(exportLine(topic, partition, record))}\n`;
      if (buffer.length < CHUNK) return;
      const chunk = buffer;
      buffer = '';
      return write(chunk);
    },
  });
  if (buffer.length > 0) await write(buffer);
  return result;
}
