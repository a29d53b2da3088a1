import { isKafkaClientError, parseBrokers, type SASLOptions } from '@weir/kafka';
import { DEFAULT_CONNECTION, type Connection, type ConnectionInputParsed } from '@weir/protocol';
import { ApiError } from '../../api-error';
import type { AuditService } from '../audit-service';
import { requireRole, type Actor } from '../auth/actor';
import type { Store } from '../store/store';
import type { KafkaConnectionRow } from '../store/kafka-connections-repo';
import type { SecretBox } from './secret-box';

/** What the Kafka clients of one connection are built from. Only these settings exist. */
export interface ClusterSettings {
  name: string;
  brokers: string[];
  sasl: SASLOptions | null;
  /** false: plaintext; otherwise TLS, with extra CAs when given. */
  tls: false | { ca: string | null };
}

export interface ConnectionsDeps {
  store: Store;
  audit: AuditService;
  now: () => number;
  /** Made lazily: the key file is written only once a secret is stored. */
  box: () => SecretBox;
  /** KAFKA_BROKERS: the built-in `default` connection. */
  defaultBrokers: string | undefined;
  /** Called after a connection changed or went, so its clients are rebuilt. */
  changed(name: string): void;
}

function builtIn(brokers: string): Connection {
  return { name: DEFAULT_CONNECTION, bootstrapServers: brokers, sasl: null, tls: { enabled: false, hasCa: false }, builtIn: true, createdAt: null, updatedAt: null };
}

function toConnection(r: KafkaConnectionRow): Connection {
  return {
    name: r.name,
    bootstrapServers: r.bootstrapServers,
    sasl: r.saslMechanism && r.saslUsername !== null ? { mechanism: r.saslMechanism, username: r.saslUsername, hasPassword: r.saslPassword !== null } : null,
    tls: { enabled: r.tlsEnabled, hasCa: r.tlsCa !== null },
    builtIn: false,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

function checkBrokers(text: string): string {
  try {
    return parseBrokers(text).join(',');
  } catch (err) {
    if (isKafkaClientError(err)) throw new ApiError(400, 'BAD_REQUEST', `bootstrapServers: ${err.message}`);
    throw err;
  }
}

export function saslOptions(mechanism: string, username: string, password: string): SASLOptions {
  if (mechanism === 'plain') return { mechanism: 'plain', username, password };
  if (mechanism === 'scram-sha-256') return { mechanism: 'scram-sha-256', username, password };
  return { mechanism: 'scram-sha-512', username, password };
}

/** Connections to Kafka clusters: anyone signed in sees them (without secrets); admins change them. */
export function createConnectionsService(deps: ConnectionsDeps) {
  const { store, audit, now } = deps;

  /** The row an input makes, keeping the stored secrets an update leaves out. */
  function rowFrom(input: ConnectionInputParsed, previous: KafkaConnectionRow | undefined, at: number): KafkaConnectionRow {
    const bootstrapServers = checkBrokers(input.bootstrapServers);
    let saslPassword: string | null = null;
    if (input.sasl) {
      if (input.sasl.password !== undefined) saslPassword = deps.box().seal(input.sasl.password);
      else if (previous?.saslPassword && previous.saslMechanism) saslPassword = previous.saslPassword;
      else throw new ApiError(400, 'BAD_REQUEST', `sasl.password: ${input.name} has no stored password; give one`);
    }
    const tlsCa = input.tls.caPem === undefined ? (previous?.tlsCa ?? null) : input.tls.caPem;
    return {
      name: input.name,
      bootstrapServers,
      saslMechanism: input.sasl?.mechanism ?? null,
      saslUsername: input.sasl?.username ?? null,
      saslPassword,
      tlsEnabled: input.tls.enabled,
      tlsCa: input.tls.enabled ? tlsCa : null,
      createdAt: previous?.createdAt ?? at,
      updatedAt: at,
    };
  }

  function settingsOf(r: KafkaConnectionRow): ClusterSettings {
    let sasl: SASLOptions | null = null;
    if (r.saslMechanism && r.saslUsername !== null && r.saslPassword !== null) {
      let password: string;
      try {
        password = deps.box().open(r.saslPassword);
      } catch {
        throw new ApiError(503, 'KAFKA_UNAVAILABLE', `The password of connection ${r.name} cannot be decrypted: the data directory's secret.key (or WEIR_SECRET_KEY) is not the one it was stored with. An admin can enter it again.`);
      }
      sasl = saslOptions(r.saslMechanism, r.saslUsername, password);
    }
    return { name: r.name, brokers: r.bootstrapServers.split(','), sasl, tls: r.tlsEnabled ? { ca: r.tlsCa } : false };
  }

  function refuseBuiltIn(name: string): void {
    if (name === DEFAULT_CONNECTION && deps.defaultBrokers) {
      throw new ApiError(409, 'CONNECTION_BUILT_IN', 'The default connection comes from KAFKA_BROKERS; change that variable and restart Weir instead.');
    }
  }

  const notFound = (name: string) => new ApiError(404, 'NOT_FOUND', `There is no Kafka connection named ${name}.`);

  return {
    async list(actor: Actor): Promise<Connection[]> {
      requireRole(actor, 'viewer');
      const stored = (await store.kafkaConnections.list()).map(toConnection);
      return deps.defaultBrokers ? [builtIn(deps.defaultBrokers), ...stored.filter((c) => c.name !== DEFAULT_CONNECTION)] : stored;
    },

    async get(actor: Actor, name: string): Promise<Connection> {
      requireRole(actor, 'viewer');
      if (name === DEFAULT_CONNECTION && deps.defaultBrokers) return builtIn(deps.defaultBrokers);
      const row = await store.kafkaConnections.get(name);
      if (!row) throw notFound(name);
      return toConnection(row);
    },

    async create(actor: Actor, input: ConnectionInputParsed): Promise<Connection> {
      requireRole(actor, 'admin');
      refuseBuiltIn(input.name);
      const row = rowFrom(input, undefined, now());
      try {
        await store.transaction(async (tx) => {
          if (await tx.kafkaConnections.get(input.name)) throw new ApiError(409, 'NAME_TAKEN', `A connection named ${input.name} exists already.`);
          await tx.kafkaConnections.insert(row);
          await audit.record(actor, { action: 'kafka-connection.create', target: `kafka-connection:${row.name}`, details: { bootstrapServers: row.bootstrapServers, sasl: row.saslMechanism, tls: row.tlsEnabled } }, tx);
        });
      } catch (err) {
        if (store.isUniqueViolation(err)) throw new ApiError(409, 'NAME_TAKEN', `A connection named ${input.name} exists already.`);
        throw err;
      }
      deps.changed(row.name);
      return toConnection(row);
    },

    async update(actor: Actor, name: string, input: ConnectionInputParsed): Promise<Connection> {
      requireRole(actor, 'admin');
      refuseBuiltIn(name);
      if (input.name !== name) throw new ApiError(400, 'BAD_REQUEST', `name: a connection cannot be renamed (${name} → ${input.name}); create a new one.`);
      const row = await store.transaction(async (tx) => {
        const previous = await tx.kafkaConnections.get(name);
        if (!previous) throw notFound(name);
        const next = rowFrom(input, previous, now());
        await tx.kafkaConnections.update(next);
        await audit.record(actor, { action: 'kafka-connection.update', target: `kafka-connection:${name}`, details: { bootstrapServers: next.bootstrapServers, sasl: next.saslMechanism, tls: next.tlsEnabled, passwordChanged: input.sasl?.password !== undefined } }, tx);
        return next;
      });
      deps.changed(name);
      return toConnection(row);
    },

    async delete(actor: Actor, name: string): Promise<void> {
      requireRole(actor, 'admin');
      refuseBuiltIn(name);
      await store.transaction(async (tx) => {
        if (!(await tx.kafkaConnections.delete(name))) throw notFound(name);
        await audit.record(actor, { action: 'kafka-connection.delete', target: `kafka-connection:${name}` }, tx);
      });
      deps.changed(name);
    },

    /** The settings an input would make (secrets of the stored connection of that name filled in), for a test. */
    async settingsForTest(actor: Actor, input: ConnectionInputParsed): Promise<ClusterSettings> {
      requireRole(actor, 'admin');
      const previous = await store.kafkaConnections.get(input.name);
      return settingsOf(rowFrom(input, previous, now()));
    },

    /** The settings of a connection, for the server's own clients (no role: callers check it). */
    async settings(name: string): Promise<ClusterSettings> {
      if (name === DEFAULT_CONNECTION && deps.defaultBrokers) {
        return { name, brokers: parseBrokers(deps.defaultBrokers), sasl: null, tls: false };
      }
      const row = await store.kafkaConnections.get(name);
      if (!row) throw notFound(name);
      return settingsOf(row);
    },
  };
}
export type ConnectionsService = ReturnType<typeof createConnectionsService>;
