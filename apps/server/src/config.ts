import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Where `npm run build:web` puts the browser app. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Shorter tokens are guessable: refused at start rather than accepted quietly. */
export const MIN_METRICS_TOKEN_LENGTH = 16;

const port = z.coerce.number().int().min(0).max(65535);
const httpUrl = z
  .string()
  .regex(/^https?:\/\/[^/\s]+(\/\S*)?$/, { error: 'must be an http:// or https:// URL' })
  .transform((u) => u.replace(/\/+$/, ''));

/**
 * The server's settings, read from the environment (design.md, Environment). Empty strings
 * count as absent so that `KAFKA_BROKERS= weir up` behaves like not setting it.
 */
export const EnvSchema = z.object({
  WEIR_PORT: port.default(3000),
  WEIR_HOST: z.string().min(1).default('127.0.0.1'),
  WEIR_DATA_DIR: z.string().min(1).default('.weir'),
  KAFKA_BROKERS: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// URL (leave it unset for SQLite under the data directory)' })
    .optional(),
  WEIR_POSTGRES_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// URL' })
    .optional(),
  /** An existing Flink's REST API and SQL Gateway (both or neither); unset: a local Flink starts on the first Flink deploy. */
  FLINK_REST_URL: httpUrl.optional(),
  FLINK_SQL_GATEWAY_URL: httpUrl.optional(),
  /** More origins the live socket accepts (a reverse proxy's public origin, Vite's dev server), comma-separated. */
  WEIR_ALLOWED_ORIGINS: z.string().optional(),
  /** The bearer token a Prometheus scraper sends to GET /metrics; unset: only sessions read it. */
  WEIR_METRICS_TOKEN: z
    .string()
    .min(MIN_METRICS_TOKEN_LENGTH, { error: `is too short: use at least ${MIN_METRICS_TOKEN_LENGTH} characters (e.g. openssl rand -hex 24)` })
    .optional(),
});

/**
 * The PostgreSQL that postgres-sink's `default` connection writes to when neither
 * WEIR_POSTGRES_URL nor a PostgreSQL DATABASE_URL names one: the local server, so the
 * Kafka → PostgreSQL template runs on a fresh machine.
 */
export const DEFAULT_SINK_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export const ConfigSchema = z.object({
  port,
  host: z.string().min(1),
  dataDir: z.string().min(1),
  kafkaBrokers: z.string().min(1).optional(),
  databaseUrl: z.string().min(1).optional(),
  /** postgres-sink's `default` connection. */
  sinkPostgresUrl: z.string().min(1),
  /** An existing Flink (FLINK_REST_URL, FLINK_SQL_GATEWAY_URL); absent: a local one is started on demand. */
  flinkRestUrl: z.string().min(1).optional(),
  flinkGatewayUrl: z.string().min(1).optional(),
  /** Origins the live socket accepts besides the server's own. */
  allowedOrigins: z.array(z.string().min(1)),
  /** GET /metrics' bearer token (WEIR_METRICS_TOKEN); empty: sessions only. */
  metricsToken: z.string(),
  /** Directory of the built web app; the server answers without it, pointing at the build step. */
  webDir: z.string().min(1),
  /** Largest request body in bytes. */
  bodyLimit: z.number().int().positive(),
  /** Requests per client address per minute. */
  rateLimitMax: z.number().int().positive(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  /** Login attempts per client address per minute (stricter than the general limit). */
  loginRateLimitMax: z.number().int().positive(),
  /** A session ends after this long without a request (sliding expiry). */
  sessionIdleMs: z.number().int().positive(),
  /** How long a one-time login link stays usable. */
  loginTokenTtlMs: z.number().int().positive(),
});
export type WeirConfig = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'BAD_CONFIG';
}

const DEFAULTS = {
  webDir: DEFAULT_WEB_DIR,
  bodyLimit: 1024 * 1024,
  rateLimitMax: 1200,
  logLevel: 'warn',
  loginRateLimitMax: 10,
  sessionIdleMs: 24 * 60 * 60 * 1000,
  loginTokenTtlMs: 24 * 60 * 60 * 1000,
} as const;

/** Reads the environment; a bad value throws ConfigError naming the variable. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<WeirConfig> = {},
): WeirConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Environment variable ${issue.path.join('.')} is invalid: ${issue.message}`);
  }
  const e = parsed.data;
  if ((e.FLINK_REST_URL === undefined) !== (e.FLINK_SQL_GATEWAY_URL === undefined)) {
    const missing = e.FLINK_REST_URL === undefined ? 'FLINK_REST_URL' : 'FLINK_SQL_GATEWAY_URL';
    throw new ConfigError(`Environment variable ${missing} is missing: set FLINK_REST_URL and FLINK_SQL_GATEWAY_URL together to use an existing Flink, or neither to start a local one`);
  }
  return ConfigSchema.parse({
    ...DEFAULTS,
    port: e.WEIR_PORT,
    host: e.WEIR_HOST,
    dataDir: resolve(e.WEIR_DATA_DIR),
    kafkaBrokers: e.KAFKA_BROKERS,
    databaseUrl: e.DATABASE_URL,
    sinkPostgresUrl: e.WEIR_POSTGRES_URL ?? e.DATABASE_URL ?? DEFAULT_SINK_POSTGRES_URL,
    flinkRestUrl: e.FLINK_REST_URL,
    flinkGatewayUrl: e.FLINK_SQL_GATEWAY_URL,
    allowedOrigins: (e.WEIR_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    metricsToken: e.WEIR_METRICS_TOKEN ?? '',
    ...overrides,
  });
}
