import type { SaslMechanism } from '@weir/protocol';
import { num, strOrNull, type Db, type Row } from './db';

/** A stored Kafka connection; `saslPassword` is the sealed (encrypted) text, never the password. */
export interface KafkaConnectionRow {
  name: string;
  bootstrapServers: string;
  saslMechanism: SaslMechanism | null;
  saslUsername: string | null;
  saslPassword: string | null;
  tlsEnabled: boolean;
  tlsCa: string | null;
  createdAt: number;
  updatedAt: number;
}

function toRow(r: Row): KafkaConnectionRow {
  return {
    name: String(r.name),
    bootstrapServers: String(r.bootstrap_servers),
    saslMechanism: strOrNull(r.sasl_mechanism) as SaslMechanism | null,
    saslUsername: strOrNull(r.sasl_username),
    saslPassword: strOrNull(r.sasl_password),
    tlsEnabled: num(r.tls_enabled) === 1,
    tlsCa: strOrNull(r.tls_ca),
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
  };
}

export function kafkaConnectionsRepo(db: Db) {
  return {
    async list(): Promise<KafkaConnectionRow[]> {
      return (await db.all('SELECT * FROM kafka_connections ORDER BY name')).map(toRow);
    },
    async get(name: string): Promise<KafkaConnectionRow | undefined> {
      const r = await db.get('SELECT * FROM kafka_connections WHERE name = ?', [name]);
      return r && toRow(r);
    },
    async insert(c: KafkaConnectionRow): Promise<void> {
      await db.run(
        `INSERT INTO kafka_connections (name, bootstrap_servers, sasl_mechanism, sasl_username, sasl_password, tls_enabled, tls_ca, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [c.name, c.bootstrapServers, c.saslMechanism, c.saslUsername, c.saslPassword, c.tlsEnabled ? 1 : 0, c.tlsCa, c.createdAt, c.updatedAt],
      );
    },
    async update(c: KafkaConnectionRow): Promise<boolean> {
      const r = await db.run(
        `UPDATE kafka_connections SET bootstrap_servers = ?, sasl_mechanism = ?, sasl_username = ?, sasl_password = ?, tls_enabled = ?, tls_ca = ?, updated_at = ?
         WHERE name = ?`,
        [c.bootstrapServers, c.saslMechanism, c.saslUsername, c.saslPassword, c.tlsEnabled ? 1 : 0, c.tlsCa, c.updatedAt, c.name],
      );
      return r.changes === 1;
    },
    async delete(name: string): Promise<boolean> {
      return (await db.run('DELETE FROM kafka_connections WHERE name = ?', [name])).changes === 1;
    },
  };
}
export type KafkaConnectionsRepo = ReturnType<typeof kafkaConnectionsRepo>;
