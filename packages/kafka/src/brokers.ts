import { KafkaClientError } from './kafka-client-error';

// Hostnames (RFC 1123 labels), IPv4, or a bracketed IPv6 literal; the port is mandatory
// because Kafka has no single default that every listener uses.
const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*):(\d{1,5})$/;
// Users paste bootstrap strings from client configs, which sometimes carry a listener scheme.
const SCHEME = /^[A-Za-z_][A-Za-z0-9_+.-]*:\/\//;

/** One `host:port` checked; returns it trimmed and without a listener scheme. */
export function parseBroker(entry: string): string {
  const text = entry.trim().replace(SCHEME, '');
  const m = HOST_PORT.exec(text);
  const port = m ? Number(m[5]) : NaN;
  if (!m || port < 1 || port > 65535) {
    throw new KafkaClientError('BAD_BROKERS', `Broker "${entry.trim()}" is not host:port (for example 127.0.0.1:9092)`);
  }
  return text;
}

/**
 * Parses a bootstrap list such as `KAFKA_BROKERS` ("a:9092,b:9092", spaces and
 * newlines allowed) into distinct `host:port` strings, in order.
 */
export function parseBrokers(input: string | readonly string[]): string[] {
  const parts = (typeof input === 'string' ? input.split(/[\s,]+/) : input.flatMap((s) => s.split(/[\s,]+/)))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (parts.length === 0) {
    throw new KafkaClientError('BAD_BROKERS', 'No Kafka broker given: expected host:port[,host:port…]');
  }
  return [...new Set(parts.map(parseBroker))];
}
