import fp from 'fastify-plugin';
import { createJobManager, type JobManager } from './job-manager';
import { defaultEngines, type EngineEntry } from './engine-registry';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobManager;
  }
}

export default fp<{ engines?: EngineEntry[] }>(
  async (app, opts) => {
    const manager = createJobManager({
      store: app.store,
      audit: app.audit,
      now: app.now,
      log: app.log,
      engines: opts.engines ?? defaultEngines({
        dataDir: app.config.dataDir,
        flinkRestUrl: app.config.flinkRestUrl,
        flinkGatewayUrl: app.config.flinkGatewayUrl,
        // Starting a local Flink takes a while (Maven on the first run): say what it is doing.
        onFlinkProgress: (message) => app.log.info({ engine: 'flink' }, message),
      }),
      dataDir: app.config.dataDir,
      ...(app.config.kafkaBrokers ? { kafkaBrokers: app.config.kafkaBrokers } : {}),
      // postgres-sink's `default` connection (WEIR_POSTGRES_URL, else a PostgreSQL DATABASE_URL, else the local server).
      postgresUrl: app.config.sinkPostgresUrl,
    });
    app.decorate('jobs', manager);
    app.addHook('onReady', async () => {
      try {
        await manager.resume();
      } catch (err) {
        app.log.error({ err }, 'could not resume the jobs that were running');
      }
    });
    app.addHook('onClose', () => manager.close());
  },
  { name: 'weir-job-manager', dependencies: ['weir-store', 'weir-audit-service', 'weir-clock', 'weir-config'] },
);
