import fp from 'fastify-plugin';
import type { WeirConfig } from '../../config';

declare module 'fastify' {
  interface FastifyInstance {
    config: WeirConfig;
  }
}

/** Makes the parsed settings (config.ts) available to every plugin, service and route. */
export default fp<{ config: WeirConfig }>(
  async (app, opts) => {
    app.decorate('config', opts.config);
  },
  { name: 'weir-config' },
);
