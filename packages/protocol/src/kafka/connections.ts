import { z } from 'zod';
import { TimestampSchema } from '../common';

/** A connection's name: what pipelines (`kafka-source.cluster`) and URLs call the cluster. */
export const ConnectionNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: 'use 1–63 lower-case letters, digits and -, starting with a letter or digit' });

/** The connection made from `KAFKA_BROKERS`; built in, never stored, neither edited nor deleted. */
export const DEFAULT_CONNECTION = 'default';

export const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export const SaslMechanismSchema = z.enum(SASL_MECHANISMS);
export type SaslMechanism = z.infer<typeof SaslMechanismSchema>;

const PEM = z.string().max(65_536).regex(/-----BEGIN CERTIFICATE-----/, { error: 'must be PEM text with at least one BEGIN CERTIFICATE block' });

/**
 * `POST /api/kafka/connections` and `PUT /api/kafka/connections/:name` (admin). Only these
 * settings exist: no raw client properties pass through (unknown keys are refused). On update an absent `password` or
 * `caPem` keeps the stored one; `caPem: null` removes it.
 */
export const ConnectionInputSchema = z.strictObject({
  name: ConnectionNameSchema,
  /** `host:port[,host:port…]` of the listener clients use. */
  bootstrapServers: z.string().trim().min(1).max(2000),
  sasl: z
    .object({
      mechanism: SaslMechanismSchema,
      username: z.string().min(1).max(255),
      password: z.string().min(1).max(1024).optional(),
    })
    .nullable()
    .default(null),
  tls: z
    .object({
      enabled: z.boolean(),
      /** Extra CA certificates to trust (PEM); absent: the system's. */
      caPem: PEM.nullable().optional(),
    })
    .default({ enabled: false }),
});
export type ConnectionInput = z.input<typeof ConnectionInputSchema>;
export type ConnectionInputParsed = z.infer<typeof ConnectionInputSchema>;

/** A connection as the API shows it: secrets never leave the server, only whether they are set. */
export const ConnectionSchema = z.object({
  name: z.string(),
  bootstrapServers: z.string(),
  sasl: z.object({ mechanism: SaslMechanismSchema, username: z.string(), hasPassword: z.boolean() }).nullable(),
  tls: z.object({ enabled: z.boolean(), hasCa: z.boolean() }),
  /** True for `default` from KAFKA_BROKERS. */
  builtIn: z.boolean(),
  createdAt: TimestampSchema.nullable(),
  updatedAt: TimestampSchema.nullable(),
});
export type Connection = z.infer<typeof ConnectionSchema>;

export const ConnectionListSchema = z.object({ connections: z.array(ConnectionSchema) });
export type ConnectionList = z.infer<typeof ConnectionListSchema>;

export const ConnectionParamsSchema = z.object({ name: ConnectionNameSchema });

/** `POST /api/kafka/connections/test` (admin): can Weir reach the cluster with these settings? */
export const ConnectionTestResultSchema = z.object({
  ok: z.boolean(),
  brokers: z.number().int().nonnegative(),
  clusterId: z.string().nullable(),
  /** Why not, when not ok. */
  error: z.string().nullable(),
});
export type ConnectionTestResult = z.infer<typeof ConnectionTestResultSchema>;
