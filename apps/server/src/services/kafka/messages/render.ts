import type { RawRecord } from '@weir/kafka/raw-cluster';
import type { KafkaMessage, RenderedBytes } from '@weir/protocol';

/** Characters of text (or bytes of hex) shown per key, value or header; the size says what was cut. */
export const DISPLAY_LIMIT = 64 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });
// Text with control characters other than tab, newline and carriage return is shown as bytes.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function hex(buf: Buffer, limit: number): string {
  const shown = buf.subarray(0, limit);
  const out: string[] = [];
  for (let i = 0; i < shown.length; i += 16) out.push(shown.subarray(i, i + 16).toString('hex').replace(/(..)(?!$)/g, '$1 '));
  return out.join('\n');
}

/** Decodes bytes as UTF-8 text, or null when they are not (or hold control characters). */
export function textOf(buf: Buffer): string | null {
  let text: string;
  try {
    text = utf8.decode(buf);
  } catch {
    return null;
  }
  return CONTROL.test(text) ? null : text;
}

/** JSON objects, arrays and strings pretty-printed; other text as it is; anything else as hex. */
export function renderBytes(buf: Buffer | null, limit = DISPLAY_LIMIT): RenderedBytes | null {
  if (buf === null) return null;
  const size = buf.length;
  const text = textOf(buf);
  if (text === null) return { format: 'hex', text: hex(buf, limit), size, truncated: size > limit };
  const first = text.trimStart()[0];
  if (first === '{' || first === '[' || first === '"') {
    try {
      const pretty = JSON.stringify(JSON.parse(text), null, 2);
      return { format: 'json', text: pretty.length > limit ? pretty.slice(0, limit) : pretty, size, truncated: pretty.length > limit };
    } catch {
      // Not JSON after all: shown as text.
    }
  }
  return { format: 'text', text: text.length > limit ? text.slice(0, limit) : text, size, truncated: text.length > limit };
}

/** A raw record as the browser shows it. */
export function renderRecord(partition: number, r: RawRecord, limit = DISPLAY_LIMIT): KafkaMessage {
  const headers: KafkaMessage['headers'] = [];
  for (const [key, value] of Object.entries(r.headers ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) headers.push({ key, value: v === undefined ? null : renderBytes(Buffer.isBuffer(v) ? v : Buffer.from(String(v)), limit) });
  }
  return {
    partition,
    offset: r.offset,
    timestamp: new Date(Number.isFinite(r.timestamp) && r.timestamp >= 0 ? r.timestamp : 0).toISOString(),
    key: renderBytes(r.key, limit),
    value: renderBytes(r.value, limit),
    headers,
  };
}
