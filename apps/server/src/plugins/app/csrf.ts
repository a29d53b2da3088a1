import fp from 'fastify-plugin';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@weir/protocol';
import { ApiError } from '../../api-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Defence against cross-site request forgery, beside the SameSite=Strict cookie: every
 * mutating request must carry `x-weir-csrf: 1`. A page on another origin cannot add a
 * custom header to a form post, and a cross-origin fetch with one needs a CORS preflight
 * that this server never grants, so only Weir's own pages (and scripts that mean it) pass.
 */
export default fp(
  async (app) => {
    app.addHook('onRequest', async (req) => {
      if (SAFE_METHODS.has(req.method)) return;
      if (req.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
        throw new ApiError(403, 'CSRF_REJECTED', `${req.method} requests must carry the header ${CSRF_HEADER}: ${CSRF_HEADER_VALUE} (Weir's web app sends it).`);
      }
    });
  },
  { name: 'weir-csrf' },
);
