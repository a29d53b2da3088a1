import cookie from '@fastify/cookie';
import fp from 'fastify-plugin';

/** Cookie parsing and setting; the session cookie's attributes live in plugins/app/session.ts. */
export default fp(
  async (app) => {
    await app.register(cookie);
  },
  { name: 'weir-cookie' },
);
