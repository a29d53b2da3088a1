import { z } from 'zod';

/** A PostgreSQL connection as the Flink JDBC connector needs it. */
export const JdbcConnectionSchema = z.object({
  /** `jdbc:postgresql://host:port/db` or `postgres://user:pass@host:port/db`. */
  url: z.string().min(1),
  username: z.string().optional(),
  password: z.string().optional(),
});
export type JdbcConnection = z.infer<typeof JdbcConnectionSchema>;

export const CompileOptionsSchema = z.object({
  /** Bootstrap servers (`host:port,…`) of the cluster named `default`. */
  brokers: z.string().min(1).optional(),
  /** Bootstrap servers per configured Kafka cluster name; `default` falls back to `brokers`. */
  clusters: z.record(z.string(), z.string().min(1)).optional(),
  /** PostgreSQL connections by name (Flink only; the embedded runtime resolves its own). */
  connections: z.record(z.string(), JdbcConnectionSchema).optional(),
  /** Prefix of consumer group ids and transactional ids; default `weir.<pipeline name>`. */
  resourcePrefix: z.string().regex(/^[A-Za-z0-9._-]{1,200}$/).optional(),
});
export type CompileOptions = z.infer<typeof CompileOptionsSchema>;
