import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { WeirConfig } from './config';
import errorHandler from './plugins/app/error-handler';
import configPlugin from './plugins/external/config';
import helmet from './plugins/external/helmet';
import rateLimit from './plugins/external/rate-limit';
import swagger from './plugins/external/swagger';
import webApp from './plugins/external/web-app';
import routes from './routes/index';
import kafkaService from './services/kafka-service';

export type WeirApp = FastifyInstance;

/**
 * The Fastify application, not yet listening. Order as in fastify/demo: external plugins,
 * then services, then routes. Registered explicitly rather than autoloaded (see routes/index.ts).
 */
export async function buildApp(config: WeirConfig): Promise<WeirApp> {
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
  await app.register(swagger);
  await app.register(webApp);

  await app.register(kafkaService);

  await app.register(routes);
  return app;
}
