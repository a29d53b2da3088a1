import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** Epoch ms; tests pass their own clock to expire sessions and tokens without waiting. */
    now: () => number;
  }
}

export default fp<{ now?: () => number }>(
  async (app, opts) => {
    app.decorate('now', opts.now ?? Date.now);
  },
  { name: 'weir-clock' },
);
