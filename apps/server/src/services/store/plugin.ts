import fp from 'fastify-plugin';
import { openStore, type Store } from './store';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
  }
}

/** The database: SQLite under the data directory, or PostgreSQL when DATABASE_URL says so. */
export default fp<{ schema?: string }>(
  async (app, opts) => {
    const store = await openStore({
      dataDir: app.config.dataDir,
      ...(app.config.databaseUrl !== undefined ? { databaseUrl: app.config.databaseUrl } : {}),
      ...(opts.schema !== undefined ? { schema: opts.schema } : {}),
    });
    app.decorate('store', store);
    // Last: the job manager and the rest stop (and write their final states) before the store closes.
    app.addHook('onClose', () => store.close());
  },
  { name: 'weir-store', dependencies: ['weir-config'] },
);
