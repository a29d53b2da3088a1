import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { WeirConfig } from './config';
import errorHandler from './plugins/app/error-handler';
import configPlugin from './plugins/external/config';
import cookie from './plugins/external/cookie';
import helmet from './plugins/external/helmet';
import rateLimit from './plugins/external/rate-limit';
import socketIo from './plugins/external/socket-io';
import swagger from './plugins/external/swagger';
import webApp from './plugins/external/web-app';
import routes from './routes/index';
import auditService from './services/audit-service';
import authService from './services/auth/plugin';
import clock from './services/clock';
import compileService from './services/compile-service';
import jobManager from './services/jobs/plugin';
import type { EngineEntry } from './services/jobs/engine-registry';
import kafkaService from './services/kafka-service';
import jobsLive from './services/live/plugin';
import pipelineService from './services/pipeline-service';
import storePlugin from './services/store/plugin';

export type WeirApp = FastifyInstance;

/** What tests (and embedders) may supply instead of the defaults. */
export interface AppOptions {
  /** Epoch-ms clock for sessions, tokens and records. */
  now?: () => number;
  /** PostgreSQL only: keep the tables in this schema (tests use one each). */
  storeSchema?: string;
  /** The engines jobs run on; default: the embedded runtime and Flink (services/jobs/engine-registry.ts). */
  engines?: EngineEntry[];
}

/**
 * The Fastify application, not yet listening. Order as in fastify/demo: external plugins,
 * then services, then routes. Registered explicitly rather than autoloaded (see routes/index.ts).
 */
export async function buildApp(config: WeirConfig, options: AppOptions = {}): Promise<WeirApp> {
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    // Browsers and proxies send both; one route answers both.
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(configPlugin, { config });
  await app.register(errorHandler);
  await app.register(helmet);
  await app.register(rateLimit);
  await app.register(cookie);
  await app.register(swagger);
  await app.register(webApp);

  await app.register(clock, options.now ? { now: options.now } : {});
  await app.register(storePlugin, options.storeSchema !== undefined ? { schema: options.storeSchema } : {});
  await app.register(auditService);
  await app.register(authService);
  await app.register(socketIo);
  await app.register(kafkaService);
  await app.register(pipelineService);
  await app.register(compileService);
  await app.register(jobManager, options.engines ? { engines: options.engines } : {});
  await app.register(jobsLive);

  await app.register(routes);
  return app;
}
