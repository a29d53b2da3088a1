import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

/**
 * Security headers. The built web app loads only its own hashed files (no inline script or
 * style element: the theme is set by /theme-init.js), so the policy allows 'self' alone.
 * React's style props go through the CSSOM, which style-src does not restrict.
 */
export default fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          baseUri: ["'self'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          // 'self' covers same-origin WebSocket (socket.io) in current browsers.
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // Weir is usually reached over plain http on a workstation; HSTS there only confuses.
      strictTransportSecurity: false,
    });
  },
  { name: 'weir-helmet' },
);
